"""Orders: order management, fulfilment, tracking and EU VAT invoices."""

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

page = PageFactory(__name__)

MODULE = ModuleDefinition(
    code="orders",
    name="Orders",
    description="Order management, fulfilment, tracking and invoices (PDF, EU VAT).",
    version="1.0.0",
    tier=Tier.OPTIONAL,
    requires=("payments", "catalog", "inventory"),
    features=(Feature("orders_per_month", "orders.feature.per_month", "limit", 100),),
    permissions=(
        Permission(
            "orders.view", "orders.perm.view", roles=StoreRole.VIEWER.and_above(), open_when_read_only=True
        ),
        Permission("orders.manage", "orders.perm.manage", roles=StoreRole.STAFF.and_above()),
    ),
    pages=(
        page(
            frontend=Frontend.STORE,
            path="orders",
            view="merchant:orders_page",
            title_key="orders.ui.title",
            permission="orders.view",
            state="merchant:OrderListState",
            menu=Menu(key="orders.ui.menu", icon="receipt", order=25),
        ),
        page(
            frontend=Frontend.STORE,
            path="orders/[order]",
            view="merchant_detail:order_page",
            title_key="orders.ui.detail_title",
            permission="orders.view",
            state="merchant_detail:OrderDetailState",
        ),
        page(
            frontend=Frontend.STORE,
            path="settings/tax",
            view="tax:tax_page",
            title_key="orders.vat.title",
            permission="orders.manage",
            state="tax:TaxState",
            menu=Menu(key="orders.vat.menu", icon="percent", order=76),
        ),
        page(
            frontend=Frontend.STORE,
            path="documents",
            view="documents:documents_page",
            title_key="orders.documents.title",
            permission="orders.view",
            state="documents:DocumentsState",
            menu=Menu(key="orders.documents.menu", icon="file-text", order=26),
        ),
        page(
            frontend=Frontend.STOREFRONT,
            path="account/orders/[number]",
            view="shop:shopper_order_page",
            title_key="orders.ui.detail_title",
            state="shop:ShopOrderState",
            public=True,
            private=True,
        ),
        page(
            frontend=Frontend.STOREFRONT,
            path="order-status",
            view="shop:order_status_page",
            title_key="orders.ui.status_title",
            state="shop:OrderStatusState",
            public=True,
            private=True,
        ),
    ),
    widget_provider="modules.orders.services.widgets:overview_widgets",
    api_routes="modules.orders.downloads:routes",
    config="modules.orders.config:OrdersConfig",
    scheduled_jobs=(
        ScheduledJob("cancel_expired_orders", "modules.orders.jobs.cancel_expired_orders", "*/5 * * * *"),
        ScheduledJob(
            "render_pending_documents", "modules.orders.jobs.render_pending_documents", "*/5 * * * *"
        ),
    ),
    contributes={
        "message_kinds": "modules.orders.messages:KINDS",
        "notification_kinds": "modules.orders.notifications:KINDS",
        "payment_event_handlers": "modules.orders.services.payment_events:handle_payment_event",
        "customer_orders": "modules.orders.providers:CUSTOMER_ORDERS",
        "customer_order_history": "modules.orders.services.history:ORDER_HISTORY",
        "usage_counters": "modules.orders.usage:COUNTERS",
        "seller_details": "modules.orders.seller:seller_details",
    },
    seed_demo="modules.orders.demo:seed",
)
