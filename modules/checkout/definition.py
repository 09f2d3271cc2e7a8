"""Checkout: from cart to order with contact, address, shipping method, payment and terms."""

from orion_app.registry import Frontend, Menu, ModuleDefinition, PageFactory, Permission, StoreRole, Tier

page = PageFactory(__name__)

MODULE = ModuleDefinition(
    code="checkout",
    name="Checkout",
    description="Cart to order: address, shipping and payment.",
    version="1.0.0",
    tier=Tier.OPTIONAL,
    requires=("cart", "orders", "customers"),
    permissions=(Permission("checkout.manage", "checkout.perm.manage", roles=StoreRole.MANAGER.and_above()),),
    pages=(
        page(
            frontend=Frontend.STORE,
            path="settings/shipping",
            view="shipping:shipping_page",
            title_key="checkout.shipping.title",
            permission="checkout.manage",
            state="shipping:ShippingState",
            menu=Menu(key="checkout.shipping.menu", icon="truck", order=75),
        ),
        page(
            frontend=Frontend.STOREFRONT,
            path="checkout",
            view="checkout:checkout_page",
            title_key="checkout.shop.title",
            state="checkout:CheckoutState",
            public=True,
            private=True,
        ),
    ),
    seed_demo="modules.checkout.demo:seed",
)
