"""Admin: job queues page."""

import reflex as rx

from modules.monitoring.state import QueuesState
from orion_app.ui.components import form_error, page, stat_card
from orion_app.ui.i18n import t
from orion_app.ui.tables import data_table, row


def queues_page() -> rx.Component:
    return page(
        "monitoring.queues.title",
        form_error(QueuesState.error),
        stat_card(t("monitoring.queues.workers"), QueuesState.workers),
        data_table(
            [f"monitoring.queues.{c}" for c in ("queue", "queued", "running", "failed")],
            QueuesState.rows,
            lambda r: row(rx.code(r["queue"]), r["queued"], r["running"], r["failed"]),
        ),
        actions=(rx.button(t("monitoring.queues.refresh"), on_click=QueuesState.load, variant="soft"),),
        spacing="4",
    )
