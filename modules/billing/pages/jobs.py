"""Admin → Billing jobs: recent runs of billing's scheduled jobs."""

import reflex as rx

from modules.billing.state.jobs import JobRunsState
from orion_app.ui.components import page, when
from orion_app.ui.tables import data_table, row


def _run(run: rx.Var) -> rx.Component:
    return row(
        rx.vstack(
            rx.code(run["job"]),
            rx.badge(run["status"], color_scheme=rx.cond(run["status"] == "failed", "red", "gray")),
            spacing="1",
        ),
        when(run["started"]),
        when(run["finished"]),
        run["counts"],
        run["fixes"],
        rx.text(run["errors"], color_scheme="red", size="1"),
        rx.code(run["slot"]),
    )


def job_runs_page() -> rx.Component:
    return page(
        "billing.jobs.title",
        data_table(
            (
                "billing.jobs.job",
                "billing.jobs.started",
                "billing.jobs.finished",
                "billing.jobs.counts",
                "billing.jobs.fixes",
                "billing.jobs.errors",
                "billing.jobs.slot",
            ),
            JobRunsState.runs,
            _run,
            empty="billing.jobs.none",
        ),
        intro_key="billing.jobs.intro",
    )
