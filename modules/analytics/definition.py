"""Analytics: reports, charts and exports."""

from orion_app.registry import (
    Feature,
    Frontend,
    MenuItem,
    ModuleDefinition,
    Page,
    Permission,
    StoreRole,
    Tier,
)

MODULE = ModuleDefinition(
    code="analytics",
    name="Analytics",
    description="Reports, charts and exports of a store's figures.",
    version="1.0.0",
    tier=Tier.OPTIONAL,
    features=(Feature("analytics", "analytics.feature.reports", "flag", 0),),
    permissions=(
        Permission("analytics.reports.view", "analytics.perm.view", Frontend.STORE, (StoreRole.MANAGER,)),
    ),
    pages=(
        Page(
            frontend=Frontend.STORE,
            path="reports",
            component="modules.analytics.pages:reports_page",
            title_key="analytics.reports.title",
            permission="analytics.reports.view",
            on_load=("modules.analytics.state:ReportsState.load",),
        ),
    ),
    menus=(
        MenuItem(
            Frontend.STORE, "analytics.menu.reports", "reports", "chart-column", "analytics.reports.view", 70
        ),
    ),
)
