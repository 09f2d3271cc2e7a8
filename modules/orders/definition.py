"""Orders: order management, fulfilment, tracking and EU VAT invoices."""

from orion_app.registry import Feature, ModuleDefinition, Permission, ScheduledJob, StoreRole, Tier

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
    config="modules.orders.config:OrdersConfig",
    scheduled_jobs=(
        ScheduledJob("cancel_expired_orders", "modules.orders.jobs.cancel_expired_orders", "*/5 * * * *"),
    ),
    contributes={
        "message_kinds": "modules.orders.messages:KINDS",
        "notification_kinds": "modules.orders.notifications:KINDS",
        "payment_event_handlers": "modules.orders.services.payment_events:handle_payment_event",
        "customer_orders": "modules.orders.providers:CUSTOMER_ORDERS",
    },
)
