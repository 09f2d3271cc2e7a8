"""Per-platform module enablement: the rules come from the registry, the rows from a port."""

import logging

from pydantic import ValidationError
from pydantic_settings import BaseSettings
from sqlmodel import Session

from orion_app.events import Event, ModuleEvent, bus
from orion_app.ports import PORT_MODULE_STATE, ModuleStateStore
from orion_app.registry import ChangePlan, ModuleRegistry, get_registry, import_string

log = logging.getLogger(__name__)


class ModuleConfigError(Exception):
    """A per-platform config override does not validate; `errors` maps field -> message."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


def _store(registry: ModuleRegistry) -> ModuleStateStore:
    return registry.provider(PORT_MODULE_STATE)


def enabled_modules(platform_id: int, registry: ModuleRegistry | None = None) -> set[str]:
    """The codes of the modules switched on for a platform (core ones always are)."""
    registry = registry or get_registry()
    states = _store(registry).module_states(platform_id)
    enabled = registry.default_enabled()
    enabled |= {code for code, on in states.items() if on and code in registry}
    enabled -= {code for code, on in states.items() if not on}
    return (enabled | set(registry.core_codes)) - registry.planned_codes


def is_enabled(platform_id: int, code: str, registry: ModuleRegistry | None = None) -> bool:
    return code in enabled_modules(platform_id, registry)


def preview_change(platform_id: int, code: str, enable: bool) -> ChangePlan:
    """What a change would do, computed without saving anything."""
    registry = get_registry()
    return registry.plan_change(enabled_modules(platform_id, registry), code, enable)


def apply_change(platform_id: int, code: str, enable: bool, actor_user_id: int | None) -> ChangePlan:
    """Enable a module with its requirements, or disable it with its dependents; data stays."""
    registry = get_registry()
    plan = registry.plan_change(enabled_modules(platform_id, registry), code, enable)
    changed = plan.to_enable if enable else plan.to_disable
    _store(registry).save_changes(platform_id, {c: enable for c in changed} | {code: enable}, actor_user_id)
    for changed_code in changed:
        definition = registry.get(changed_code)
        hook = definition.on_enable if enable else definition.on_disable
        if hook:
            try:
                import_string(hook)(platform_id)
            except Exception:
                log.exception("%s hook of %s failed", "on_enable" if enable else "on_disable", changed_code)
        kind = ModuleEvent.ENABLED if enable else ModuleEvent.DISABLED
        bus.publish(Event(kind, changed_code, platform_id, {"actor_user_id": actor_user_id}))
    return plan


def module_config(
    code: str, platform_id: int | None = None, session: Session | None = None
) -> BaseSettings | None:
    """A module's settings: env (`<CODE>_<FIELD>`) overridden by the platform's saved config
    (read in `session` when given)."""
    registry = get_registry()
    definition = registry.get(code)
    if not definition.config:
        return None
    config_class: type[BaseSettings] = import_string(definition.config)
    overrides = _store(registry).module_config(platform_id, code, session) if platform_id else {}
    return config_class(**overrides)


def save_module_config(platform_id: int, code: str, values: dict, actor_user_id: int | None) -> BaseSettings:
    """Validate and store a platform's override of a module's settings."""
    registry = get_registry()
    definition = registry.get(code)
    if not definition.config:
        raise ModuleConfigError({"module": f"Module '{code}' has no settings."})
    config_class: type[BaseSettings] = import_string(definition.config)
    try:
        config = config_class(**values)
    except ValidationError as exc:
        raise ModuleConfigError(
            {".".join(str(p) for p in err["loc"]): err["msg"] for err in exc.errors()}
        ) from None
    _store(registry).save_config(platform_id, code, values, actor_user_id)
    bus.publish(Event(ModuleEvent.CONFIG_CHANGED, code, platform_id, {"values": values}))
    return config
