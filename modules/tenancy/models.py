"""Tenancy tables: platforms, merchants, stores and their domains, users, roles, sessions."""

from datetime import datetime

from sqlalchemy import JSON, Column, UniqueConstraint
from sqlmodel import Field

from orion_app.access_cache import watch_models
from orion_app.db import utcnow
from orion_app.tables import Row


class Platform(Row, table=True):
    code: str = Field(max_length=40, unique=True, index=True)
    name: str = Field(max_length=120)
    domain: str | None = Field(default=None, max_length=253, unique=True)
    description: str = Field(default="", max_length=500)
    created_at: datetime = Field(default_factory=utcnow)


class User(Row, table=True):
    email: str = Field(max_length=254, unique=True, index=True)
    name: str = Field(max_length=120)
    password_hash: str = Field(max_length=255)
    role: str = Field(max_length=20)  # super_admin | platform_admin | merchant_owner | store_member
    language: str | None = Field(default=None, max_length=2)
    is_active: bool = True
    created_at: datetime = Field(default_factory=utcnow)
    last_login_at: datetime | None = None


class PlatformAdmin(Row, table=True):
    __tablename__ = "platform_admin"
    __table_args__ = (UniqueConstraint("user_id", "platform_id"),)

    user_id: int = Field(foreign_key="user.id", index=True)
    platform_id: int = Field(foreign_key="platform.id", index=True)


class Merchant(Row, table=True):
    name: str = Field(max_length=120)
    legal_name: str = Field(default="", max_length=200)
    contact_email: str = Field(default="", max_length=254)
    vat_number: str = Field(default="", max_length=20)
    owner_user_id: int | None = Field(default=None, foreign_key="user.id", index=True)
    # The platform the merchant was registered on: it keeps a new merchant in its platform
    # admin's scope before it has a store there (see services/scope.py).
    platform_id: int | None = Field(default=None, foreign_key="platform.id", index=True)
    created_at: datetime = Field(default_factory=utcnow)


class Store(Row, table=True):
    merchant_id: int = Field(foreign_key="merchant.id", index=True)
    code: str = Field(max_length=40, unique=True, index=True)
    name: str = Field(max_length=120)
    languages: str = Field(default="fr,en,de", max_length=20)  # comma-separated codes
    default_language: str = Field(default="fr", max_length=2)
    is_active: bool = True
    created_at: datetime = Field(default_factory=utcnow)

    @property
    def language_list(self) -> tuple[str, ...]:
        return tuple(code for code in self.languages.split(",") if code)


class StorePlatform(Row, table=True):
    """A store's presence on a platform, with its subdomain there."""

    __tablename__ = "store_platform"
    __table_args__ = (
        UniqueConstraint("store_id", "platform_id"),
        UniqueConstraint("platform_id", "subdomain"),
    )

    store_id: int = Field(foreign_key="store.id", index=True)
    platform_id: int = Field(foreign_key="platform.id", index=True)
    subdomain: str = Field(max_length=63)
    is_home: bool = False  # the platform the store's dashboard belongs to


class StoreDomain(Row, table=True):
    """A custom domain that serves one store's storefront on one platform."""

    __tablename__ = "store_domain"

    store_id: int = Field(foreign_key="store.id", index=True)
    platform_id: int = Field(foreign_key="platform.id")
    domain: str = Field(max_length=253, unique=True, index=True)
    created_at: datetime = Field(default_factory=utcnow)


class StoreUser(Row, table=True):
    """A user's role in one store."""

    __tablename__ = "store_user"
    __table_args__ = (UniqueConstraint("store_id", "user_id"),)

    store_id: int = Field(foreign_key="store.id", index=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    role: str = Field(max_length=20)
    created_at: datetime = Field(default_factory=utcnow)


class UserSession(Row, table=True):
    """A server-side sign-in session; only the SHA-256 of the token is stored."""

    __tablename__ = "user_session"

    token_hash: str = Field(max_length=64, unique=True, index=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime = Field(index=True)
    revoked_at: datetime | None = None
    ip: str = Field(default="", max_length=64)


class UserToken(Row, table=True):
    """A single-use link mailed to staff: a password reset (`user_id`) or a team invitation
    (`store_id`, `email`, `name`, `role`, `invited_by`). Only the SHA-256 of the token is
    stored; `used_at` is set when it is redeemed, revoked or replaced by a newer link."""

    __tablename__ = "user_token"

    token_hash: str = Field(max_length=64, unique=True, index=True)
    purpose: str = Field(max_length=20)  # reset_password | invitation
    user_id: int | None = Field(default=None, foreign_key="user.id", index=True)
    store_id: int | None = Field(default=None, foreign_key="store.id", index=True)
    email: str = Field(default="", max_length=254, index=True)
    name: str = Field(default="", max_length=120)
    role: str = Field(default="", max_length=20)
    invited_by: int | None = Field(default=None, foreign_key="user.id")
    expires_at: datetime
    used_at: datetime | None = None
    created_at: datetime = Field(default_factory=utcnow)


class PlatformModule(Row, table=True):
    """Whether a module is on for a platform, its config override, and who changed it when."""

    __tablename__ = "platform_module"
    __table_args__ = (UniqueConstraint("platform_id", "module_code"),)

    platform_id: int = Field(foreign_key="platform.id", index=True)
    module_code: str = Field(max_length=40)
    enabled: bool = True
    config: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    updated_by_user_id: int | None = Field(default=None, foreign_key="user.id")
    updated_at: datetime = Field(default_factory=utcnow)


class PlatformModuleAudit(Row, table=True):
    """Append-only history of enablement and config changes."""

    __tablename__ = "platform_module_audit"

    platform_id: int = Field(foreign_key="platform.id", index=True)
    module_code: str = Field(max_length=40)
    action: str = Field(max_length=20)  # enabled | disabled | config
    actor_user_id: int | None = Field(default=None, foreign_key="user.id")
    at: datetime = Field(default_factory=utcnow)
    detail: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


# Every backend process caches who may do what; a commit touching these tells them all.
watch_models(
    (Platform, PlatformModule, Merchant, Store, StorePlatform, StoreDomain, User, PlatformAdmin, StoreUser)
)
watch_models((UserSession,), inserts=False)  # a new session changes nobody's access; a revoked one does
