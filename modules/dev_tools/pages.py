"""Admin: architecture validator page."""

import reflex as rx

from modules.dev_tools.state import ValidatorState
from orion_app.ui.components import page_heading
from orion_app.ui.i18n import t


def validator_page() -> rx.Component:
    return rx.vstack(
        page_heading(
            "dev_tools.validator.title",
            rx.button(t("dev_tools.validator.rerun"), on_click=ValidatorState.load, variant="soft"),
        ),
        rx.text(
            t(
                "dev_tools.validator.summary",
                modules=ValidatorState.module_count,
                findings=ValidatorState.findings.length(),
            )
        ),
        rx.cond(
            ValidatorState.findings.length() > 0,
            rx.table.root(
                rx.table.header(
                    rx.table.row(*[rx.table.column_header_cell(h) for h in ("", "rule", "module", "")])
                ),
                rx.table.body(
                    rx.foreach(
                        ValidatorState.findings,
                        lambda f: rx.table.row(
                            rx.table.cell(
                                rx.badge(
                                    f["severity"],
                                    color_scheme=rx.cond(f["severity"] == "error", "red", "amber"),
                                )
                            ),
                            rx.table.cell(rx.code(f["rule"])),
                            rx.table.cell(f["module"]),
                            rx.table.cell(f["message"]),
                        ),
                    )
                ),
                width="100%",
            ),
            rx.callout(t("dev_tools.validator.clean"), icon="check", color_scheme="green"),
        ),
        width="100%",
    )
