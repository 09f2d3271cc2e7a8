"""Store dashboard: reports, the export view of the store's figures."""

import reflex as rx

from modules.analytics.state import ReportsState
from orion_app.ui.components import page, section
from orion_app.ui.i18n import t
from orion_app.ui.tables import data_table, row


def _series_table() -> rx.Component:
    """The daily series (stock movements), newest day first, scrolling inside its own box."""
    state = ReportsState
    table = rx.box(
        rx.table.root(
            rx.table.header(rx.table.row(rx.foreach(state.series_columns, rx.table.column_header_cell))),
            rx.table.body(
                rx.foreach(state.series_rows, lambda cells: rx.table.row(rx.foreach(cells, rx.table.cell)))
            ),
            size="1",
            width="100%",
        ),
        overflow_x="auto",
        max_height="28em",
        overflow_y="auto",
        width="100%",
    )
    download = rx.button(
        rx.icon("download", size=16),
        t("analytics.reports.download_movements"),
        on_click=state.download_series,
    )
    return section(
        "analytics.reports.movements",
        rx.cond(
            state.series_rows.length() > 0,
            rx.vstack(table, download, spacing="3", width="100%"),
            rx.text(t("analytics.reports.no_movements"), color_scheme="gray", size="2"),
        ),
    )


def reports_page() -> rx.Component:
    download = rx.button(t("analytics.reports.download"), on_click=ReportsState.download, variant="soft")
    return page(
        "analytics.reports.title",
        section(
            "analytics.reports.figures",
            data_table(
                ["analytics.reports.metric", "analytics.reports.value"],
                ReportsState.rows,
                lambda r: row(r["label"], r["value"]),
                empty="analytics.reports.empty",
            ),
        ),
        _series_table(),
        intro_key="analytics.reports.intro",
        actions=(download,),
        spacing="4",
    )
