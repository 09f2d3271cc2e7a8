"""The admin's pages of a platform they administer: the platform site's pages and the
defaults every store on it shows (legal templates with `{{ store.name }}` placeholders).
The same editor as a store's, on the platform's own pages and media."""

import reflex as rx

from modules.cms.services import media
from modules.cms.services.pages import pages_of
from modules.cms.services.resolve import PLATFORM_PAGE_PATH, STOREFRONT_PAGE_PATH, Visitor
from modules.cms.services.scope import Owner
from modules.cms.state.pages import PagesState
from modules.tenancy.public import administered_platform, platforms_administered
from orion_app.db import session_scope
from orion_app.errors import NotFound
from orion_app.i18n import LANGUAGES, translate
from orion_app.ui.guard import current_access, guarded

PLATFORM_PERMISSION = "cms.platform.manage"
LEVELS = ("platform_page", "store_default")


class PlatformPagesState(PagesState):
    platforms: list[dict[str, str]] = []
    platform_code: str = ""
    level: str = "platform_page"
    level_options: list[dict[str, str]] = []

    def _owner(self, session) -> Owner:
        platform = administered_platform(session, current_access().principal, self.platform_code)
        return Owner.platform(platform.id)

    def _level(self) -> str:
        return self.level

    def _prefix(self) -> str:
        return PLATFORM_PAGE_PATH if self.level == "platform_page" else STOREFRONT_PAGE_PATH

    def _visitor(self, session) -> Visitor:
        owner = self._owner(session)
        return Visitor(platform_id=owner.platform_id, languages=(self.tab,), base="/")

    def _reload(self) -> None:
        access = current_access()
        self.languages = list(LANGUAGES)
        self.grids = False  # product grids belong to a store's own pages
        self.categories, self.category_slugs = [], []
        self.defaults = []
        self.level_options = [{"value": v, "label": translate(f"cms.level.{v}", self.lang)} for v in LEVELS]
        with session_scope() as session:
            refs = platforms_administered(session, access.principal)
            self.platforms = [{"value": p.code, "label": p.name} for p in refs]
            if self.platform_code not in {p.code for p in refs}:
                self.platform_code = refs[0].code if refs else ""
            if not self.platform_code:
                self.rows, self.images = [], []
                return
            owner = self._owner(session)
            self.rows = [self._row(p) for p in pages_of(session, owner, self.level)]
            self.images = [{"id": str(m.id), "label": m.filename} for m in media.media_of(session, owner)]

    @rx.event
    @guarded(PLATFORM_PERMISSION, quiet=True)
    def load(self):
        self.editing = False
        self._reload()

    @rx.event
    @guarded(PLATFORM_PERMISSION)
    def choose_platform(self, code: str):
        self.platform_code, self.editing = str(code)[:40], False
        self._reload()

    @rx.event
    @guarded(PLATFORM_PERMISSION)
    def choose_level(self, level: str):
        if level in LEVELS:
            self.level, self.editing = level, False
            self._reload()

    @rx.event
    @guarded(PLATFORM_PERMISSION)
    def open_page(self, page_id: int):
        return self._open_page(page_id)

    @rx.event
    @guarded(PLATFORM_PERMISSION)
    def refresh_preview(self):
        self._refresh_preview()

    @rx.event
    @guarded(PLATFORM_PERMISSION)
    def save(self):
        try:
            return self._save()
        except NotFound:
            return rx.toast.error(translate("orion.error.not_found", self.lang))

    @rx.event
    @guarded(PLATFORM_PERMISSION)
    def restore(self, revision_id: int):
        return self._restore(revision_id)

    @rx.event
    @guarded(PLATFORM_PERMISSION)
    def delete(self):
        return self._delete()
