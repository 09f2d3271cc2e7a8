"""What the framework needs from the modules that own tenants, users and enablement.

The framework names no module: a module declares `provides={"<port>": "dotted.factory"}`
and the framework asks the registry for the port. Values cross the border as the plain,
frozen records below, never as ORM rows.
"""

from dataclasses import dataclass, field
from typing import Protocol

from sqlmodel import Session

PORT_TENANT_DIRECTORY = "tenant_directory"
PORT_MODULE_STATE = "module_state"
PORT_AUTHENTICATOR = "authenticator"


@dataclass(frozen=True)
class PlatformRef:
    id: int
    code: str
    name: str
    domain: str | None


@dataclass(frozen=True)
class StoreRef:
    id: int
    code: str
    name: str
    merchant_id: int
    languages: tuple[str, ...]
    default_language: str
    subdomain: str | None = None


@dataclass(frozen=True)
class StoreImprint:
    """The seller behind a store, as its storefront footer names it ("" when not given)."""

    legal_name: str
    vat_number: str
    email: str


@dataclass(frozen=True)
class Principal:
    """A signed-in user and the scopes they act in."""

    user_id: int
    email: str
    name: str
    role: str  # super_admin | platform_admin | merchant_owner | store_member
    language: str | None = None
    platform_ids: frozenset[int] = frozenset()
    merchant_ids: frozenset[int] = frozenset()
    store_roles: dict[int, str] = field(default_factory=dict)

    @property
    def is_super_admin(self) -> bool:
        return self.role == "super_admin"


class TenantDirectory(Protocol):
    def platform_by_code(self, code: str) -> PlatformRef | None: ...

    def resolve_host(self, host: str) -> tuple[PlatformRef, StoreRef | None] | None:
        """A platform domain, `{sub}.{platform-domain}` or a store's custom domain."""

    def store_on_platform(self, platform: PlatformRef, store_code: str) -> StoreRef | None: ...

    def home_platform_of_store(self, store_code: str) -> tuple[PlatformRef, StoreRef] | None:
        """The platform a store's dashboard belongs to when the URL does not say."""

    def stores_of(self, principal: Principal) -> list[StoreRef]:
        """The active stores the user owns (through a merchant) or belongs to, by name."""

    def store_imprint(self, store_id: int) -> StoreImprint | None:
        """Who sells in the store, for its storefront footer."""


class ModuleStateStore(Protocol):
    def module_states(self, platform_id: int) -> dict[str, bool]:
        """Explicit enabled/disabled rows of a platform; modules without a row use defaults."""

    def module_config(self, platform_id: int, code: str, session: Session | None = None) -> dict:
        """A module's saved settings on a platform; read in `session` when given (a writer
        mid-transaction must not wait for a second connection)."""

    def save_changes(self, platform_id: int, changes: dict[str, bool], actor_user_id: int | None) -> None: ...

    def save_config(self, platform_id: int, code: str, config: dict, actor_user_id: int | None) -> None: ...


class Authenticator(Protocol):
    def sign_in(self, email: str, password: str, ip: str, previous_token: str) -> str:
        """A new session token; raises ServiceError (invalid, throttled) otherwise."""

    def principal_for_token(self, token: str) -> Principal | None: ...

    def sign_out(self, token: str) -> None:
        """Revoke the session behind the token (no-op when unknown)."""


PORT_PLAN_ACCESS = "plan_access"


@dataclass(frozen=True)
class PlanGate:
    """What a store's plan allows: the optional modules it includes and whether the
    merchant is read-only (unpaid after grace). Core modules are always in."""

    plan_code: str
    modules: frozenset[str]
    read_only: bool
    # Optional, for the upgrade page: module code -> {language: name} of the first plan that
    # includes it (modules no plan includes are absent; the page then names no plan).
    upgrade_plans: dict[str, dict[str, str]] = field(default_factory=dict, compare=False)


class PlanAccess(Protocol):
    def plan_for_store(self, store_id: int, platform_id: int) -> PlanGate | None:
        """The plan of the store's merchant on the platform; None = no billing (no
        subscription): everything the platform enables is allowed."""
