"""Checkout: from cart to order with address, shipping and payment."""

from orion_app.registry import ModuleDefinition, Tier

MODULE = ModuleDefinition(
    code="checkout",
    name="Checkout",
    description="Cart to order: address, shipping and payment.",
    version="1.0.0",
    tier=Tier.OPTIONAL,
    planned=True,
    requires=("cart", "orders", "customers"),
)
