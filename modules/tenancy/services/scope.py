"""What an acting user may see: the one place that turns a Principal into row filters.

Every tenancy service starts from these sets, so an unscoped query has to be written
on purpose. `None` means "no limit" (super admins only).
"""

from sqlmodel import Session, select

from modules.tenancy.models import Store, StorePlatform
from orion_app.errors import NotFound
from orion_app.ports import Principal


def visible_platform_ids(session: Session, actor: Principal) -> set[int] | None:
    if actor.is_super_admin:
        return None
    if actor.role == "platform_admin":
        return set(actor.platform_ids)
    return set()


def visible_merchant_ids(session: Session, actor: Principal) -> set[int] | None:
    if actor.is_super_admin:
        return None
    merchants = set(actor.merchant_ids)
    stores = visible_store_ids(session, actor)
    if stores:
        merchants |= set(session.exec(select(Store.merchant_id).where(Store.id.in_(stores))).all())
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


def require_visible(ids: set[int] | None, row_id: int | None) -> None:
    """Raise NotFound (never Forbidden, which would confirm the row exists) when out of scope."""
    if row_id is None or (ids is not None and row_id not in ids):
        raise NotFound()


def can_manage_store(actor: Principal, store: Store) -> bool:
    """Owners of the store's merchant, its `owner` role holders, and admins over it."""
    return (
        actor.is_super_admin
        or store.merchant_id in actor.merchant_ids
        or actor.store_roles.get(store.id) == "owner"
        or actor.role == "platform_admin"
    )
