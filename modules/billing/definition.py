"""Billing: plans and tiers, per-merchant subscriptions, trials, usage limits, invoices."""

from orion_app.registry import Feature, Frontend, ModuleDefinition, Permission, Tier

MODULE = ModuleDefinition(
    code="billing",
    name="Billing",
    description="Plans, per-merchant subscriptions on Stripe, trials, usage limits and invoices.",
    version="1.0.0",
    tier=Tier.CORE,
    planned=True,
    requires=("payments",),
    features=(
        Feature("api_access", "billing.feature.api", "flag", 0),
        Feature("white_label", "billing.feature.white_label", "flag", 0),
    ),
    permissions=(
        Permission("billing.subscription.manage", "billing.perm.subscription"),
        Permission("billing.plans.manage", "billing.perm.plans", Frontend.ADMIN),
    ),
    config="modules.billing.config:BillingConfig",
)
