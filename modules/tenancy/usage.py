"""What tenancy counts for plan limits (the `usage_counters` contribution point): the
merchant's stores on a platform and the people working in them."""

from sqlalchemy import func
from sqlmodel import Session, select

from modules.contracts.protocols import UsageCounter
from modules.tenancy.models import Store, StorePlatform, StoreUser


def _stores_query(merchant_ids: list[int], platform_id: int):
    return (
        select(Store.merchant_id, Store.id)
        .join(StorePlatform, StorePlatform.store_id == Store.id)
        .where(Store.merchant_id.in_(merchant_ids), StorePlatform.platform_id == platform_id)
    )


def merchant_store_ids(session: Session, merchant_ids: list[int], platform_id: int) -> dict[int, list[int]]:
    """The ids of each merchant's stores on the platform (one statement)."""
    found: dict[int, list[int]] = {m: [] for m in merchant_ids}
    for merchant_id, store_id in session.exec(_stores_query(merchant_ids, platform_id)):
        found[merchant_id].append(store_id)
    return found


def stores_many(session: Session, merchant_ids: list[int], platform_id: int) -> dict[int, int]:
    return {m: len(ids) for m, ids in merchant_store_ids(session, merchant_ids, platform_id).items()}


def members_many(session: Session, merchant_ids: list[int], platform_id: int) -> dict[int, int]:
    """People with a role in one of the merchant's stores on the platform (each once)."""
    rows = session.exec(
        select(Store.merchant_id, func.count(func.distinct(StoreUser.user_id)))
        .join(StoreUser, StoreUser.store_id == Store.id)
        .join(StorePlatform, StorePlatform.store_id == Store.id)
        .where(Store.merchant_id.in_(merchant_ids), StorePlatform.platform_id == platform_id)
        .group_by(Store.merchant_id)
    )
    return dict(rows.all())


COUNTERS = (
    UsageCounter(
        "stores_limit",
        lambda session, merchant_id, platform_id: stores_many(session, [merchant_id], platform_id)[
            merchant_id
        ],
        stores_many,
    ),
    UsageCounter(
        "team_members",
        lambda session, merchant_id, platform_id: members_many(session, [merchant_id], platform_id).get(
            merchant_id, 0
        ),
        members_many,
    ),
)
