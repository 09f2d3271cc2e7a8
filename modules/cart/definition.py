"""Cart: shopper carts, for guests and signed-in customers."""

from orion_app.registry import ModuleDefinition, PageFactory, ScheduledJob, Tier

page = PageFactory(__name__)

MODULE = ModuleDefinition(
    code="cart",
    name="Cart",
    description="Shopper carts for guests and signed-in customers.",
    version="1.0.0",
    tier=Tier.OPTIONAL,
    planned=True,
    requires=("catalog", "customers"),
    scheduled_jobs=(
        ScheduledJob("purge_expired_carts", "modules.cart.jobs.purge_expired_carts", "15 * * * *"),
    ),
    config="modules.cart.config:CartConfig",
)
