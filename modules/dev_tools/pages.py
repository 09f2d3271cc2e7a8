"""Admin: architecture validator page."""

import reflex as rx

from modules.dev_tools.state import ValidatorState
from orion_app.ui.components import page
from orion_app.ui.i18n import t
from orion_app.ui.tables import data_table, row


def _finding(f: rx.Var) -> rx.Component:
    return row(
        rx.badge(f["severity"], color_scheme=rx.cond(f["severity"] == "error", "red", "amber")),
        rx.code(f["rule"]),
        f["module"],
        f["message"],
    )


def validator_page() -> rx.Component:
    return page(
        "dev_tools.validator.title",
        rx.text(
            t(
                "dev_tools.validator.summary",
                modules=ValidatorState.module_count,
                findings=ValidatorState.findings.length(),
            )
        ),
        data_table(
            ["", "rule", "module", ""],
            ValidatorState.findings,
            _finding,
            empty=rx.callout(t("dev_tools.validator.clean"), icon="check", color_scheme="green"),
        ),
        actions=(rx.button(t("dev_tools.validator.rerun"), on_click=ValidatorState.load, variant="soft"),),
    )
