"""Payments: the gateway abstraction (Stripe, manual/bank transfer) and refunds."""

from orion_app.registry import ModuleDefinition, Permission, StoreRole, Tier

MODULE = ModuleDefinition(
    code="payments",
    name="Payments",
    description="Payment gateway abstraction (Stripe, manual and bank transfer) and refunds.",
    version="1.0.0",
    tier=Tier.CORE,
    planned=True,
    permissions=(
        Permission("payments.manage", "payments.perm.manage", roles=StoreRole.MANAGER.and_above()),
        Permission("payments.refund", "payments.perm.refund", roles=StoreRole.MANAGER.and_above()),
    ),
    api_routes="modules.payments.api:routes",
)
