"""Cart: shopper carts, for guests and signed-in customers."""

from orion_app.registry import ModuleDefinition, Tier

MODULE = ModuleDefinition(
    code="cart",
    name="Cart",
    description="Shopper carts for guests and signed-in customers.",
    version="1.0.0",
    tier=Tier.OPTIONAL,
    planned=True,
    requires=("catalog",),
)
