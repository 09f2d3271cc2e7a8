"""Marketplace: Letzshop product feed import/export, order sync and fulfilment sync."""

from orion_app.registry import Feature, Frontend, ModuleDefinition, Permission, StoreRole, Tier

MODULE = ModuleDefinition(
    code="marketplace",
    name="Marketplace",
    description="Letzshop product feed import and export, order sync and fulfilment sync.",
    version="1.0.0",
    tier=Tier.OPTIONAL,
    requires=("catalog", "inventory"),
    features=(Feature("letzshop_sync", "marketplace.feature.sync", "flag", 1),),
    permissions=(
        Permission("marketplace.import", "marketplace.perm.import", Frontend.STORE, (StoreRole.MANAGER,)),
        Permission(
            "marketplace.export",
            "marketplace.perm.export",
            Frontend.STORE,
            (StoreRole.MANAGER, StoreRole.STAFF),
        ),
    ),
    config="modules.marketplace.config:MarketplaceConfig",
)
