"""Who may see what: the page/handler guard's decision and the menus, with no Reflex inside.

Checked in order: tenant exists, module enabled on the tenant's platform, signed in (staff
frontends), may enter this store at all, the merchant's plan, role permission. A disabled
module answers "not found", exactly like a page that does not exist, so a platform without
it shows no trace of it.

The plan layer asks the `plan_access` port (whoever provides it; the framework names no
module) for the store's `PlanGate`. An optional module (Tier.OPTIONAL) that the platform
enables but the plan leaves out is "locked":
- in the store dashboard its pages and handlers answer UPGRADE (an upgrade page, a refusal
  naming the plan) and its menu entries stay, badged "upgrade";
- on the storefront it is simply not there (not found, no menu entry): shoppers never see an
  upgrade page.
Core modules are never locked. No provider, or no subscription (None): nothing is locked.
The plan comes after "may enter", so a stranger never learns another merchant's plan, and
before the role permission, as SPEC §2 orders the layers.

Read-only (`PlanGate.read_only`) is applied by the handler guard (`read_only_refuses`):
pages and their loaders stay open, handlers that change data are refused.
"""

import contextlib
import contextvars
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

from orion_app import access_cache, enablement
from orion_app.i18n import translate
from orion_app.ports import (
    PORT_AUTHENTICATOR,
    PORT_PLAN_ACCESS,
    PORT_TENANT_DIRECTORY,
    Authenticator,
    PlanGate,
    Principal,
    TenantDirectory,
)
from orion_app.registry import Frontend, ModuleRegistry, StoreRole, Tier, get_registry
from orion_app.settings import get_settings
from orion_app.tenant import Tenant, resolve_tenant

STAFF_FRONTENDS = (Frontend.ADMIN, Frontend.STORE)


class Verdict(StrEnum):
    OK = "ok"
    NOT_FOUND = "not_found"
    SIGN_IN = "sign_in"
    FORBIDDEN = "forbidden"
    UPGRADE = "upgrade"  # enabled on the platform, not in the merchant's plan (store dashboard)
    READ_ONLY = "read_only"  # a handler that changes data while the merchant is read-only


@dataclass(frozen=True)
class Access:
    verdict: Verdict
    tenant: Tenant | None = None
    principal: Principal | None = None
    # Modules usable here: enabled on the platform and, in a store, in the merchant's plan
    # (what menus, header items, metrics and context providers are built from).
    enabled: frozenset[str] = field(default_factory=frozenset)
    plan: PlanGate | None = None  # the store's plan; None: no billing, nothing locked
    # Store dashboard: enabled modules outside the plan (their pages and handlers: UPGRADE,
    # their menu entries: badged). Empty on every other frontend.
    locked: frozenset[str] = field(default_factory=frozenset)
    module: str = ""  # with UPGRADE: the module the plan lacks

    @property
    def ok(self) -> bool:
        return self.verdict == Verdict.OK


_current: contextvars.ContextVar[Access | None] = contextvars.ContextVar("orion_access", default=None)


def current_access() -> Access:
    """The guard's decision for the handler or request running now."""
    access = _current.get()
    if access is None:
        raise RuntimeError("current_access() is only available inside a guarded handler.")
    return access


@contextlib.contextmanager
def deciding(access: Access) -> Iterator[Access]:
    """Make `access` the current decision for the code inside the block."""
    token = _current.set(access)
    try:
        yield access
    finally:
        _current.reset(token)


def directory(registry: ModuleRegistry | None = None) -> TenantDirectory:
    return (registry or get_registry()).provider(PORT_TENANT_DIRECTORY)


class CachedDirectory:
    """The tenant directory behind the access cache (answers, "not found" included)."""

    def __init__(self, inner: TenantDirectory):
        self._inner = inner

    def platform_by_code(self, code):
        return access_cache.cached("platform", (code,), lambda: self._inner.platform_by_code(code))

    def resolve_host(self, host):
        return access_cache.cached("host", (host,), lambda: self._inner.resolve_host(host))

    def store_on_platform(self, platform, store_code):
        return access_cache.cached(
            "store", (platform.id, store_code), lambda: self._inner.store_on_platform(platform, store_code)
        )

    def home_platform_of_store(self, store_code):
        return access_cache.cached(
            "home", (store_code,), lambda: self._inner.home_platform_of_store(store_code)
        )


def principal_for(token: str, registry: ModuleRegistry | None = None) -> Principal | None:
    if not token:
        return None
    authenticator: Authenticator = (registry or get_registry()).provider(PORT_AUTHENTICATOR)
    return access_cache.cached(
        "principal",
        (_token_key(token),),
        lambda: authenticator.principal_for_token(token),
        ttl=access_cache.PRINCIPAL_TTL_SECONDS,
    )


def enabled_modules(platform_id: int, registry: ModuleRegistry) -> frozenset[str]:
    return access_cache.cached(
        "enabled", (platform_id,), lambda: frozenset(enablement.enabled_modules(platform_id, registry))
    )


def plan_gate(tenant: Tenant, registry: ModuleRegistry) -> PlanGate | None:
    """The store's plan from the `plan_access` port, cached like the other guard inputs (the
    provider's module invalidates the access cache when a subscription or plan changes)."""
    if tenant.store is None or tenant.platform is None:
        return None
    provider = registry.optional_provider(PORT_PLAN_ACCESS)
    if provider is None:
        return None
    store_id, platform_id = tenant.store.id, tenant.platform.id
    return access_cache.cached(
        "plan",
        (store_id, platform_id),
        lambda: provider.plan_for_store(store_id, platform_id),
        ttl=access_cache.PRINCIPAL_TTL_SECONDS,
    )


def locked_modules(
    enabled: frozenset[str], gate: PlanGate | None, registry: ModuleRegistry
) -> frozenset[str]:
    """The enabled optional modules the plan leaves out (none without a plan)."""
    if gate is None:
        return frozenset()
    return frozenset(
        code
        for code in enabled
        if code in registry and registry.get(code).tier == Tier.OPTIONAL and code not in gate.modules
    )


def may_enter(principal: Principal | None, tenant: Tenant) -> bool:
    """Whether the user may use this staff frontend for this tenant at all."""
    if principal is None:
        return False
    if principal.is_super_admin:
        return True
    if tenant.frontend == Frontend.ADMIN:
        return principal.role == "platform_admin"
    if tenant.frontend == Frontend.STORE and tenant.store:
        return (
            (principal.role == "platform_admin" and tenant.platform.id in principal.platform_ids)
            or tenant.store.merchant_id in principal.merchant_ids
            or tenant.store.id in principal.store_roles
        )
    return True


def has_permission(
    principal: Principal | None,
    permission: str | None,
    tenant: Tenant,
    registry: ModuleRegistry | None = None,
) -> bool:
    """Whether the user holds `permission` in this tenant (None: entering is enough)."""
    if not may_enter(principal, tenant):
        return False
    if permission is None or principal.is_super_admin:
        return True
    declared = (registry or get_registry()).permissions.get(permission)
    if declared is None:
        return False
    if tenant.frontend == Frontend.ADMIN or declared.frontend == Frontend.ADMIN:
        return principal.role == "platform_admin" and declared.frontend == Frontend.ADMIN
    if principal.role == "platform_admin" or tenant.store.merchant_id in principal.merchant_ids:
        return True
    return store_role_holds(principal.store_roles.get(tenant.store.id), permission, registry)


def store_role_holds(
    role: str | None, permission: str | None, registry: ModuleRegistry | None = None
) -> bool:
    """Whether a role in a store holds `permission` there: the owner every one, the other
    roles those the permission names (None: any role)."""
    if role is None:
        return False
    if role == StoreRole.OWNER or permission is None:
        return True
    declared = (registry or get_registry()).permissions.get(permission)
    return declared is not None and role in declared.roles


def check_access(
    *,
    path: str,
    host: str,
    token: str,
    module: str,
    frontends: tuple[Frontend, ...],
    permission: str | None = None,
    public: bool = False,
) -> Access:
    """The guard shared by every page load and every tenant-data event handler.

    On a warm cache it costs a poll of the change subscription and a dictionary look-up,
    and no SQL (see `orion_app.access_cache`): the whole decision is remembered, for no
    longer than a principal is.
    """
    access_cache.refresh()
    key = (path, host, _token_key(token), module, frontends, permission, public)
    return access_cache.cached(
        "decision",
        key,
        lambda: _decide(path, host, token, module, frontends, permission, public),
        ttl=access_cache.PRINCIPAL_TTL_SECONDS,
    )


def within(
    access: Access,
    *,
    module: str,
    frontends: tuple[Frontend, ...],
    permission: str | None = None,
    public: bool = False,
) -> Access:
    """What `check_access` would answer for this handler, derived from the page's decision.

    A page's loaders run right after the page guard decided for the same path, host and
    session: what they ask (module, frontend, permission) is checked against that decision
    in memory, with no second look-up (the plan is part of the decision).
    """
    tenant = access.tenant
    if not access.ok or tenant is None:
        return access
    if tenant.frontend not in frontends:
        return Access(Verdict.NOT_FOUND, tenant)
    return _layers(access, module, permission, public, get_registry())


def _token_key(token: str) -> str:
    """The cache key of a session token: its hash, so the cache holds no usable credential."""
    return hashlib.sha256(token.encode()).hexdigest() if token else ""


def _decide(path, host, token, module, frontends, permission, public) -> Access:
    registry = get_registry()
    tenant = resolve_tenant(
        CachedDirectory(directory(registry)), path, host, get_settings().main_platform_code
    )
    if tenant is None or tenant.frontend not in frontends:
        return Access(Verdict.NOT_FOUND)
    enabled = enabled_modules(tenant.platform.id, registry) if tenant.platform else frozenset(registry.codes)
    gate = plan_gate(tenant, registry)
    locked = locked_modules(enabled, gate, registry)
    enabled -= locked
    if tenant.frontend != Frontend.STORE:
        locked = frozenset()  # a shop shows no upgrade page to shoppers: not found
    if module not in enabled | locked:
        return Access(Verdict.NOT_FOUND, tenant)
    granted = Access(Verdict.OK, tenant, principal_for(token, registry), enabled, gate, locked)
    return _layers(granted, module, permission, public, registry)


def _layers(granted: Access, module, permission, public, registry: ModuleRegistry) -> Access:
    """The layers after the tenant, for an `Access` that grants this tenant (OK): module
    enabled, signed in, may enter, plan, permission."""
    tenant, principal = granted.tenant, granted.principal
    if module not in granted.enabled and (public or module not in granted.locked):
        return Access(Verdict.NOT_FOUND, tenant)
    if public or tenant.frontend not in STAFF_FRONTENDS:
        return granted
    denied = dict(
        tenant=tenant, principal=principal, enabled=granted.enabled, plan=granted.plan, locked=granted.locked
    )
    if principal is None:
        return Access(Verdict.SIGN_IN, tenant, None, granted.enabled)
    if module in granted.locked and may_enter(principal, tenant):
        return Access(Verdict.UPGRADE, **denied, module=module)
    if not has_permission(principal, permission, tenant, registry):
        return Access(Verdict.FORBIDDEN, **denied)
    return granted


def read_only_refuses(access: Access, permission: str | None, open_when_read_only: bool = False) -> bool:
    """Whether the read-only rule refuses a handler a client called (page loaders never ask).

    Only in a store dashboard whose plan is read-only; open are handlers that say so
    (`@guarded(..., open_when_read_only=True)`), those whose permission is declared
    `Permission(..., open_when_read_only=True)` (reading permissions, and billing's, so the
    merchant can pay), and those that need no permission (the user's own profile and
    notifications). Every other guarded handler counts as one that changes data.
    """
    tenant = access.tenant
    if not access.ok or access.plan is None or not access.plan.read_only:
        return False
    if tenant is None or tenant.frontend != Frontend.STORE or open_when_read_only or permission is None:
        return False
    declared = get_registry().permissions.get(permission)
    return not (declared is not None and declared.open_when_read_only)


def build_menu(access: Access, lang: str, current_path: str = "") -> list[dict[str, str]]:
    """Navigation of the tenant's frontend: enabled modules, filtered by permission. In a store
    dashboard, entries of modules outside the plan stay, with `"badge": "upgrade"`."""
    if access.tenant is None:
        return []
    registry = get_registry()
    tenant = access.tenant
    menu = []
    for code, item in registry.menu_items(tenant.frontend, set(access.enabled | access.locked)):
        staff = tenant.frontend in STAFF_FRONTENDS
        if staff and not has_permission(access.principal, item.permission, tenant, registry):
            continue
        href = tenant.base + item.path
        menu.append(
            {
                "key": item.key,
                "label": translate(item.key, lang),
                "href": href,
                "icon": item.icon,
                "active": "1" if current_path.rstrip("/") == href.rstrip("/") else "",
                "badge": "upgrade" if code in access.locked else "",
            }
        )
    return menu
