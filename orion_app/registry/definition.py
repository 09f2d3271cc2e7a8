"""The data a module declares about itself in `modules/<code>/definition.py`.

Component, handler and job references are dotted strings (`"modules.x.pages:page"`), so
reading every definition at start-up imports no pages, states or jobs.
"""

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

__all__ = [
    "Feature",
    "Frontend",
    "MenuItem",
    "ModuleDefinition",
    "Page",
    "Permission",
    "ScheduledJob",
    "StoreRole",
    "Tier",
    "import_string",
]


class Tier(StrEnum):
    CORE = "core"
    OPTIONAL = "optional"
    INTERNAL = "internal"


class Frontend(StrEnum):
    ADMIN = "admin"
    STORE = "store"
    STOREFRONT = "storefront"
    PLATFORM = "platform"


class StoreRole(StrEnum):
    """Roles a user can hold in one store; the owner holds every store permission."""

    OWNER = "owner"
    MANAGER = "manager"
    STAFF = "staff"
    VIEWER = "viewer"


@dataclass(frozen=True)
class Permission:
    """A right a module defines. `roles` are the store roles that hold it by default."""

    code: str
    label_key: str
    frontend: Frontend = Frontend.STORE
    roles: tuple[StoreRole, ...] = ()


@dataclass(frozen=True)
class Feature:
    """A plan-gated capability. `default_limit` None means unlimited; 0 means not included."""

    code: str
    label_key: str
    kind: str = "limit"  # "limit" (a number) or "flag" (on/off)
    default_limit: int | None = None


@dataclass(frozen=True, kw_only=True)
class Page:
    """A page of a module: `path` is relative to its frontend's base (`""` is the home).

    Fields are named at every use (`Page(frontend=…, path=…, permission=…)`): six of them
    are strings or tuples, and a reader should never have to count positions."""

    frontend: Frontend
    path: str
    component: str
    title_key: str
    permission: str | None = None
    on_load: tuple[str, ...] = ()
    public: bool = False  # no sign-in needed (storefront, platform and sign-in pages)


@dataclass(frozen=True)
class MenuItem:
    """A navigation entry; `path` must be a page of the same module and frontend."""

    frontend: Frontend
    key: str
    path: str
    icon: str = "circle"
    permission: str | None = None
    order: int = 100


@dataclass(frozen=True)
class ScheduledJob:
    """A job RQ's cron scheduler runs: `func` is a dotted path, `cron` a crontab string."""

    name: str
    func: str
    cron: str
    queue: str = "scheduled"


@dataclass(frozen=True)
class ModuleDefinition:
    """Everything Orion needs to know about a module, in one readable value."""

    code: str
    name: str
    description: str
    version: str
    tier: Tier
    requires: tuple[str, ...] = ()
    features: tuple[Feature, ...] = ()
    permissions: tuple[Permission, ...] = ()
    menus: tuple[MenuItem, ...] = ()
    pages: tuple[Page, ...] = ()
    scheduled_jobs: tuple[ScheduledJob, ...] = ()
    config: str | None = None  # dotted path to a pydantic-settings class
    # Frontend -> dotted path of `provider(ContextRequest) -> dict`
    context_providers: dict[Frontend, str] = field(default_factory=dict)
    metrics_provider: str | None = None
    widget_provider: str | None = None
    # Port name -> dotted path of a factory; the framework asks for ports, never for modules.
    provides: dict[str, str] = field(default_factory=dict)
    api_routes: str | None = None  # dotted path of `routes() -> list[starlette Route]`
    on_enable: str | None = None
    on_disable: str | None = None
    on_startup: str | None = None
    health_check: str | None = None
    seed_demo: str | None = None  # dotted path of `seed(session) -> list[str]` (lines to print)
    default_enabled: bool = True
    # Declared but not built yet: listed as "planned", never counts as enabled, and
    # cannot be switched on until the issue that builds it lands.
    planned: bool = False

    @property
    def is_core(self) -> bool:
        return self.tier == Tier.CORE


def import_string(dotted: str) -> Any:
    """Import `package.module:attr` (or `package.module.attr`) and return the attribute."""
    import importlib

    module_path, _, attr = dotted.partition(":") if ":" in dotted else dotted.rpartition(".")
    target: Any = importlib.import_module(module_path)
    for part in attr.split("."):
        target = getattr(target, part)
    return target
