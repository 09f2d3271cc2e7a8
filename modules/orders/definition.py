"""Orders: order management, fulfilment, tracking and EU VAT invoices."""

from orion_app.registry import Feature, ModuleDefinition, Permission, StoreRole, Tier

MODULE = ModuleDefinition(
    code="orders",
    name="Orders",
    description="Order management, fulfilment, tracking and invoices (PDF, EU VAT).",
    version="1.0.0",
    tier=Tier.OPTIONAL,
    planned=True,
    requires=("payments", "catalog", "inventory"),
    features=(Feature("orders_per_month", "orders.feature.per_month", "limit", 100),),
    permissions=(
        Permission("orders.view", "orders.perm.view", roles=StoreRole.VIEWER.and_above()),
        Permission("orders.manage", "orders.perm.manage", roles=StoreRole.STAFF.and_above()),
    ),
)
