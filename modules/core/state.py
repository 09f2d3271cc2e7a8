"""Core dashboard states."""

import reflex as rx

from modules.core.services import admin_overview, store_metrics
from orion_app.db import session_scope
from orion_app.i18n import translate
from orion_app.registry import Frontend
from orion_app.routes import frontend_base
from orion_app.ui.guard import current_access, guarded
from orion_app.ui.state import OrionState


class AdminDashboardState(OrionState):
    cards: list[dict[str, str]] = []

    @rx.event
    @guarded("core.admin.dashboard", quiet=True)
    def load(self):
        with session_scope() as session:
            counts = admin_overview(session, current_access().principal)
        self.cards = [{"key": key, "value": str(value)} for key, value in counts.items()]


class StoreOverviewState(OrionState):
    metrics: list[dict[str, str]] = []
    storefront_url: str = ""
    languages: str = ""

    @rx.event
    @guarded("core.dashboard.view", quiet=True)
    def load(self):
        access = current_access()
        store, platform = access.tenant.store, access.tenant.platform
        self.metrics = [
            {"label": translate(m["key"], self.lang), "value": str(m["value"])}
            for m in store_metrics(store.id, access.enabled)
        ]
        self.storefront_url = frontend_base(Frontend.STOREFRONT, platform=platform.code, store=store.code)
        self.languages = ", ".join(store.languages)
