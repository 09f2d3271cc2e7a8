"""Monitoring: job queues, failed jobs, logs, capacity snapshots, admin notifications."""

from orion_app.registry import Frontend, Menu, ModuleDefinition, PageFactory, Permission, Tier

page = PageFactory(__name__)

MODULE = ModuleDefinition(
    code="monitoring",
    name="Monitoring",
    description="Background job queues, failed jobs, capacity snapshots and admin notifications.",
    version="1.0.0",
    tier=Tier.INTERNAL,
    permissions=(Permission("monitoring.view", "monitoring.perm.view", Frontend.ADMIN),),
    pages=(
        page(
            frontend=Frontend.ADMIN,
            path="monitoring",
            view="queues_page",
            title_key="monitoring.queues.title",
            permission="monitoring.view",
            state="QueuesState",
            menu=Menu(key="monitoring.menu.queues", icon="activity", order=80),
        ),
    ),
    default_enabled=False,
)
