"""Core dashboard states."""

from dataclasses import dataclass, field

import reflex as rx

from modules.contracts.protocols import Widget
from modules.core.services import admin_overview, store_widgets, widget_request
from orion_app.db import session_scope
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


@dataclass
class OverviewTable:
    title: str = ""
    empty: str = ""
    columns: list[str] = field(default_factory=list)
    rows: list[list[dict[str, str]]] = field(default_factory=list)


@dataclass
class OverviewChart:
    title: str = ""
    detail: str = ""
    y1: str = ""  # what the first bars count
    y2: str = ""
    points: list[dict[str, str | int]] = field(default_factory=list)


class StoreOverviewState(OrionState):
    stats: list[dict[str, str]] = []
    tables: list[OverviewTable] = []
    charts: list[OverviewChart] = []
    storefront_url: str = ""
    languages: str = ""

    @rx.event
    @guarded("core.dashboard.view", quiet=True)
    def load(self):
        access = current_access()
        store, platform = access.tenant.store, access.tenant.platform
        request = widget_request(access, self.lang)
        with session_scope() as session:
            widgets = store_widgets(session, request, access.enabled)
        self._show(widgets)
        self.storefront_url = frontend_base(Frontend.STOREFRONT, platform=platform.code, store=store.code)
        self.languages = ", ".join(store.languages)

    def _show(self, widgets: list[Widget]) -> None:
        of = {kind: [w for w in widgets if w["kind"] == kind] for kind in ("stat", "table", "series")}
        self.stats = [{"title": w["title"], "value": w["value"], "detail": w["detail"]} for w in of["stat"]]
        self.tables = [OverviewTable(w["title"], w["detail"], w["columns"], w["rows"]) for w in of["table"]]
        self.charts = [
            OverviewChart(w["title"], w["detail"], *w["columns"][1:3], points=list(w["points"]))
            for w in of["series"]
        ]
