"""Inventory: stock per warehouse/bin, reservations, movement log, low-stock alerts."""

from orion_app.registry import Frontend, Menu, ModuleDefinition, PageFactory, Permission, StoreRole, Tier

S = Frontend.STORE

page = PageFactory(__name__)

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
            roles=StoreRole.VIEWER.and_above(),
            open_when_read_only=True,
        ),
        Permission("inventory.stock.adjust", "inventory.perm.adjust", roles=StoreRole.STAFF.and_above()),
    ),
    pages=(
        page(
            frontend=S,
            path="inventory",
            view="inventory_page",
            title_key="inventory.page.title",
            permission="inventory.stock.view",
            state="InventoryState",
            menu=Menu(key="inventory.menu.stock", icon="warehouse", order=30),
        ),
    ),
    config="modules.inventory.config:InventoryConfig",
    metrics_provider="modules.inventory.providers:store_metrics",
    widget_provider="modules.inventory.providers:overview_widgets",
    contributes={"notification_kinds": "modules.inventory.notifications:KINDS"},
)
