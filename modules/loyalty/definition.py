"""Loyalty: stamp and points programs per merchant, cards, staff PINs, wallet passes."""

from orion_app.registry import Feature, ModuleDefinition, Permission, StoreRole, Tier

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
        Permission("loyalty.program.manage", "loyalty.perm.manage", roles=StoreRole.MANAGER.and_above()),
        Permission("loyalty.stamp", "loyalty.perm.stamp", roles=StoreRole.STAFF.and_above()),
    ),
    config="modules.loyalty.config:LoyaltyConfig",
)
