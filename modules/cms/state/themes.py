"""Store dashboard, Theme: logo, favicon, colours (contrast-checked), font, header layout."""

import reflex as rx

from modules.cms.services import media, themes
from modules.cms.services.scope import Owner
from modules.cms.state.media import StoreMediaState, absolute
from orion_app.db import session_scope
from orion_app.errors import FieldErrors
from orion_app.i18n import translate
from orion_app.ui.forms import translated_errors
from orion_app.ui.guard import current_access, guarded

PERMISSION = "cms.theme.manage"


class ThemeState(StoreMediaState):
    """The theme form; uploads on this page go to the store's media library."""

    values: dict[str, str] = {}
    images: list[dict[str, str]] = []
    logo_src: str = ""
    favicon_src: str = ""

    def _fill(self, session) -> None:
        store_id = current_access().tenant.store.id
        theme = themes.theme_of(session, store_id)
        self.values = {
            "primary": theme.primary,
            "accent": theme.accent,
            "font": theme.font,
            "header_layout": theme.header_layout,
            "logo_id": str(theme.logo_id or ""),
            "favicon_id": str(theme.favicon_id or ""),
        }
        self.logo_src, self.favicon_src = absolute(theme.logo_url), absolute(theme.favicon_url)
        library = media.media_of(session, Owner.store(store_id))
        self.images = [{"value": "", "label": "—"}] + [
            {"value": str(r.id), "label": f"{r.filename} ({r.width} × {r.height})"} for r in library
        ]
        self.form_key += 1

    @rx.event
    @guarded(PERMISSION)
    def load(self):
        self.errors = {}
        self._reload()

    @rx.event
    @guarded(PERMISSION)
    async def upload(self, files: list[rx.UploadFile]):
        return await self._upload(files)

    @rx.event
    @guarded(PERMISSION)
    def save(self, form: dict):
        def image(name: str) -> int | None:
            value = str(form.get(name, "")).strip()
            return int(value) if value.isdigit() else None

        try:
            with session_scope() as session:
                themes.save_theme(
                    session,
                    current_access().tenant.store.id,
                    primary=str(form.get("primary", "")),
                    accent=str(form.get("accent", "")),
                    font=str(form.get("font", "")),
                    header_layout=str(form.get("header_layout", "left")),
                    logo_id=image("logo_id"),
                    favicon_id=image("favicon_id"),
                )
                self._fill(session)
        except FieldErrors as error:
            self.errors = translated_errors(error, self.lang)
            self.values = {**self.values, **{k: str(v) for k, v in form.items() if k in self.values}}
            return rx.toast.error(translate("orion.error.invalid_input", self.lang))
        self.errors = {}
        return rx.toast.success(translate("cms.theme.saved", self.lang))
