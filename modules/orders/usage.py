"""What orders counts for plan limits (the `usage_counters` contribution point): the orders
of the merchant's stores on a platform this calendar month (UTC), or between two instants
(a closed month, for billing's usage snapshot)."""

from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, select

from modules.contracts.protocols import UsageCounter
from modules.orders.models import Order
from modules.tenancy.public import merchant_store_ids
from orion_app.db import utcnow


def month_start():
    return utcnow().replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def orders_many(session: Session, merchant_ids: list[int], platform_id: int) -> dict[int, int]:
    return orders_between(session, merchant_ids, platform_id, month_start(), None)


def orders_between(
    session: Session, merchant_ids: list[int], platform_id: int, start: datetime, end: datetime | None
) -> dict[int, int]:
    """merchant id -> orders of its stores on the platform placed in [start, end)."""
    stores = merchant_store_ids(session, merchant_ids, platform_id)
    owner = {store_id: merchant_id for merchant_id, ids in stores.items() for store_id in ids}
    if not owner:
        return {}
    window = [Order.store_id.in_(list(owner)), Order.created_at >= start]
    if end is not None:
        window.append(Order.created_at < end)
    counts: dict[int, int] = {}
    rows = session.exec(select(Order.store_id, func.count(Order.id)).where(*window).group_by(Order.store_id))
    for store_id, count in rows:
        counts[owner[store_id]] = counts.get(owner[store_id], 0) + count
    return counts


COUNTERS = (
    UsageCounter(
        "orders_per_month",
        lambda session, merchant_id, platform_id: orders_many(session, [merchant_id], platform_id).get(
            merchant_id, 0
        ),
        orders_many,
        count_between=orders_between,
    ),
)
