"""Inventory's contributions: the low-stock count on the store dashboard."""

from modules.inventory.services import low_stock
from orion_app.db import session_scope


def store_metrics(store_id: int) -> list[dict]:
    from modules.inventory.config import InventoryConfig

    with session_scope() as session:
        low = low_stock(session, store_id, InventoryConfig().low_stock_threshold, limit=10_000)
    return [{"key": "inventory.metric.low_stock", "value": len(low)}]
