"""What catalog counts for plan limits (the `usage_counters` contribution point): the
products of the merchant's stores on a platform."""

from sqlalchemy import func
from sqlmodel import Session, select

from modules.catalog.models import Product
from modules.contracts.protocols import UsageCounter
from modules.tenancy.public import merchant_store_ids


def products_many(session: Session, merchant_ids: list[int], platform_id: int) -> dict[int, int]:
    stores = merchant_store_ids(session, merchant_ids, platform_id)
    owner = {store_id: merchant_id for merchant_id, ids in stores.items() for store_id in ids}
    if not owner:
        return {}
    counts: dict[int, int] = {}
    rows = session.exec(
        select(Product.store_id, func.count(Product.id))
        .where(Product.store_id.in_(list(owner)))
        .group_by(Product.store_id)
    )
    for store_id, count in rows:
        counts[owner[store_id]] = counts.get(owner[store_id], 0) + count
    return counts


COUNTERS = (
    UsageCounter(
        "products_limit",
        lambda session, merchant_id, platform_id: products_many(session, [merchant_id], platform_id).get(
            merchant_id, 0
        ),
        products_many,
    ),
)
