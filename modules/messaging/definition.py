"""Messaging: e-mail templates in four languages, e-mail log, conversations, notifications."""

from orion_app.registry import MANAGER_AND_STAFF, MANAGER_ONLY, ModuleDefinition, Permission, Tier

MODULE = ModuleDefinition(
    code="messaging",
    name="Messaging",
    description="E-mail templates (4 languages, store overrides), e-mail log, conversations, notifications.",
    version="1.0.0",
    tier=Tier.CORE,
    planned=True,
    permissions=(
        Permission("messaging.templates.manage", "messaging.perm.templates", roles=MANAGER_ONLY),
        Permission("messaging.conversations", "messaging.perm.conversations", roles=MANAGER_AND_STAFF),
    ),
)
