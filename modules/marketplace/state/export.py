"""Store dashboard: download the Letzshop feed per language, or have a job write it to a folder."""

import os

import reflex as rx

from modules.marketplace.models import ACTIVE, JobStatus
from modules.marketplace.services.export import EXPORT_LANGUAGES, download_path, list_exports, start_export
from modules.marketplace.state.common import EXPORT, store_ref
from orion_app.db import session_scope
from orion_app.i18n import LANGUAGE_NAMES, translate
from orion_app.ui.format import iso, number
from orion_app.ui.guard import current_access, guarded
from orion_app.ui.state import OrionState


class ExportState(OrionState):
    downloads: list[dict[str, str]] = []
    exports: list[dict[str, str]] = []
    any_active: bool = False

    def _reload(self) -> None:
        with session_scope() as session:
            records = list_exports(session, current_access().tenant.store.id, limit=10)
        self.exports = [
            {
                "lang": record.lang.upper(),
                "status": record.status,
                "rows": number(record.rows, self.lang) if record.status == JobStatus.SUCCEEDED else "",
                "file": os.path.basename(record.file_path),
                "created": iso(record.created_at),
                "finished": iso(record.finished_at),
                "message": translate(record.message_key, self.lang) if record.message_key else "",
            }
            for record in records
        ]
        self.any_active = any(record.status in ACTIVE for record in records)

    @rx.event
    @guarded(EXPORT, quiet=True)
    def load(self):
        code = current_access().tenant.store.code
        self.downloads = [
            {"lang": lang, "label": LANGUAGE_NAMES[lang], "href": download_path(code, lang)}
            for lang in EXPORT_LANGUAGES
        ]
        self._reload()

    @rx.event
    @guarded(EXPORT)
    def write_to_folder(self, lang: str):
        access = current_access()
        if lang not in EXPORT_LANGUAGES:
            return None
        with session_scope() as session:
            start_export(session, store_ref(access), lang, access.principal.user_id)
        self._reload()
        return rx.toast.success(translate("marketplace.export.queued", self.lang, language=lang.upper()))

    @rx.event
    @guarded(EXPORT, quiet=True)
    def tick(self, _now: str):
        """Every second while an export job is queued or running."""
        self._reload()
