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
            S,
            "marketplace/import",
            f"{PAGES}.imports:import_page",
            "marketplace.import.title",
            "marketplace.import",
            (f"{STATE}.imports:ImportState.load",),
        ),
        Page(
            S,
            "marketplace/imports/[job]",
            f"{PAGES}.job:import_job_page",
            "marketplace.job.title",
            "marketplace.import",
            (f"{STATE}.job:ImportJobState.load",),
        ),
        Page(
            S,
            "marketplace/export",
            f"{PAGES}.export:export_page",
            "marketplace.export.title",
            "marketplace.export",
            (f"{STATE}.export:ExportState.load",),
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
