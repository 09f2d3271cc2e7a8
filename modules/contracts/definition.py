"""Contracts: the protocols modules implement so that no module imports an optional one."""

from orion_app.registry import ModuleDefinition, Tier

MODULE = ModuleDefinition(
    code="contracts",
    name="Contracts",
    description="Protocols other modules implement: metrics, widgets, features, onboarding, media usage.",
    version="1.0.0",
    tier=Tier.CORE,
    config="modules.contracts.config:ContractsConfig",
)
