"""Monitoring: job queues, failed jobs, logs, capacity snapshots, admin notifications."""

from orion_app.registry import Frontend, MenuItem, ModuleDefinition, Page, Permission, Tier

MODULE = ModuleDefinition(
    code="monitoring",
    name="Monitoring",
    description="Background job queues, failed jobs, capacity snapshots and admin notifications.",
    version="1.0.0",
    tier=Tier.INTERNAL,
    permissions=(Permission("monitoring.view", "monitoring.perm.view", Frontend.ADMIN),),
    pages=(
        Page(
            frontend=Frontend.ADMIN,
            path="monitoring",
            component="modules.monitoring.pages:queues_page",
            title_key="monitoring.queues.title",
            permission="monitoring.view",
            on_load=("modules.monitoring.state:QueuesState.load",),
        ),
    ),
    menus=(
        MenuItem(Frontend.ADMIN, "monitoring.menu.queues", "monitoring", "activity", "monitoring.view", 80),
    ),
    default_enabled=False,
)
