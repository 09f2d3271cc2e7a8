"""Storefront home and platform home: content assembled from enabled modules' contributions."""

import reflex as rx

from orion_app.cards import CardSection
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

    @rx.event
    @public(frontends=(Frontend.PLATFORM,))
    def load(self):
        self.stores = _context(Frontend.PLATFORM, self.lang).get("stores", [])
