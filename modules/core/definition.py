"""Core: dashboards, settings and the aggregation of other modules' metrics and widgets."""

from orion_app.registry import Frontend, MenuItem, ModuleDefinition, Page, Permission, StoreRole, Tier

A, S = Frontend.ADMIN, Frontend.STORE
ALL_ROLES = (StoreRole.MANAGER, StoreRole.STAFF, StoreRole.VIEWER)

MODULE = ModuleDefinition(
    code="core",
    name="Core",
    description="Admin dashboard, store dashboard overview, metrics and widget aggregation.",
    version="1.0.0",
    tier=Tier.CORE,
    requires=("contracts",),
    permissions=(
        Permission("core.dashboard.view", "core.perm.dashboard", S, ALL_ROLES),
        Permission("core.admin.dashboard", "core.perm.admin_dashboard", A),
    ),
    pages=(
        Page(
            frontend=A,
            path="",
            component="modules.core.pages:admin_dashboard_page",
            title_key="core.admin.title",
            permission="core.admin.dashboard",
            on_load=("modules.core.state:AdminDashboardState.load",),
        ),
        Page(
            frontend=S,
            path="",
            component="modules.core.pages:store_overview_page",
            title_key="core.store.title",
            permission="core.dashboard.view",
            on_load=("modules.core.state:StoreOverviewState.load",),
        ),
    ),
    menus=(
        MenuItem(A, "core.menu.dashboard", "", "layout-dashboard", "core.admin.dashboard", 10),
        MenuItem(S, "core.menu.overview", "", "layout-dashboard", "core.dashboard.view", 10),
    ),
)
