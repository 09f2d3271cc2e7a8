"""What an acting user may see and change: the one place that turns a Principal into row filters.

Every tenancy service starts from these sets, so an unscoped query has to be written
on purpose. `None` means "no limit" (super admins only). A platform admin's world is
his platforms: the stores on them, the merchants registered on them or with a store
there, and the people of those stores and merchants.
"""

from typing import TypeVar

from sqlmodel import Session, SQLModel, select

from modules.tenancy.models import Merchant, Store, StorePlatform, StoreUser
from orion_app.errors import Forbidden, NotFound
from orion_app.ports import Principal

ADMIN_ROLES = ("super_admin", "platform_admin")
Row = TypeVar("Row", bound=SQLModel)


def require_admin(actor: Principal) -> None:
    """Forbidden for anyone but super and platform admins (decided before any row is read)."""
    if actor.role not in ADMIN_ROLES:
        raise Forbidden()


def visible_platform_ids(session: Session, actor: Principal) -> set[int] | None:
    if actor.is_super_admin:
        return None
    if actor.role == "platform_admin":
        return set(actor.platform_ids)
    return set()


def platform_merchant_ids(session: Session, platform_ids: set[int] | frozenset[int]) -> set[int]:
    """Merchants registered on one of these platforms or with a store on one of them."""
    if not platform_ids:
        return set()
    registered = session.exec(select(Merchant.id).where(Merchant.platform_id.in_(platform_ids))).all()
    present = session.exec(
        select(Store.merchant_id)
        .join(StorePlatform, StorePlatform.store_id == Store.id)
        .where(StorePlatform.platform_id.in_(platform_ids))
    ).all()
    return set(registered) | set(present)


def visible_merchant_ids(session: Session, actor: Principal) -> set[int] | None:
    if actor.is_super_admin:
        return None
    merchants = set(actor.merchant_ids)
    stores = visible_store_ids(session, actor)
    if stores:
        merchants |= set(session.exec(select(Store.merchant_id).where(Store.id.in_(stores))).all())
    if actor.role == "platform_admin":
        merchants |= platform_merchant_ids(session, actor.platform_ids)
    return merchants


def visible_store_ids(session: Session, actor: Principal) -> set[int] | None:
    if actor.is_super_admin:
        return None
    ids = set(actor.store_roles)
    if actor.merchant_ids:
        ids |= set(session.exec(select(Store.id).where(Store.merchant_id.in_(actor.merchant_ids))).all())
    if actor.role == "platform_admin" and actor.platform_ids:
        ids |= set(
            session.exec(
                select(StorePlatform.store_id).where(StorePlatform.platform_id.in_(actor.platform_ids))
            ).all()
        )
    return ids


def platform_user_ids(session: Session, platform_ids: set[int] | frozenset[int]) -> set[int]:
    """The members of the stores on these platforms and the owners of their merchants."""
    if not platform_ids:
        return set()
    members = session.exec(
        select(StoreUser.user_id)
        .join(StorePlatform, StorePlatform.store_id == StoreUser.store_id)
        .where(StorePlatform.platform_id.in_(platform_ids))
    ).all()
    merchants = platform_merchant_ids(session, platform_ids)
    owners = session.exec(select(Merchant.owner_user_id).where(Merchant.id.in_(merchants))).all()
    return set(members) | {owner for owner in owners if owner is not None}


def visible_user_ids(session: Session, actor: Principal) -> set[int] | None:
    """Oneself, the members of the stores one sees, the owners of the merchants one sees."""
    if actor.is_super_admin:
        return None
    ids = {actor.user_id}
    stores = visible_store_ids(session, actor)
    if stores:
        ids |= set(session.exec(select(StoreUser.user_id).where(StoreUser.store_id.in_(stores))).all())
    merchants = visible_merchant_ids(session, actor)
    if merchants:
        owners = session.exec(select(Merchant.owner_user_id).where(Merchant.id.in_(merchants))).all()
        ids |= {owner for owner in owners if owner is not None}
    return ids


def require_visible(ids: set[int] | None, row_id: int | None) -> None:
    """Raise NotFound (never Forbidden, which would confirm the row exists) when out of scope."""
    if row_id is None or (ids is not None and row_id not in ids):
        raise NotFound()


def visible_row(session: Session, model: type[Row], ids: set[int] | None, row_id: int | None) -> Row:
    """The row with this id when it exists and is in `ids`; NotFound otherwise."""
    require_visible(ids, row_id)
    row = session.get(model, row_id)
    require_visible(None, row and row.id)
    return row


def home_platform_id(session: Session, store_id: int) -> int | None:
    """The platform a store's dashboard belongs to (the one it was created on)."""
    return session.exec(
        select(StorePlatform.platform_id)
        .where(StorePlatform.store_id == store_id)
        .order_by(StorePlatform.is_home.desc(), StorePlatform.id)
    ).first()


def can_manage_store(session: Session, actor: Principal, store: Store) -> bool:
    """Super admins; the owner of the store's merchant and its `owner` role holders; and a
    platform admin when the store's home platform is one of his. A store merely listed on
    his platform is visible to him but not his to change (its name, domains and team are
    shared by every platform it is on)."""
    if actor.is_super_admin or store.merchant_id in actor.merchant_ids:
        return True
    if actor.store_roles.get(store.id) == "owner":
        return True
    return actor.role == "platform_admin" and home_platform_id(session, store.id) in actor.platform_ids


def as_id(value) -> int | None:
    """A row id from form input: None when blank or not a number."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
