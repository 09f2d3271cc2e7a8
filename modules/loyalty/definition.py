"""Loyalty: stamp and points programs per merchant, cards, staff PINs, wallet passes."""

from orion_app.registry import Feature, Frontend, ModuleDefinition, Permission, StoreRole, Tier

MODULE = ModuleDefinition(
    code="loyalty",
    name="Loyalty",
    description="Stamp and points programs per merchant, cards, staff PINs and wallet passes.",
    version="1.0.0",
    tier=Tier.OPTIONAL,
    planned=True,
    requires=("customers",),
    features=(Feature("loyalty_programs", "loyalty.feature.programs", "limit", 1),),
    permissions=(
        Permission("loyalty.program.manage", "loyalty.perm.manage", Frontend.STORE, (StoreRole.MANAGER,)),
        Permission(
            "loyalty.stamp", "loyalty.perm.stamp", Frontend.STORE, (StoreRole.MANAGER, StoreRole.STAFF)
        ),
    ),
    config="modules.loyalty.config:LoyaltyConfig",
)
