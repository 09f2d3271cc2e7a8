"""Store dashboard, one import's page: its feed photos (live counts, failed URLs) and
"Apply this dry run"."""

import reflex as rx

from modules.marketplace.models import JobStatus
from modules.marketplace.services.dry_runs import apply_dry_run, can_apply
from modules.marketplace.services.imports import get_import
from modules.marketplace.services.photos import photo_counts, photo_failures
from modules.marketplace.state.common import IMPORT, store_ref
from orion_app.db import session_scope
from orion_app.errors import NotFound, ServiceError
from orion_app.i18n import translate
from orion_app.ui.format import number
from orion_app.ui.guard import current_access, guarded
from orion_app.ui.state import OrionState

FAILURES_SHOWN = 100


class ImportExtrasState(OrionState):
    photos_total: int = 0
    photos_fetching: bool = False  # photos are waiting and a job is there to fetch them
    photos_percent: int = 0
    photo_counts: dict[str, str] = {}
    photo_failures: list[dict[str, str]] = []
    can_apply: bool = False
    apply_message: str = ""

    def _refresh(self) -> None:
        segment = self._segment(4)  # /store/<code>/marketplace/imports/<id>
        if not segment.isdigit():
            return
        store_id = current_access().tenant.store.id
        lang = self.lang
        with session_scope() as session:
            try:
                record = get_import(session, store_id, int(segment))
            except NotFound:
                return
            counts = photo_counts(session, record.id)
            failures = (
                photo_failures(session, store_id, record.id, FAILURES_SHOWN) if counts["failed"] else []
            )
            self.can_apply = can_apply(record)
            # An abandoned import queues its photos only when it is retried and ends.
            self.photos_fetching = counts["waiting"] > 0 and record.status != JobStatus.ABANDONED
        self.photos_total = counts["total"]
        finished = counts["done"] + counts["failed"]
        self.photos_percent = int(finished * 100 / counts["total"]) if counts["total"] else 0
        self.photo_counts = {name: number(value, lang) for name, value in counts.items()}
        self.photo_failures = [
            {
                "line": str(task.line),
                "sku": task.sku,
                "url": task.url,
                "message": translate(task.message_key, lang, **task.message_params),
            }
            for task in failures
        ]

    @rx.event
    @guarded(IMPORT, quiet=True)
    def load(self):
        self.apply_message = ""
        self._refresh()

    @rx.event
    @guarded(IMPORT, quiet=True)
    def tick(self, _now: str):
        """Every second while the import runs or photos are waiting: two small queries."""
        self._refresh()

    @rx.event
    @guarded(IMPORT)
    def apply(self):
        access = current_access()
        segment = self._segment(4)
        try:
            with session_scope() as session:
                record = apply_dry_run(
                    session,
                    store_ref(access),
                    int(segment) if segment.isdigit() else 0,
                    user_id=access.principal.user_id,
                )
        except ServiceError as error:
            self.can_apply = False
            self.apply_message = translate(error.message_key, self.lang, **error.params)
            return None
        self.can_apply = False  # the same page shows the new import next
        return rx.redirect(f"{access.tenant.base}marketplace/imports/{record.id}")
