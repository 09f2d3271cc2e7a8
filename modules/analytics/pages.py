"""Store dashboard: reports."""

import reflex as rx

from modules.analytics.state import ReportsState
from orion_app.ui.components import page
from orion_app.ui.i18n import t
from orion_app.ui.tables import data_table, row


def reports_page() -> rx.Component:
    download = rx.button(t("analytics.reports.download"), on_click=ReportsState.download, variant="soft")
    return page(
        "analytics.reports.title",
        data_table(
            ["analytics.reports.metric", "analytics.reports.value"],
            ReportsState.rows,
            lambda r: row(r["label"], r["value"]),
            empty="analytics.reports.empty",
        ),
        actions=(download,),
    )
