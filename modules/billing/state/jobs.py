"""Admin → Billing jobs: the recent runs of billing's scheduled jobs (start, end, counts, errors)."""

import reflex as rx

from modules.billing import public as billing
from orion_app.db import session_scope
from orion_app.ui.format import iso
from orion_app.ui.guard import guarded
from orion_app.ui.state import OrionState

PLANS = "billing.plans.manage"


def run_row(run) -> dict[str, str]:
    counts = ", ".join(f"{name}: {value}" for name, value in sorted(run.counts.items()))
    return {
        "job": run.job,
        "slot": run.slot,
        "status": run.status,
        "started": iso(run.started_at),
        "finished": iso(run.finished_at),
        "counts": counts,
        "fixes": str(len(run.fixes)),
        "errors": run.errors or "",
    }


class JobRunsState(OrionState):
    runs: list[dict[str, str]] = []

    @rx.event
    @guarded(PLANS, quiet=True)
    def load(self):
        with session_scope() as session:
            self.runs = [run_row(run) for run in billing.job_runs(session, limit=50)]
