"""The module framework: definitions, discovery and dependency rules."""

from orion_app.registry.definition import (
    Feature,
    Frontend,
    MenuItem,
    ModuleDefinition,
    Page,
    Permission,
    ScheduledJob,
    StoreRole,
    Tier,
    import_string,
)
from orion_app.registry.registry import (
    ChangePlan,
    ModuleRegistry,
    ModuleRegistryError,
    ModuleRuleError,
    discover_definitions,
    get_registry,
)

__all__ = [
    "ChangePlan",
    "Feature",
    "Frontend",
    "MenuItem",
    "ModuleDefinition",
    "ModuleRegistry",
    "ModuleRegistryError",
    "ModuleRuleError",
    "Page",
    "Permission",
    "ScheduledJob",
    "StoreRole",
    "Tier",
    "discover_definitions",
    "get_registry",
    "import_string",
]
