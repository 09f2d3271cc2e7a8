"""Customers: store-scoped shopper accounts, addresses, e-mail verification, password reset."""

from orion_app.registry import ModuleDefinition, Permission, StoreRole, Tier

MODULE = ModuleDefinition(
    code="customers",
    name="Customers",
    description="Store-scoped customer accounts, addresses, e-mail verification and password reset.",
    version="1.0.0",
    tier=Tier.CORE,
    planned=True,
    permissions=(
        Permission("customers.view", "customers.perm.view", roles=StoreRole.VIEWER.and_above()),
        Permission("customers.manage", "customers.perm.manage", roles=StoreRole.MANAGER.and_above()),
    ),
)
