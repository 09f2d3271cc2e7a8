"""Inventory: stock per warehouse and bin, reservations, movement log, low-stock alerts."""

from orion_app.registry import Frontend, ModuleDefinition, Permission, StoreRole, Tier

MODULE = ModuleDefinition(
    code="inventory",
    name="Inventory",
    description="Stock per warehouse and bin, reservations, movement log and low-stock alerts.",
    version="1.0.0",
    tier=Tier.OPTIONAL,
    permissions=(
        Permission(
            "inventory.stock.view",
            "inventory.perm.view",
            Frontend.STORE,
            (StoreRole.MANAGER, StoreRole.STAFF, StoreRole.VIEWER),
        ),
        Permission(
            "inventory.stock.adjust",
            "inventory.perm.adjust",
            Frontend.STORE,
            (StoreRole.MANAGER, StoreRole.STAFF),
        ),
    ),
    config="modules.inventory.config:InventoryConfig",
)
