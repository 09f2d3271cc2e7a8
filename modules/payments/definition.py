"""Payments: the gateway abstraction (Stripe, manual/bank transfer) and refunds."""

from orion_app.registry import Frontend, ModuleDefinition, Permission, StoreRole, Tier

MODULE = ModuleDefinition(
    code="payments",
    name="Payments",
    description="Payment gateway abstraction (Stripe, manual and bank transfer) and refunds.",
    version="1.0.0",
    tier=Tier.CORE,
    planned=True,
    permissions=(
        Permission("payments.manage", "payments.perm.manage", Frontend.STORE, (StoreRole.MANAGER,)),
        Permission("payments.refund", "payments.perm.refund", Frontend.STORE, (StoreRole.MANAGER,)),
    ),
)
