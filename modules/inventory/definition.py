"""Inventory: stock per warehouse/bin, reservations, movement log, low-stock alerts."""

from orion_app.registry import Frontend, MenuItem, ModuleDefinition, Page, Permission, StoreRole, Tier

S = Frontend.STORE

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
            S,
            (StoreRole.MANAGER, StoreRole.STAFF, StoreRole.VIEWER),
        ),
        Permission(
            "inventory.stock.adjust", "inventory.perm.adjust", S, (StoreRole.MANAGER, StoreRole.STAFF)
        ),
    ),
    pages=(
        Page(
            frontend=S,
            path="inventory",
            component="modules.inventory.pages:inventory_page",
            title_key="inventory.page.title",
            permission="inventory.stock.view",
            on_load=("modules.inventory.state:InventoryState.load",),
        ),
    ),
    menus=(MenuItem(S, "inventory.menu.stock", "inventory", "warehouse", "inventory.stock.view", 30),),
    config="modules.inventory.config:InventoryConfig",
    metrics_provider="modules.inventory.providers:store_metrics",
)
