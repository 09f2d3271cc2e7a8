"""Store dashboard: one import, followed live — progress, counts, messages, rejected rows."""

import math

import reflex as rx

from modules.marketplace.models import ACTIVE, FeedImport, JobStatus
from modules.marketplace.services.export import errors_download_path
from modules.marketplace.services.imports import (
    can_retry,
    cancel_import,
    errors_page,
    get_import,
    progress,
    retry_import,
)
from modules.marketplace.state.common import IMPORT
from orion_app.db import session_scope
from orion_app.errors import NotFound
from orion_app.i18n import translate
from orion_app.ui.format import iso, number
from orion_app.ui.guard import current_access, guarded
from orion_app.ui.state import OrionState

ERRORS_PER_PAGE = 50
RAW_SHOWN = 240  # characters of the original row shown in the table


def duration(seconds: int) -> str:
    """12 s, 4 min 05 s, 2 h 07 min: short enough for a progress line in any language."""
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"


class ImportJobState(OrionState):
    found: bool = True
    import_id: int = 0
    info: dict[str, str] = {}
    active: bool = False
    has_rows: bool = False
    can_retry: bool = False
    dry_run: bool = False
    percent: int = 0
    progress_text: str = ""
    rate_text: str = ""
    eta_text: str = ""
    message: str = ""
    notices: list[str] = []
    counts: dict[str, str] = {}
    outcome: str = ""
    errors_href: str = ""
    error_rows: list[dict[str, str]] = []
    error_total: int = 0
    error_page: int = 1
    error_pages: int = 1
    _rejected_shown: int = -1

    def _show(self, record: FeedImport) -> None:
        lang = self.lang
        self.info = {
            "status": record.status,
            "origin": record.origin,
            "name": record.file_name or record.url,
            "lang": record.lang.upper(),
            "created": iso(record.created_at),
            "finished": iso(record.finished_at),
        }
        self.active = record.status in ACTIVE
        self.has_rows = bool(record.rows_total or record.rows_done)
        self.can_retry = can_retry(record)
        self.dry_run = record.dry_run
        state = progress(record)
        self.percent = state["percent"]
        self.progress_text = (
            translate(
                "marketplace.job.rows_done",
                lang,
                done=number(state["done"], lang),
                total=number(state["total"], lang),
            )
            if state["total"]
            else ""
        )
        self.rate_text = (
            translate("marketplace.job.rate", lang, rate=number(round(state["rate"]), lang))
            if state["rate"] > 0
            else ""
        )
        self.eta_text = (
            translate("marketplace.job.eta", lang, time=duration(state["eta"]))
            if state["eta"] is not None
            else ""
        )
        self.message = (
            translate(record.message_key, lang, **record.message_params) if record.message_key else ""
        )
        self.notices = [translate(n["key"], lang, **n.get("params", {})) for n in record.notices]
        self.counts = {
            name: number(getattr(record, name), lang)
            for name in ("created", "updated", "unchanged", "deactivated", "rejected")
        }
        self.outcome = _outcome(record)

    def _load_errors(self, session) -> None:
        store_id = current_access().tenant.store.id
        rows, self.error_total = errors_page(
            session,
            store_id,
            self.import_id,
            offset=(self.error_page - 1) * ERRORS_PER_PAGE,
            limit=ERRORS_PER_PAGE,
        )
        self.error_pages = max(1, math.ceil(self.error_total / ERRORS_PER_PAGE))
        self.error_rows = [
            {
                "line": str(error.line),
                "column": error.column,
                "message": translate(error.message_key, self.lang, **error.message_params),
                "raw": error.raw if len(error.raw) <= RAW_SHOWN else error.raw[:RAW_SHOWN] + "…",
            }
            for error in rows
        ]

    def _refresh(self, with_errors: bool = False) -> None:
        store_id = current_access().tenant.store.id
        with session_scope() as session:
            record = get_import(session, store_id, self.import_id)
            self._show(record)
            if with_errors or record.rejected != self._rejected_shown:
                self._rejected_shown = record.rejected
                self._load_errors(session)

    @rx.event
    @guarded(IMPORT, quiet=True)
    def load(self):
        segment = self._segment(4)
        self.found, self.error_page, self._rejected_shown = segment.isdigit(), 1, -1
        self.import_id = int(segment) if segment.isdigit() else 0
        if not self.found:
            return
        try:
            self._refresh(with_errors=True)
        except NotFound:
            self.found = False
            return
        self.errors_href = errors_download_path(current_access().tenant.store.code, self.import_id)

    @rx.event
    @guarded(IMPORT, quiet=True)
    def tick(self, _now: str):
        """Every second while the import is queued or running: one read of the import."""
        if self.found and self.import_id:
            self._refresh()

    @rx.event
    @guarded(IMPORT)
    def cancel(self):
        return self._act(cancel_import, "marketplace.job.cancel_requested")

    @rx.event
    @guarded(IMPORT)
    def retry(self):
        return self._act(retry_import, "marketplace.job.retrying")

    def _act(self, action, toast_key: str):
        """`action(session, store id, import id)` on this store's import, then the page re-read."""
        with session_scope() as session:
            action(session, current_access().tenant.store.id, self.import_id)
        self._refresh()
        return rx.toast.info(translate(toast_key, self.lang))

    @rx.event
    @guarded(IMPORT)
    def go_to_errors_page(self, page: int):
        self.error_page = min(max(1, page), self.error_pages)
        with session_scope() as session:
            self._load_errors(session)


def _outcome(record: FeedImport) -> str:
    """Which closing sentence the page shows: what the finished import did, in one word."""
    if record.status != JobStatus.SUCCEEDED:
        return ""
    if record.dry_run:
        return "dry_run"
    if record.created + record.updated + record.deactivated:
        return "changed"
    if record.unchanged:
        return "nothing_changed"
    return "all_rejected" if record.rejected else "empty"
