"""Cart: shopper carts, for guests and signed-in customers."""

from orion_app.registry import SHELL_HEADER, Frontend, ModuleDefinition, PageFactory, ScheduledJob, Tier

page = PageFactory(__name__)

MODULE = ModuleDefinition(
    code="cart",
    name="Cart",
    description="Shopper carts for guests and signed-in customers.",
    version="1.0.0",
    tier=Tier.OPTIONAL,
    requires=("catalog", "customers"),
    pages=(
        page(
            frontend=Frontend.STOREFRONT,
            path="cart",
            view="cart_page",
            title_key="cart.title",
            state="CartPageState",
            public=True,
            private=True,
        ),
    ),
    api_routes="modules.cart.api:routes",
    config="modules.cart.config:CartConfig",
    scheduled_jobs=(
        ScheduledJob("purge_expired_carts", "modules.cart.jobs.purge_expired_carts", "15 * * * *"),
    ),
    contributes={
        SHELL_HEADER: "modules.cart.shell:ITEMS",
        "storefront_product_actions": "modules.cart.pages:add_to_cart",
    },
)
