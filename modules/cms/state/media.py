"""Media library pages: a store's (store dashboard) and an administered platform's (admin).

Every handler finds the owner again from the access decision (the store of the page, or a
platform the admin administers, by code), so an id from the client only ever reaches that
owner's images.
"""

import reflex as rx
from reflex.config import get_config

from modules.cms.services import media
from modules.cms.services.scope import Owner
from modules.tenancy.public import administered_platform, platforms_administered
from orion_app.db import run_blocking, session_scope
from orion_app.errors import FieldErrors, NotFound
from orion_app.i18n import LANGUAGES, translate
from orion_app.ui.forms import translated_errors
from orion_app.ui.guard import current_access, guarded
from orion_app.ui.state import OrionState

STORE_PERMISSION = "cms.media.manage"
PLATFORM_PERMISSION = "cms.platform.manage"
UPLOAD_ID = "cms_media_upload"


def absolute(url: str) -> str:
    """A `/_upload/...` URL as the browser fetches it (the backend's address first)."""
    return get_config().api_url.rstrip("/") + url if url else ""


def usage_label(used_by: list[str], lang: str) -> str:
    if not used_by:
        return translate("cms.media.unused", lang)
    return translate("cms.media.used_on", lang, count=len(used_by))


def media_rows(session, owner: Owner, lang: str) -> list[dict[str, str]]:
    """The owner's images as rows for the grid: URLs, size, alt texts (`alt_<lang>`), usage."""
    rows = []
    for record in media.media_of(session, owner):
        used_by = media.usage(session, owner, record.id) if record.used_by else []
        rows.append(
            {
                "id": str(record.id),
                "filename": record.filename,
                "src": absolute(record.urls["sm"]),
                "size": f"{record.width} × {record.height}",
                "usage": usage_label(used_by, lang),
                "used_by": ", ".join(used_by),
                **{f"alt_{code}": record.alt.get(code, "") for code in LANGUAGES},
            }
        )
    return rows


class MediaLibraryState(OrionState):
    """What both libraries show; the subclasses say whose library it is."""

    rows: list[dict[str, str]] = []
    languages: list[str] = []
    errors: dict[str, str] = {}  # "upload", or "<media id>" for a refused delete / alt text
    form_key: int = 0

    def _owner(self, session) -> Owner:
        raise NotImplementedError

    def _languages(self) -> list[str]:
        return list(LANGUAGES)

    def _fill(self, session) -> None:
        self.languages = self._languages()
        self.rows = media_rows(session, self._owner(session), self.lang)
        self.form_key += 1

    def _reload(self) -> None:
        with session_scope() as session:
            self._fill(session)

    async def _upload(self, files: list[rx.UploadFile]):
        problems = []
        for upload in files:
            data = await upload.read()
            try:
                await run_blocking(self._store_one, upload.name or "image", data)
            except FieldErrors as error:
                problems.append(f"{upload.name}: {translated_errors(error, self.lang)['file']}")
        await run_blocking(self._reload)
        self.errors = {"upload": " ".join(problems)} if problems else {}
        clear = rx.clear_selected_files(UPLOAD_ID)
        if problems:
            return [clear, rx.toast.error(" ".join(problems))]
        return [clear, rx.toast.success(translate("cms.media.uploaded", self.lang, count=len(files)))]

    def _store_one(self, filename: str, data: bytes) -> None:
        with session_scope() as session:
            media.upload(session, self._owner(session), filename, data)

    def _save_alt(self, form: dict):
        media_id = int(form.get("media_id") or 0)
        try:
            with session_scope() as session:
                owner = self._owner(session)
                for code in self._languages():
                    media.set_alt(session, owner, media_id, code, str(form.get(f"alt_{code}", "")))
                self._fill(session)
        except FieldErrors as error:
            self.errors = {str(media_id): " ".join(translated_errors(error, self.lang).values())}
            return None
        except NotFound:
            self._reload()
            return rx.toast.error(translate("orion.error.not_found", self.lang))
        self.errors = {}
        return rx.toast.success(translate("orion.saved", self.lang))

    def _delete(self, media_id: str):
        try:
            with session_scope() as session:
                media.delete(session, self._owner(session), int(media_id))
                self._fill(session)
        except media.MediaInUse as refused:
            self.errors = {str(media_id): translate(refused.message_key, self.lang, **refused.params)}
            return None
        except (NotFound, ValueError):
            self._reload()
            return rx.toast.error(translate("orion.error.not_found", self.lang))
        self.errors = {}
        return rx.toast.success(translate("cms.media.deleted", self.lang))


class StoreMediaState(MediaLibraryState):
    """The store dashboard's library (page `media`)."""

    def _owner(self, session) -> Owner:
        return Owner.store(current_access().tenant.store.id)

    def _languages(self) -> list[str]:
        return list(current_access().tenant.store.languages)

    @rx.event
    @guarded(STORE_PERMISSION)
    def load(self):
        self.errors = {}
        self._reload()

    @rx.event
    @guarded(STORE_PERMISSION)
    async def upload(self, files: list[rx.UploadFile]):
        return await self._upload(files)

    @rx.event
    @guarded(STORE_PERMISSION)
    def save_alt(self, form: dict):
        return self._save_alt(form)

    @rx.event
    @guarded(STORE_PERMISSION)
    def delete(self, media_id: str):
        return self._delete(media_id)


class PlatformMediaState(MediaLibraryState):
    """The admin's library of one platform they administer (page `media`, a platform select)."""

    platforms: list[dict[str, str]] = []
    platform_code: str = ""

    def _owner(self, session) -> Owner:
        platform = administered_platform(session, current_access().principal, self.platform_code)
        return Owner.platform(platform.id)

    def _fill(self, session) -> None:
        refs = platforms_administered(session, current_access().principal)
        self.platforms = [{"value": p.code, "label": p.name} for p in refs]
        if self.platform_code not in {p.code for p in refs}:
            self.platform_code = refs[0].code if refs else ""
        if not self.platform_code:
            self.rows, self.languages = [], []
            return
        MediaLibraryState._fill(self, session)

    @rx.event
    @guarded(PLATFORM_PERMISSION)
    def load(self):
        self.errors = {}
        self._reload()

    @rx.event
    @guarded(PLATFORM_PERMISSION)
    def choose_platform(self, code: str):
        self.platform_code = str(code)
        self.errors = {}
        self._reload()

    @rx.event
    @guarded(PLATFORM_PERMISSION)
    async def upload(self, files: list[rx.UploadFile]):
        return await self._upload(files)

    @rx.event
    @guarded(PLATFORM_PERMISSION)
    def save_alt(self, form: dict):
        return self._save_alt(form)

    @rx.event
    @guarded(PLATFORM_PERMISSION)
    def delete(self, media_id: str):
        return self._delete(media_id)
