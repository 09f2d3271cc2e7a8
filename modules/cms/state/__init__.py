"""Storefront home and platform home: content assembled from enabled modules' contributions."""

import reflex as rx

from modules.cms.services.resolve import find_page
from modules.cms.state.site import read, visitor_of
from orion_app.cards import CardSection
from orion_app.db import run_blocking
from orion_app.providers import ContextRequest, page_context
from orion_app.registry import Frontend
from orion_app.ui.guard import current_access, public
from orion_app.ui.state import OrionState


def _context(frontend: Frontend, lang: str) -> dict:
    access = current_access()
    request = ContextRequest(frontend, access.tenant.platform, access.tenant.store, lang, access.tenant.base)
    return page_context(request, access.enabled)


class StorefrontHomeState(OrionState):
    sections: list[CardSection] = []

    @rx.event
    @public(frontends=(Frontend.STOREFRONT,))
    def load(self):
        self.sections = _context(Frontend.STOREFRONT, self.lang).get("sections", [])


class PlatformHomeState(OrionState):
    stores: list[dict[str, str]] = []
    # The platform's CMS home page (key "home"), when it has a published one.
    title: str = ""
    body: str = ""
    _description: str = ""

    @rx.event
    @public(frontends=(Frontend.PLATFORM,))
    async def load(self):
        self.stores = await run_blocking(lambda: _context(Frontend.PLATFORM, self.lang).get("stores", []))
        visitor = visitor_of(current_access(), self.lang)
        page = await run_blocking(read, lambda session: find_page(session, visitor, key="home"))
        self.title = page.title if page else ""
        self.body = page.html if page else ""
        self._description = page.description if page else ""

    def _page_meta(self) -> dict:
        return {"description": self._description} if self._description else {}
