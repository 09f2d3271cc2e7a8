"""Payments: the gateway abstraction (Stripe, bank transfer), refunds and Stripe's webhooks."""

from orion_app.registry import Frontend, Menu, ModuleDefinition, PageFactory, Permission, StoreRole, Tier

A, S = Frontend.ADMIN, Frontend.STORE

page = PageFactory(__name__)

MODULE = ModuleDefinition(
    code="payments",
    name="Payments",
    description="Payment gateway abstraction (Stripe, manual and bank transfer) and refunds.",
    version="1.0.0",
    tier=Tier.CORE,
    permissions=(
        Permission("payments.manage", "payments.perm.manage", roles=StoreRole.MANAGER.and_above()),
        Permission("payments.refund", "payments.perm.refund", roles=StoreRole.MANAGER.and_above()),
        Permission("payments.platform.manage", "payments.perm.platform", A),
    ),
    pages=(
        page(
            frontend=S,
            path="settings/payments",
            view="settings:store_payments_page",
            title_key="payments.ui.store.title",
            permission="payments.manage",
            state="store:StorePaymentsState",
            menu=Menu(key="payments.ui.menu.store", icon="credit-card", order=85),
        ),
        page(
            frontend=A,
            path="payments",
            view="settings:payment_platforms_page",
            title_key="payments.ui.admin.title",
            permission="payments.platform.manage",
            state="admin:PaymentPlatformsState",
            menu=Menu(key="payments.ui.menu.admin", icon="credit-card", order=62),
        ),
        page(
            frontend=A,
            path="payments/[platform]",
            view="settings:payment_platform_page",
            title_key="payments.ui.admin.settings_title",
            permission="payments.platform.manage",
            state="admin:PaymentPlatformState",
        ),
    ),
    api_routes="modules.payments.api:routes",
)
