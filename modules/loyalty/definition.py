"""Loyalty: stamp and points programs per merchant, cards, staff PINs, wallet passes."""

from orion_app.registry import MANAGER_AND_STAFF, MANAGER_ONLY, Feature, ModuleDefinition, Permission, Tier

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
        Permission("loyalty.program.manage", "loyalty.perm.manage", roles=MANAGER_ONLY),
        Permission("loyalty.stamp", "loyalty.perm.stamp", roles=MANAGER_AND_STAFF),
    ),
    config="modules.loyalty.config:LoyaltyConfig",
)
