"""The data a module declares about itself in `modules/<code>/definition.py`.

Component, handler and job references are dotted strings (`"modules.x.pages:page"`), so
reading every definition at start-up imports no pages, states or jobs.
"""

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

__all__ = [
    "SHELL_HEADER",
    "STOREFRONT_LOOK",
    "Feature",
    "Frontend",
    "Menu",
    "MenuItem",
    "ModuleDefinition",
    "Page",
    "PageFactory",
    "Permission",
    "ScheduledJob",
    "ShellItem",
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

    def and_above(self) -> tuple["StoreRole", ...]:
        """This role and the roles above it, owner aside (the owner holds every permission
        anyway): what a permission's `roles` usually are."""
        ranked = [role for role in StoreRole if role != StoreRole.OWNER]
        return tuple(ranked[: ranked.index(self) + 1]) if self in ranked else ()


@dataclass(frozen=True)
class Permission:
    """A right a module defines. `roles` are the store roles that hold it by default.

    `open_when_read_only`: handlers guarded by it stay usable while the merchant is
    read-only (unpaid after grace). Say so for permissions that only read (`….view`) and for
    the way out (paying); every other permission counts as one that changes data, and its
    handlers are refused while read-only (see docs/billing.md "Read-only")."""

    code: str
    label_key: str
    frontend: Frontend = Frontend.STORE
    roles: tuple[StoreRole, ...] = ()
    open_when_read_only: bool = False


@dataclass(frozen=True)
class Feature:
    """A plan-gated capability. `default_limit` None means unlimited; 0 means not included."""

    code: str
    label_key: str
    kind: str = "limit"  # "limit" (a number) or "flag" (on/off)
    default_limit: int | None = None


@dataclass(frozen=True, kw_only=True)
class Menu:
    """A page's entry in its frontend's navigation, shown to those who may open the page."""

    key: str  # translation key of the label
    icon: str = "circle"
    order: int = 100


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
    # Public, but shows the visitor's own data (a shopper's account): never server-rendered.
    private: bool = False
    menu: Menu | None = None


@dataclass(frozen=True)
class PageFactory:
    """Builds a module's pages from references relative to the module itself.

    In `modules/catalog/definition.py`, `page = PageFactory(__name__)` makes
    `page(..., view="editor:edit_product_page", state="editor:ProductEditorState")` a
    `Page` whose component is `modules.catalog.pages.editor:edit_product_page` and whose
    `on_load` runs `modules.catalog.state.editor:ProductEditorState.load`. A reference
    without a file (`view="reports_page"`) names the single `pages.py` or `state.py`."""

    definition: str  # the `__name__` of the module's definition.py

    def __call__(
        self,
        *,
        frontend: Frontend,
        path: str,
        view: str,
        title_key: str,
        state: str | None = None,
        permission: str | None = None,
        public: bool = False,
        private: bool = False,
        menu: Menu | None = None,
    ) -> Page:
        on_load = (f"{self._dotted('state', state)}.load",) if state else ()
        return Page(
            frontend=frontend,
            path=path,
            component=self._dotted("pages", view),
            title_key=title_key,
            permission=permission,
            on_load=on_load,
            public=public,
            private=private,
            menu=menu,
        )

    def _dotted(self, part: str, reference: str) -> str:
        module = self.definition.rpartition(".")[0]
        file, _, name = reference.rpartition(":")
        return f"{module}.{part}.{file}:{name}" if file else f"{module}.{part}:{name}"


@dataclass(frozen=True)
class MenuItem:
    """A navigation entry, made from a page and its `Menu`: the page's frontend, path and
    permission, the menu's key, icon and order."""

    frontend: Frontend
    key: str
    path: str
    icon: str = "circle"
    permission: str | None = None
    order: int = 100


# The contribution point of the dashboards' and the storefront's header: a module contributes a tuple of
# `ShellItem`s (`contributes={SHELL_HEADER: "modules.<code>.shell:ITEMS"}`).
SHELL_HEADER = "shell_header"

# The contribution point of a storefront's look: a module contributes a function
# `(store_id: int) -> dict[str, str]` (dotted path), called during each storefront page load,
# in its database session. Keys the storefront shell reads: "css" (a stylesheet; its rules
# target the storefront root, class `orion-look`), "logo" and "favicon" (image URLs),
# "header" ("left" or "centered"), "font" (a woff2 URL to preload).
STOREFRONT_LOOK = "storefront_look"


@dataclass(frozen=True, kw_only=True)
class ShellItem:
    """Something a module puts in the header of the admin and store shells (a notifications
    bell) or of the storefront (a mini-cart): `component` (dotted path of a function returning
    it) is shown where the module is enabled, and `on_load` runs with the page's own loaders,
    under the page guard's decision and in its database session: a guarded handler with every
    signed-in dashboard page, a public one with every storefront page."""

    frontends: tuple[Frontend, ...]
    component: str
    on_load: str | None = None


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
    pages: tuple[Page, ...] = ()
    scheduled_jobs: tuple[ScheduledJob, ...] = ()
    config: str | None = None  # dotted path to a pydantic-settings class
    # Frontend -> dotted path of `provider(ContextRequest) -> dict`
    context_providers: dict[Frontend, str] = field(default_factory=dict)
    metrics_provider: str | None = None
    widget_provider: str | None = None
    # Port name -> dotted path of a factory; the framework asks for ports, never for modules.
    provides: dict[str, str] = field(default_factory=dict)
    # Contribution point -> dotted path of a value (usually a tuple of frozen records). Any
    # number of modules may contribute to a point; the module owning it reads them with
    # `registry.contributions(point)` (e.g. messaging reads every module's "message_kinds").
    contributes: dict[str, str] = field(default_factory=dict)
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
    def menus(self) -> tuple[MenuItem, ...]:
        """The navigation entries of the pages that declare a `menu`."""
        return tuple(
            MenuItem(
                frontend=page.frontend,
                key=page.menu.key,
                path=page.path,
                icon=page.menu.icon,
                permission=page.permission,
                order=page.menu.order,
            )
            for page in self.pages
            if page.menu
        )

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
