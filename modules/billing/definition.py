"""Billing: plans and tiers, per-merchant subscriptions, trials, usage limits, invoices."""

from orion_app.registry import (
    SHELL_HEADER,
    Feature,
    Frontend,
    Menu,
    ModuleDefinition,
    PageFactory,
    Permission,
    Tier,
)

page = PageFactory(__name__)

MODULE = ModuleDefinition(
    code="billing",
    name="Billing",
    description="Plans, per-merchant subscriptions on Stripe, trials, usage limits and invoices.",
    version="1.0.0",
    tier=Tier.CORE,
    requires=("payments",),
    features=(
        Feature("api_access", "billing.feature.api", "flag", 0),
        Feature("white_label", "billing.feature.white_label", "flag", 0),
    ),
    permissions=(
        Permission("billing.subscription.manage", "billing.perm.subscription", open_when_read_only=True),
        Permission("billing.plans.manage", "billing.perm.plans", Frontend.ADMIN),
    ),
    pages=(
        page(
            frontend=Frontend.STORE,
            path="billing",
            view="subscription:billing_page",
            title_key="billing.title",
            permission="billing.subscription.manage",
            state="subscription:BillingState",
            menu=Menu(key="billing.menu.billing", icon="credit_card", order=90),
        ),
        page(
            frontend=Frontend.ADMIN,
            path="plans",
            view="plans:plans_page",
            title_key="billing.plans.admin_title",
            permission="billing.plans.manage",
            state="plans:PlansAdminState",
            menu=Menu(key="billing.menu.plans", icon="layers", order=70),
        ),
        page(
            frontend=Frontend.ADMIN,
            path="billing/jobs",
            view="jobs:job_runs_page",
            title_key="billing.jobs.title",
            permission="billing.plans.manage",
            state="jobs:JobRunsState",
            menu=Menu(key="billing.menu.jobs", icon="timer", order=71),
        ),
        page(
            frontend=Frontend.PLATFORM,
            path="pricing",
            view="pricing:pricing_page",
            title_key="billing.pricing.title",
            state="pricing:PricingState",
            public=True,
            menu=Menu(key="billing.pricing.title", icon="tag", order=20),
        ),
        page(
            frontend=Frontend.PLATFORM,
            path="signup",
            view="pricing:signup_page",
            title_key="billing.signup.title",
            state="pricing:SignUpState",
            public=True,
        ),
    ),
    config="modules.billing.config:BillingConfig",
    context_providers={Frontend.PLATFORM: "modules.billing.pricing:pricing_context"},
    api_routes="modules.billing.api:routes",
    provides={
        "feature_limits": "modules.billing.providers:feature_limits",
        "plan_access": "modules.billing.providers:plan_access",
    },
    contributes={SHELL_HEADER: "modules.billing.shell:ITEMS"},
)
