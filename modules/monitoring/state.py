"""Admin: job queues."""

import reflex as rx

from modules.monitoring.services import queue_overview, worker_count
from orion_app.ui.guard import guarded
from orion_app.ui.state import OrionState


class QueuesState(OrionState):
    rows: list[dict[str, str]] = []
    workers: int = 0
    error: str = ""

    @rx.event
    @guarded("monitoring.view", quiet=True)
    def load(self):
        try:
            self.rows = [{k: str(v) for k, v in row.items()} for row in queue_overview()]
            self.workers = worker_count()
            self.error = ""
        except OSError as exc:  # redis-py's ConnectionError is an OSError
            self.error = str(exc)
