"""Billing: plans and tiers, per-merchant subscriptions, trials, usage limits, invoices."""

from orion_app.registry import (
    SHELL_HEADER,
    Feature,
    Frontend,
    Menu,
    ModuleDefinition,
    PageFactory,
    Permission,
    ScheduledJob,
    Tier,
)

page = PageFactory(__name__)

MODULE = ModuleDefinition(
    code="billing",
    name="Billing",
    description="Plans, per-merchant subscriptions on Stripe, trials, usage limits and invoices.",
    version="1.0.0",
    tier=Tier.CORE,
    requires=("payments", "tenancy", "messaging"),
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
    seed_demo="modules.billing.demo:seed",
    context_providers={Frontend.PLATFORM: "modules.billing.pricing:pricing_context"},
    api_routes="modules.billing.api:routes",
    provides={
        "feature_limits": "modules.billing.providers:feature_limits",
        "plan_access": "modules.billing.providers:plan_access",
    },
    scheduled_jobs=tuple(
        ScheduledJob(name, f"modules.billing.jobs:{name}", cron)
        for name, cron in (
            ("reset_period_counters", "5 0 * * *"),
            ("check_trial_expirations", "0 1 * * *"),
            ("sync_stripe_status", "30 * * * *"),
            ("cleanup_stale_subscriptions", "0 3 * * 0"),
        )
    ),
    contributes={
        SHELL_HEADER: "modules.billing.shell:ITEMS",
        "message_kinds": "modules.billing.messages:KINDS",
        "stripe_event_handlers": "modules.billing.services.webhooks:handle_stripe_event",
    },
)
