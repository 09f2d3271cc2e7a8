"""Admin: job queues page."""

import reflex as rx

from modules.monitoring.state import QueuesState
from orion_app.ui.components import form_error, page_heading, stat_card
from orion_app.ui.i18n import t


def queues_page() -> rx.Component:
    return rx.vstack(
        page_heading(
            "monitoring.queues.title",
            rx.button(t("monitoring.queues.refresh"), on_click=QueuesState.load, variant="soft"),
        ),
        form_error(QueuesState.error),
        stat_card(t("monitoring.queues.workers"), QueuesState.workers),
        rx.table.root(
            rx.table.header(
                rx.table.row(
                    *[
                        rx.table.column_header_cell(t(f"monitoring.queues.{c}"))
                        for c in ("queue", "queued", "running", "failed")
                    ]
                )
            ),
            rx.table.body(
                rx.foreach(
                    QueuesState.rows,
                    lambda r: rx.table.row(
                        rx.table.cell(rx.code(r["queue"])),
                        rx.table.cell(r["queued"]),
                        rx.table.cell(r["running"]),
                        rx.table.cell(r["failed"]),
                    ),
                )
            ),
            width="100%",
        ),
        width="100%",
        spacing="4",
    )
