"""Messaging: e-mail templates in four languages, e-mail log, conversations, notifications."""

from orion_app.registry import ModuleDefinition, Permission, ScheduledJob, StoreRole, Tier

MODULE = ModuleDefinition(
    code="messaging",
    name="Messaging",
    description="E-mail templates (4 languages, store overrides), e-mail log, conversations, notifications.",
    version="1.0.0",
    tier=Tier.CORE,
    permissions=(
        Permission(
            "messaging.templates.manage", "messaging.perm.templates", roles=StoreRole.MANAGER.and_above()
        ),
        Permission(
            "messaging.conversations", "messaging.perm.conversations", roles=StoreRole.STAFF.and_above()
        ),
    ),
    scheduled_jobs=(
        ScheduledJob("requeue_stuck_mail", "modules.messaging.jobs.requeue_stuck_mail", "*/5 * * * *"),
    ),
)
