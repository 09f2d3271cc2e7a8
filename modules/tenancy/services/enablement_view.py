"""The module list of one platform as the admin's modules page shows it."""

from dataclasses import dataclass

from orion_app import enablement
from orion_app.i18n import translate
from orion_app.registry import get_registry


@dataclass(frozen=True)
class ModuleRow:
    code: str
    description: str
    tier: str
    requires: tuple[str, ...]
    enabled: bool
    planned: bool


def module_rows(platform_id: int, lang: str) -> list[ModuleRow]:
    """Every installed module with its translated description and whether it is on for the platform."""
    registry = get_registry()
    enabled = enablement.enabled_modules(platform_id, registry)
    return [
        ModuleRow(
            d.code,
            translate(f"{d.code}.module.description", lang),
            d.tier.value,
            d.requires,
            d.code in enabled,
            d.planned,
        )
        for d in sorted(registry, key=lambda d: (d.tier.value != "core", d.tier.value, d.code))
    ]
