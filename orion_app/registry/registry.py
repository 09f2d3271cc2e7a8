"""Module discovery and the dependency rules every platform's module set obeys."""

import importlib
import logging
import pkgutil
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from orion_app.registry.definition import (
    Feature,
    Frontend,
    MenuItem,
    ModuleDefinition,
    Page,
    Permission,
    import_string,
)

__all__ = [
    "ChangePlan",
    "ModuleRegistry",
    "ModuleRegistryError",
    "ModuleRuleError",
    "discover_definitions",
    "get_registry",
]

log = logging.getLogger(__name__)


class ModuleRegistryError(Exception):
    """The installed modules are inconsistent; start-up must stop."""


class ModuleRuleError(Exception):
    """An enable/disable request breaks a rule (e.g. disabling a core module)."""


@dataclass(frozen=True)
class ChangePlan:
    """What one enable/disable request changes on a platform, before anything is saved."""

    module: str
    enable: bool
    to_enable: tuple[str, ...]
    to_disable: tuple[str, ...]

    @property
    def also_changed(self) -> tuple[str, ...]:
        """Modules changed besides the one asked for: the impact shown to the operator."""
        changed = self.to_enable if self.enable else self.to_disable
        return tuple(code for code in changed if code != self.module)


class ModuleRegistry:
    """The validated set of installed modules, in dependency order."""

    def __init__(self, definitions: Iterable[ModuleDefinition], package: str = "modules"):
        self.package = package
        self._by_code: dict[str, ModuleDefinition] = {}
        for definition in definitions:
            if definition.code in self._by_code:
                raise ModuleRegistryError(
                    f"Two modules declare the code '{definition.code}'; module codes must be unique."
                )
            self._by_code[definition.code] = definition
        self._validate_requirements()
        self.order: tuple[str, ...] = self._topological_order()
        self._providers: dict[str, object] = {}
        self._contributions: dict[str, list[tuple[str, Any]]] = {}

    def _validate_requirements(self) -> None:
        for definition in self._by_code.values():
            for required in definition.requires:
                if required not in self._by_code:
                    raise ModuleRegistryError(
                        f"Module '{definition.code}' requires '{required}', which is not installed."
                    )
            if definition.is_core:
                optional = [r for r in definition.requires if not self._by_code[r].is_core]
                if optional:
                    raise ModuleRegistryError(
                        f"Core module '{definition.code}' requires non-core '{optional[0]}'; "
                        "core modules may only require core modules."
                    )

    def _topological_order(self) -> tuple[str, ...]:
        order: list[str] = []
        state: dict[str, str] = {}

        def visit(code: str, path: list[str]) -> None:
            if state.get(code) == "done":
                return
            if state.get(code) == "visiting":
                cycle = [*path[path.index(code) :], code]
                raise ModuleRegistryError(f"Modules depend on each other in a cycle: {' -> '.join(cycle)}.")
            state[code] = "visiting"
            for required in self._by_code[code].requires:
                visit(required, [*path, code])
            state[code] = "done"
            order.append(code)

        for code in sorted(self._by_code):
            visit(code, [])
        return tuple(order)

    # -- lookups -----------------------------------------------------------------------

    def __contains__(self, code: str) -> bool:
        return code in self._by_code

    def __iter__(self):
        return (self._by_code[code] for code in self.order)

    def __len__(self) -> int:
        return len(self._by_code)

    def get(self, code: str) -> ModuleDefinition:
        try:
            return self._by_code[code]
        except KeyError:
            raise ModuleRuleError(f"There is no module '{code}'.") from None

    @property
    def codes(self) -> tuple[str, ...]:
        return self.order

    @cached_property
    def core_codes(self) -> frozenset[str]:
        return frozenset(d.code for d in self if d.is_core)

    def requirements_of(self, code: str) -> set[str]:
        """Every module `code` needs, directly or through others."""
        seen: set[str] = set()
        stack = list(self.get(code).requires)
        while stack:
            current = stack.pop()
            if current not in seen:
                seen.add(current)
                stack.extend(self._by_code[current].requires)
        return seen

    def dependents_of(self, code: str) -> set[str]:
        """Every module that needs `code`, directly or through others."""
        return {d.code for d in self if code in self.requirements_of(d.code)}

    def default_enabled(self) -> set[str]:
        """The module set of a platform nobody has configured yet."""
        wanted = {d.code for d in self if d.is_core or d.default_enabled}
        for code in list(wanted):
            wanted |= self.requirements_of(code)
        return wanted - self.planned_codes

    @cached_property
    def planned_codes(self) -> frozenset[str]:
        """Modules that are declared but not built yet."""
        return frozenset(d.code for d in self if d.planned)

    # -- rules ---------------------------------------------------------------------------

    def plan_change(self, enabled: set[str], code: str, enable: bool) -> ChangePlan:
        """What enabling (with its requirements) or disabling (with its dependents) changes."""
        definition = self.get(code)
        if enable:
            planned = sorted(({code} | self.requirements_of(code)) & self.planned_codes)
            if planned:
                raise ModuleRuleError(
                    f"'{planned[0]}' is planned and not built yet, so '{code}' cannot be switched on."
                )
            wanted = ({code} | self.requirements_of(code)) - enabled
            return ChangePlan(code, True, self._ordered(wanted), ())
        if definition.is_core:
            raise ModuleRuleError(f"'{code}' is a core module and cannot be disabled.")
        dropped = ({code} | self.dependents_of(code)) & enabled
        core_hit = sorted(c for c in dropped if c in self.core_codes)
        if core_hit:
            raise ModuleRuleError(f"'{code}' cannot be disabled: core module '{core_hit[0]}' depends on it.")
        return ChangePlan(code, False, (), tuple(reversed(self._ordered(dropped))))

    def _ordered(self, codes: set[str]) -> tuple[str, ...]:
        return tuple(c for c in self.order if c in codes)

    # -- declarations gathered across modules ----------------------------------------

    def pages(self) -> list[tuple[ModuleDefinition, Page]]:
        return [(d, page) for d in self for page in d.pages]

    def menu_items(self, frontend: Frontend, enabled: set[str]) -> list[tuple[str, MenuItem]]:
        items = [
            (d.code, item) for d in self if d.code in enabled for item in d.menus if item.frontend == frontend
        ]
        return sorted(items, key=lambda pair: (pair[1].order, pair[1].key))

    @cached_property
    def permissions(self) -> dict[str, Permission]:
        return {p.code: p for d in self for p in d.permissions}

    def folder(self, code: str) -> Path:
        """The module's folder on disk (`modules/<code>/`)."""
        self.get(code)
        return Path(importlib.import_module(f"{self.package}.{code}").__file__).parent

    def optional_provider(self, port: str):
        """The port's implementation when a module provides it, else None."""
        providers = [d for d in self if port in d.provides]
        return self.provider(port) if providers else None

    @cached_property
    def features(self) -> dict[str, Feature]:
        return {f.code: f for d in self for f in d.features}

    def contributions(self, point: str) -> list[tuple[str, Any]]:
        """(module code, value) of every module contributing to `point`, in dependency order.

        Unlike a port, a contribution point takes values from any number of modules (the
        message kinds each module sends, the notification kinds it raises); the module that
        owns the point reads them, and the framework never interprets them."""
        if point not in self._contributions:
            self._contributions[point] = [
                (code, import_string(self.get(code).contributes[point]))
                for code in self.order
                if point in self.get(code).contributes
            ]
        return self._contributions[point]

    def provider(self, port: str):
        """The implementation of a framework port, from the one module that provides it.

        Made once per registry: ports are stateless and asked for on every event.
        """
        if port in self._providers:
            return self._providers[port]
        providers = [d for d in self if port in d.provides]
        if len(providers) != 1:
            names = ", ".join(d.code for d in providers) or "none"
            raise ModuleRegistryError(f"Exactly one module must provide '{port}'; found: {names}.")
        self._providers[port] = import_string(providers[0].provides[port])()
        return self._providers[port]


def discover_definitions(package: str = "modules") -> list[ModuleDefinition]:
    """Import `<package>/*/definition.py` and return each `MODULE`."""
    root = importlib.import_module(package)
    definitions = []
    for info in sorted(pkgutil.iter_modules(root.__path__), key=lambda i: i.name):
        if not info.ispkg or info.name.startswith("_"):
            continue
        try:
            module = importlib.import_module(f"{package}.{info.name}.definition")
        except ModuleNotFoundError as exc:
            if exc.name == f"{package}.{info.name}.definition":
                raise ModuleRegistryError(
                    f"Folder '{package}/{info.name}' has no definition.py; every module needs one."
                ) from exc
            raise
        definition = getattr(module, "MODULE", None)
        if not isinstance(definition, ModuleDefinition):
            raise ModuleRegistryError(
                f"'{package}/{info.name}/definition.py' must define MODULE = ModuleDefinition(...)."
            )
        if definition.code != info.name:
            raise ModuleRegistryError(
                f"Module folder '{info.name}' declares code '{definition.code}'; they must match."
            )
        definitions.append(definition)
    return definitions


_registry: ModuleRegistry | None = None


def get_registry() -> ModuleRegistry:
    """The process-wide registry of installed modules, discovered once."""
    global _registry
    if _registry is None:
        from orion_app.settings import get_settings

        package = get_settings().modules_package
        _registry = ModuleRegistry(discover_definitions(package), package)
        log.info("Discovered %d modules: %s", len(_registry), ", ".join(_registry.codes))
    return _registry
