"""Payments: the gateway abstraction (Stripe, manual/bank transfer) and refunds."""

from orion_app.registry import MANAGER_ONLY, ModuleDefinition, Permission, Tier

MODULE = ModuleDefinition(
    code="payments",
    name="Payments",
    description="Payment gateway abstraction (Stripe, manual and bank transfer) and refunds.",
    version="1.0.0",
    tier=Tier.CORE,
    planned=True,
    permissions=(
        Permission("payments.manage", "payments.perm.manage", roles=MANAGER_ONLY),
        Permission("payments.refund", "payments.perm.refund", roles=MANAGER_ONLY),
    ),
)
