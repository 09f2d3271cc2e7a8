"""Store dashboard: reports."""

import reflex as rx

from modules.analytics.state import ReportsState
from orion_app.ui.components import empty_state, page_heading
from orion_app.ui.i18n import t


def reports_page() -> rx.Component:
    return rx.vstack(
        page_heading(
            "analytics.reports.title",
            rx.button(t("analytics.reports.download"), on_click=ReportsState.download, variant="soft"),
        ),
        rx.cond(
            ReportsState.rows.length() > 0,
            rx.table.root(
                rx.table.header(
                    rx.table.row(
                        rx.table.column_header_cell(t("analytics.reports.metric")),
                        rx.table.column_header_cell(t("analytics.reports.value")),
                    )
                ),
                rx.table.body(
                    rx.foreach(
                        ReportsState.rows,
                        lambda r: rx.table.row(rx.table.cell(r["label"]), rx.table.cell(r["value"])),
                    )
                ),
                width="100%",
            ),
            empty_state("analytics.reports.empty"),
        ),
        width="100%",
    )
