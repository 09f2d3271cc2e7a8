"""Marketplace: Letzshop product feed import/export, order sync and fulfilment sync."""

from orion_app.registry import (
    Feature,
    Frontend,
    MenuItem,
    ModuleDefinition,
    Page,
    Permission,
    ScheduledJob,
    StoreRole,
    Tier,
)

S = Frontend.STORE
STATE = "modules.marketplace.state"
PAGES = "modules.marketplace.pages"

MODULE = ModuleDefinition(
    code="marketplace",
    name="Marketplace",
    description="Letzshop product feed import and export, order sync and fulfilment sync.",
    version="1.0.0",
    tier=Tier.OPTIONAL,
    requires=("catalog", "inventory"),
    features=(Feature("letzshop_sync", "marketplace.feature.sync", "flag", 1),),
    permissions=(
        Permission("marketplace.import", "marketplace.perm.import", S, (StoreRole.MANAGER,)),
        Permission("marketplace.export", "marketplace.perm.export", S, (StoreRole.MANAGER, StoreRole.STAFF)),
    ),
    pages=(
        Page(
            frontend=S,
            path="marketplace/import",
            component=f"{PAGES}.imports:import_page",
            title_key="marketplace.import.title",
            permission="marketplace.import",
            on_load=(f"{STATE}.imports:ImportState.load",),
        ),
        Page(
            frontend=S,
            path="marketplace/imports/[job]",
            component=f"{PAGES}.job:import_job_page",
            title_key="marketplace.job.title",
            permission="marketplace.import",
            on_load=(f"{STATE}.job:ImportJobState.load",),
        ),
        Page(
            frontend=S,
            path="marketplace/export",
            component=f"{PAGES}.export:export_page",
            title_key="marketplace.export.title",
            permission="marketplace.export",
            on_load=(f"{STATE}.export:ExportState.load",),
        ),
    ),
    menus=(
        MenuItem(S, "marketplace.menu.import", "marketplace/import", "upload", "marketplace.import", 40),
        MenuItem(S, "marketplace.menu.export", "marketplace/export", "download", "marketplace.export", 41),
    ),
    scheduled_jobs=(
        ScheduledJob("sync_feeds", "modules.marketplace.jobs.sync_feeds", "* * * * *"),
        ScheduledJob(
            "reap_abandoned_imports", "modules.marketplace.jobs.reap_abandoned_imports", "* * * * *"
        ),
    ),
    api_routes="modules.marketplace.api:routes",
    config="modules.marketplace.config:MarketplaceConfig",
)
