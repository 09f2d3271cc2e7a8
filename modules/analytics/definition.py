"""Analytics: reports, charts and exports."""

from orion_app.registry import (
    Feature,
    Frontend,
    Menu,
    ModuleDefinition,
    PageFactory,
    Permission,
    StoreRole,
    Tier,
)

page = PageFactory(__name__)

MODULE = ModuleDefinition(
    code="analytics",
    name="Analytics",
    description="Reports, charts and exports of a store's figures.",
    version="1.0.0",
    tier=Tier.OPTIONAL,
    features=(Feature("analytics", "analytics.feature.reports", "flag", 0),),
    permissions=(
        Permission(
            "analytics.reports.view",
            "analytics.perm.view",
            roles=StoreRole.MANAGER.and_above(),
            open_when_read_only=True,
        ),
    ),
    pages=(
        page(
            frontend=Frontend.STORE,
            path="reports",
            view="reports_page",
            title_key="analytics.reports.title",
            permission="analytics.reports.view",
            state="ReportsState",
            menu=Menu(key="analytics.menu.reports", icon="chart-column", order=70),
        ),
    ),
)
