"""Tenancy's public face: what other modules may know about platforms, merchants and stores.

Like Django's `contrib/sites/shortcuts.py`, others ask here and never read tenancy's
tables: the answers are frozen records (`PlatformRef`, `StoreRef` from `orion_app.ports`,
`MerchantRecord`, `DirectoryCounts`), never ORM rows. Every function takes the caller's
session, so a job can read tenants inside its own transaction.
"""

from dataclasses import dataclass

from sqlmodel import Session, select

from modules.tenancy.models import Merchant, Platform, Store, StoreUser, User
from modules.tenancy.services.addresses import storefront_url
from modules.tenancy.services.auth import open_session
from modules.tenancy.services.merchants import list_merchants
from modules.tenancy.services.platforms import get_platform_by_code, list_platforms
from modules.tenancy.services.ports import home_platform_of_store, platform_ref, store_ref
from modules.tenancy.services.scope import home_platform_id
from modules.tenancy.services.signup import NewMerchant, create_merchant_with_store
from modules.tenancy.services.stores import list_stores
from modules.tenancy.services.users import list_users
from modules.tenancy.usage import merchant_store_ids
from orion_app.errors import NotFound
from orion_app.ports import PlatformRef, Principal, StoreRef
from orion_app.registry import StoreRole

__all__ = [
    "DirectoryCounts",
    "MerchantRecord",
    "NewMerchant",
    "PlatformRef",
    "StaffMember",
    "StoreRef",
    "administered_platform",
    "create_merchant_with_store",
    "directory_counts",
    "home_platform_id",
    "home_platform_of_store",
    "merchant_by_id",
    "merchant_store_ids",
    "open_staff_session",
    "platform_by_code",
    "platform_by_id",
    "platforms_administered",
    "store_by_code",
    "store_by_id",
    "store_staff",
    "storefront_url",
]


@dataclass(frozen=True)
class MerchantRecord:
    id: int
    name: str
    legal_name: str
    contact_email: str
    vat_number: str
    platform_id: int | None  # the platform it registered on


@dataclass(frozen=True)
class StaffMember:
    """Someone who works in a store: its merchant's owner (role "owner") or a member."""

    user_id: int
    role: str  # a StoreRole value


@dataclass(frozen=True)
class DirectoryCounts:
    """How many tenants of each kind an admin can see."""

    platforms: int
    merchants: int
    stores: int
    users: int


def _hold(session: Session) -> dict:
    """The rows held for `session`'s current transaction; those of an earlier one are let go
    and expired (sessions here keep rows past a commit), so they are read fresh."""
    transaction = session.get_transaction()
    held = session.info.get("tenancy_held")
    if held is not None and held[0] is transaction:
        return held[1]
    for row in held[1].values() if held else ():
        if row in session:
            session.expire(row)
    session.info["tenancy_held"] = (transaction, {})
    return session.info["tenancy_held"][1]


def _held(session: Session, row):
    """Keep `row` in `session`'s identity map for the session's life: the map holds rows
    weakly, and a caller keeps only the frozen record, so the next `session.get` of the same
    store in the same transaction (placing an order asks for it three times) would read it
    again. Held for the current transaction only (sessions here keep rows past a commit)."""
    if row is not None:
        _hold(session)[(type(row).__name__, row.id)] = row
    return row


def platform_by_id(session: Session, platform_id: int) -> PlatformRef | None:
    platform = _held(session, session.get(Platform, platform_id))
    return platform_ref(platform) if platform else None


def platform_by_code(session: Session, code: str) -> PlatformRef | None:
    platform = session.exec(select(Platform).where(Platform.code == code)).first()
    return platform_ref(platform) if platform else None


def platforms_administered(session: Session, actor: Principal) -> list[PlatformRef]:
    """The platforms an admin acts on, by code: all for a super admin, their own for a
    platform admin, none for anyone else."""
    return [platform_ref(p) for p in list_platforms(session, actor)]


def administered_platform(session: Session, actor: Principal, code: str) -> PlatformRef:
    """The platform `code` if the actor administers it; NotFound otherwise (an unknown code
    and another's platform answer alike)."""
    return platform_ref(get_platform_by_code(session, actor, code))


def store_by_id(session: Session, store_id: int, *, active_only: bool = True) -> StoreRef | None:
    """The store, or None when there is none (or, unless `active_only` is off, it is disabled)."""
    store = _held(session, session.get(Store, store_id))
    return store_ref(store) if store and (store.is_active or not active_only) else None


def store_by_code(session: Session, code: str, *, active_only: bool = True) -> StoreRef | None:
    store = session.exec(select(Store).where(Store.code == code)).first()
    return store_ref(store) if store and (store.is_active or not active_only) else None


def store_staff(session: Session, store_id: int) -> list[StaffMember]:
    """The store's active staff, by user id: the merchant's owner and the store's members
    (an owner who is also listed as a member counts once, as owner)."""
    owner = session.exec(
        select(User.id)
        .join(Merchant, Merchant.owner_user_id == User.id)
        .join(Store, Store.merchant_id == Merchant.id)
        .where(Store.id == store_id, User.is_active)
    ).first()
    members = session.exec(
        select(StoreUser.user_id, StoreUser.role)
        .join(User, User.id == StoreUser.user_id)
        .where(StoreUser.store_id == store_id, User.is_active)
    ).all()
    roles = {user_id: role for user_id, role in members}
    if owner is not None:
        roles[owner] = StoreRole.OWNER.value
    return [StaffMember(user_id, role) for user_id, role in sorted(roles.items())]


def merchant_by_id(session: Session, merchant_id: int) -> MerchantRecord | None:
    merchant = session.get(Merchant, merchant_id)
    if merchant is None:
        return None
    return MerchantRecord(
        merchant.id,
        merchant.name,
        merchant.legal_name,
        merchant.contact_email,
        merchant.vat_number,
        merchant.platform_id,
    )


def directory_counts(session: Session, actor: Principal) -> DirectoryCounts:
    """Platforms, merchants, stores and users within the actor's scope."""
    return DirectoryCounts(
        platforms=len(list_platforms(session, actor)),
        merchants=len(list_merchants(session, actor)),
        stores=len(list_stores(session, actor)),
        users=len(list_users(session, actor)),
    )


def open_staff_session(session: Session, user_id: int, ip: str = "") -> str:
    """A staff session token for a user who just proved who they are (e.g. signed up with
    `create_merchant_with_store`); the caller commits and sets the session cookie."""
    user = session.get(User, user_id)
    if user is None or not user.is_active:
        raise NotFound()
    return open_session(session, user, ip)
