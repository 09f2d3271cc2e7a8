"""Store dashboard: start a feed import (file or URL), scheduled feeds, recent imports."""

import reflex as rx

from modules.marketplace.services.imports import list_imports, reap_abandoned, start_import
from modules.marketplace.services.sources import (
    PRESETS,
    delete_source,
    get_source,
    list_sources,
    run_source,
    save_source,
)
from modules.marketplace.state.common import IMPORT, ImportRow, import_row, language_options, store_ref
from orion_app.db import session_scope
from orion_app.errors import FieldErrors, ServiceError
from orion_app.i18n import translate
from orion_app.ui.format import iso
from orion_app.ui.forms import translated_errors
from orion_app.ui.guard import current_access, guarded, ui_only
from orion_app.ui.state import OrionState

CUSTOM = "custom"
UPLOAD_ID = "marketplace_feed"
RECENT = 15


def _schedule_text(cron: str, lang: str) -> str:
    preset = next((name for name, value in PRESETS.items() if value == cron), None)
    if preset:
        return translate(f"marketplace.schedule.{preset}", lang)
    return translate("marketplace.schedule.cron", lang, cron=cron)


class ImportState(OrionState):
    languages: list[dict[str, str]] = []
    default_lang: str = ""
    uploading: bool = False
    upload_percent: int = 0
    upload_errors: dict[str, str] = {}
    url_errors: dict[str, str] = {}
    imports: list[ImportRow] = []
    any_active: bool = False
    sources: list[dict[str, str]] = []
    source_values: dict[str, str] = {}
    source_schedule: str = "daily"
    source_errors: dict[str, str] = {}
    source_message: str = ""
    source_form_key: int = 0
    confirm_delete_source: str = ""

    def _reload(self) -> None:
        self._reload_imports()
        self._reload_sources()

    def _reload_imports(self) -> None:
        access = current_access()
        with session_scope() as session:
            records = list_imports(session, access.tenant.store.id, limit=RECENT)
        self.imports = [import_row(record, access.tenant.base, self.lang) for record in records]
        self.any_active = any(row.active for row in self.imports)

    def _reload_sources(self) -> None:
        access = current_access()
        base = access.tenant.base
        with session_scope() as session:
            feeds = list_sources(session, access.tenant.store.id)
        self.sources = [
            {
                "id": str(source.id),
                "lang": source.lang,
                "lang_label": source.lang.upper(),
                "url": source.url,
                "schedule": _schedule_text(source.schedule, self.lang),
                "enabled": "1" if source.enabled else "",
                "next_run": iso(source.next_run_at) if source.enabled else "",
                "last_status": last.status if last else "",
                "last_counts": translate(
                    "marketplace.feeds.last_counts",
                    self.lang,
                    created=last.created,
                    updated=last.updated,
                    rejected=last.rejected,
                )
                if last
                else "",
                "last_href": f"{base}marketplace/imports/{last.id}" if last else "",
                "last_when": iso(last.created_at) if last else "",
            }
            for source, last in feeds
        ]

    def _job_page(self, import_id: int):
        return rx.redirect(f"{current_access().tenant.base}marketplace/imports/{import_id}")

    @rx.event
    @guarded(IMPORT, quiet=True)
    def load(self):
        access = current_access()
        with session_scope() as session:
            reap_abandoned(session)  # one UPDATE: a dead worker's import shows as abandoned
        self.languages = language_options(access)
        self.default_lang = access.tenant.store.default_language
        self.uploading, self.upload_percent = False, 0
        self.upload_errors, self.url_errors, self.source_errors = {}, {}, {}
        self.source_message, self.confirm_delete_source = "", ""
        self._reload()
        self._new_source_form()

    @rx.event
    @guarded(IMPORT, quiet=True)
    def tick(self, _now: str):
        """Every second while an import in the list is queued or running: one query."""
        self._reload_imports()
        if not self.any_active:  # the last one has just ended: the feeds show its result
            self._reload_sources()

    # ---------------------------------------------------------------- file upload

    @rx.event
    @ui_only
    def upload_progress(self, status: dict):
        done = float(status.get("progress") or 0)
        self.uploading = done < 1  # the last report may arrive after the handler has answered
        self.upload_percent = round(done * 100)

    @rx.event
    @guarded(IMPORT)
    async def start_upload(self, files: list[rx.UploadFile], options: dict):
        self.uploading = False
        if not files:
            self.upload_errors = {"file": translate("marketplace.error.choose_file", self.lang)}
            return None
        upload = files[0]
        try:
            import_id = self._start(options, upload=upload.file, file_name=upload.name or "")
        except FieldErrors as error:
            self.upload_errors = translated_errors(error, self.lang)
            return None
        self.upload_errors = {}
        # The drop zone keeps its selection across pages: the file sent is not listed on return.
        return [rx.clear_selected_files(UPLOAD_ID), self._job_page(import_id)]

    # ---------------------------------------------------------------- URL

    @rx.event
    @guarded(IMPORT)
    def start_from_url(self, form: dict):
        try:
            import_id = self._start(form, url=(form.get("url") or "").strip())
        except FieldErrors as error:
            errors = translated_errors(error, self.lang)
            if "file" in errors:  # no URL given: the message belongs next to the URL field
                errors["url"] = errors.pop("file")
            self.url_errors = errors
            return None
        self.url_errors = {}
        return self._job_page(import_id)

    def _start(self, form: dict, **source) -> int:
        """Start an import of `source` (upload= or url=) in the form's language and mode; its id."""
        access = current_access()
        with session_scope() as session:
            record = start_import(
                session,
                store_ref(access),
                lang=form.get("lang") or "",
                dry_run=bool(form.get("dry_run")),
                as_draft=bool(form.get("as_draft")),
                user_id=access.principal.user_id,
                **source,
            )
        return record.id

    # ---------------------------------------------------------------- scheduled feeds

    def _new_source_form(self) -> None:
        taken = {s["lang"] for s in self.sources}
        free = next((o["value"] for o in self.languages if o["value"] not in taken), "")
        self.source_values = {
            "id": "",
            "lang": free or self.default_lang,
            "url": "",
            "cron": "",
            "enabled": "1",
        }
        self.source_schedule = "daily"
        self.source_form_key += 1

    @rx.event
    @ui_only
    def new_source(self):
        self.source_errors, self.source_message = {}, ""
        self._new_source_form()

    @rx.event
    @ui_only
    def set_source_schedule(self, value: str):
        self.source_schedule = value

    @rx.event
    @guarded(IMPORT)
    def edit_source(self, source_id: str):
        with session_scope() as session:
            source = get_source(session, current_access().tenant.store.id, int(source_id))
        preset = next((name for name, value in PRESETS.items() if value == source.schedule), CUSTOM)
        self.source_values = {
            "id": str(source.id),
            "lang": source.lang,
            "url": source.url,
            "cron": source.schedule if preset == CUSTOM else "",
            "enabled": "1" if source.enabled else "",
        }
        self.source_schedule = preset
        self.source_errors, self.source_message = {}, ""
        self.source_form_key += 1

    @rx.event
    @guarded(IMPORT)
    def save_source(self, form: dict):
        access = current_access()
        chosen = form.get("schedule") or ""
        schedule = form.get("cron", "") if chosen == CUSTOM else chosen
        try:
            with session_scope() as session:
                save_source(
                    session,
                    store_ref(access),
                    lang=form.get("lang") or "",
                    url=form.get("url") or "",
                    schedule=schedule or "",
                    enabled=bool(form.get("enabled")),
                    user_id=access.principal.user_id,
                )
        except FieldErrors as error:
            errors = translated_errors(error, self.lang)
            if chosen == CUSTOM and "schedule" in errors:
                errors["cron"] = errors.pop("schedule")  # next to the expression that is wrong
            self.source_errors, self.source_message = errors, ""
            return None
        except ServiceError as error:
            self.source_errors = {}
            self.source_message = translate(error.message_key, self.lang, **error.params)
            return None
        self.source_errors, self.source_message = {}, ""
        self._reload()
        self._new_source_form()
        return rx.toast.success(translate("marketplace.feeds.saved", self.lang))

    @rx.event
    @guarded(IMPORT)
    def run_source_now(self, source_id: str):
        access = current_access()
        try:
            with session_scope() as session:
                source = get_source(session, access.tenant.store.id, int(source_id))
                record = run_source(session, store_ref(access), source, user_id=access.principal.user_id)
        except ServiceError as error:
            self.source_message = translate(error.message_key, self.lang, **error.params)
            return None
        return self._job_page(record.id)

    @rx.event
    @ui_only
    def ask_delete_source(self, source_id: str):
        self.confirm_delete_source = source_id

    @rx.event
    @ui_only
    def cancel_delete_source(self):
        self.confirm_delete_source = ""

    @rx.event
    @guarded(IMPORT)
    def confirm_delete(self):
        with session_scope() as session:
            delete_source(session, current_access().tenant.store.id, int(self.confirm_delete_source))
        self.confirm_delete_source = ""
        self._reload()
        self._new_source_form()
        return rx.toast.success(translate("marketplace.feeds.deleted", self.lang))


SCHEDULE_OPTIONS = [*PRESETS, CUSTOM]
