"""Inventory's notification for staff: a product's stock fell to its low-stock threshold.

Raised only when a change crosses the threshold (more than it before, at or under it after),
so a product that stays low does not repeat the news with every sale or recount.
"""

from sqlalchemy import bindparam, func
from sqlmodel import Session, select

from modules.contracts.protocols import NotificationKind
from modules.inventory.models import StockLevel
from modules.messaging.public import notify
from modules.tenancy.public import home_platform_id
from orion_app.enablement import module_config
from orion_app.registry import get_registry

LOW_STOCK = "inventory.low_stock"

KINDS = (
    NotificationKind(
        code=LOW_STOCK,
        title_key="inventory.notify.low_stock.title",
        body_key="inventory.notify.low_stock.body",
        icon="package",
        permission="inventory.stock.view",
    ),
)


# Built once (it runs at every placement): each product's available units and own threshold.
_AVAILABLE = (
    select(
        StockLevel.product_id,
        func.sum(StockLevel.quantity - StockLevel.reserved),
        func.max(StockLevel.low_stock_threshold),
    )
    .where(
        StockLevel.store_id == bindparam("store"),
        StockLevel.product_id.in_(bindparam("products", expanding=True)),
    )
    .group_by(StockLevel.product_id)
)


def report_low_stock(
    session: Session,
    store_id: int,
    changes: dict[int, int],
    levels: dict[int, tuple[int | None, int | None]] | None = None,
) -> int:
    """Tell the store's staff about each product whose available units just fell to or under
    its threshold. `changes` maps product id -> change of its available units by the change
    just flushed (negative: fewer); `levels` product id -> (available units now, its own
    threshold) when the caller read them with its change (else they are read here). Flushes
    only; returns how many products crossed."""
    falling = [pid for pid, change in changes.items() if change < 0]
    if not falling:
        return 0
    if levels is not None and all(pid in levels for pid in falling):
        rows = [(pid, *levels[pid]) for pid in falling]
    else:
        rows = session.exec(_AVAILABLE, params={"store": store_id, "products": falling}).all()
    default = module_config("inventory", home_platform_id(session, store_id), session).low_stock_threshold
    crossed = {}
    for product_id, now, own in rows:
        threshold = default if own is None else own
        now = max(0, int(now or 0))
        if now - changes[product_id] > threshold >= now:
            crossed[product_id] = (now, threshold)
    labels = _labels(session, store_id, list(crossed))
    for product_id, (now, threshold) in crossed.items():
        sku, link = labels.get(product_id, (f"#{product_id}", "inventory"))
        notify(
            session,
            kind=LOW_STOCK,
            store_id=store_id,
            params={"product": sku, "available": now, "threshold": threshold},
            link=link,
        )
    return len(crossed)


def _labels(session: Session, store_id: int, product_ids: list[int]) -> dict[int, tuple[str, str]]:
    """product id -> (SKU, its dashboard page) from the module providing `product_labels`,
    read in this transaction's session."""
    provider = get_registry().optional_provider("product_labels")
    if provider is None or not product_ids:
        return {}
    found = provider.labels(store_id, product_ids, "en", session=session)
    return {pid: (sku, path) for pid, (sku, _title, path) in found.items()}
