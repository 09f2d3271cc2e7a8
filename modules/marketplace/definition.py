"""Marketplace: Letzshop product feed import/export, order sync and fulfilment sync."""

from orion_app.registry import (
    Feature,
    Frontend,
    Menu,
    ModuleDefinition,
    PageFactory,
    Permission,
    ScheduledJob,
    StoreRole,
    Tier,
)

S = Frontend.STORE

page = PageFactory(__name__)

MODULE = ModuleDefinition(
    code="marketplace",
    name="Marketplace",
    description="Letzshop product feed import and export, order sync and fulfilment sync.",
    version="1.0.0",
    tier=Tier.OPTIONAL,
    requires=("catalog", "inventory"),
    features=(Feature("letzshop_sync", "marketplace.feature.sync", "flag", 1),),
    permissions=(
        Permission("marketplace.import", "marketplace.perm.import", roles=StoreRole.MANAGER.and_above()),
        Permission(
            "marketplace.export",
            "marketplace.perm.export",
            roles=StoreRole.STAFF.and_above(),
            open_when_read_only=True,
        ),
    ),
    pages=(
        page(
            frontend=S,
            path="marketplace/import",
            view="imports:import_page",
            title_key="marketplace.import.title",
            permission="marketplace.import",
            state="imports:ImportState",
            menu=Menu(key="marketplace.menu.import", icon="upload", order=40),
        ),
        page(
            frontend=S,
            path="marketplace/imports/[job]",
            view="job:import_job_page",
            title_key="marketplace.job.title",
            permission="marketplace.import",
            state="job:ImportJobState",
        ),
        page(
            frontend=S,
            path="marketplace/export",
            view="export:export_page",
            title_key="marketplace.export.title",
            permission="marketplace.export",
            state="export:ExportState",
            menu=Menu(key="marketplace.menu.export", icon="download", order=41),
        ),
    ),
    scheduled_jobs=(
        ScheduledJob("sync_feeds", "modules.marketplace.jobs.sync_feeds", "* * * * *"),
        ScheduledJob(
            "reap_abandoned_imports", "modules.marketplace.jobs.reap_abandoned_imports", "* * * * *"
        ),
    ),
    widget_provider="modules.marketplace.providers:overview_widgets",
    api_routes="modules.marketplace.api:routes",
    config="modules.marketplace.config:MarketplaceConfig",
    contributes={"notification_kinds": "modules.marketplace.notifications:KINDS"},
)
