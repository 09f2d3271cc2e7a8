"""Core: dashboards, settings and the aggregation of other modules' metrics and widgets."""

from orion_app.registry import Frontend, Menu, ModuleDefinition, PageFactory, Permission, StoreRole, Tier

A, S = Frontend.ADMIN, Frontend.STORE

page = PageFactory(__name__)

MODULE = ModuleDefinition(
    code="core",
    name="Core",
    description="Admin dashboard, store dashboard overview, metrics and widget aggregation.",
    version="1.0.0",
    tier=Tier.CORE,
    requires=("contracts",),
    permissions=(
        Permission(
            "core.dashboard.view",
            "core.perm.dashboard",
            roles=StoreRole.VIEWER.and_above(),
            open_when_read_only=True,
        ),
        Permission("core.admin.dashboard", "core.perm.admin_dashboard", A),
    ),
    pages=(
        page(
            frontend=A,
            path="",
            view="admin_dashboard_page",
            title_key="core.admin.title",
            permission="core.admin.dashboard",
            state="AdminDashboardState",
            menu=Menu(key="core.menu.dashboard", icon="layout-dashboard", order=10),
        ),
        page(
            frontend=S,
            path="",
            view="store_overview_page",
            title_key="core.store.title",
            permission="core.dashboard.view",
            state="StoreOverviewState",
            menu=Menu(key="core.menu.overview", icon="layout-dashboard", order=10),
        ),
    ),
)
