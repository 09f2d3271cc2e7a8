"""Asking enabled modules for their contributions, one failure never breaking a page."""

import logging
from dataclasses import dataclass
from typing import Any

from orion_app.ports import PlatformRef, StoreRef
from orion_app.registry import Frontend, ModuleRegistry, get_registry, import_string

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ContextRequest:
    frontend: Frontend
    platform: PlatformRef | None
    store: StoreRef | None
    lang: str
    base: str = ""  # URL prefix of the frontend for this tenant


def call_enabled(
    attribute: str, enabled: set[str] | frozenset[str], *args: Any, registry: ModuleRegistry | None = None
) -> dict[str, Any]:
    """Call each enabled module's provider named by `attribute`; module code -> result."""
    results: dict[str, Any] = {}
    for definition in registry or get_registry():
        target = getattr(definition, attribute)
        if definition.code not in enabled or not target:
            continue
        try:
            results[definition.code] = import_string(target)(*args)
        except Exception:
            log.exception("%s of module %s failed; the page renders without it", attribute, definition.code)
    return results


def page_context(request: ContextRequest, enabled: set[str] | frozenset[str]) -> dict[str, Any]:
    """Merged contributions of every enabled module's context provider for this frontend."""
    merged: dict[str, Any] = {}
    for definition in get_registry():
        dotted = definition.context_providers.get(request.frontend)
        if definition.code not in enabled or not dotted:
            continue
        try:
            contributed = import_string(dotted)(request)
        except Exception:
            log.exception("Context provider of %s failed; the page renders without it", definition.code)
            continue
        for name, value in contributed.items():
            # Lists (e.g. "sections") from several modules add up; other keys: last one wins.
            if isinstance(value, list) and isinstance(merged.get(name), list):
                merged[name] = merged[name] + value
            else:
                merged[name] = value
    return merged
