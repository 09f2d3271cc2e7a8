"""Inventory's public face: stock levels, reservations and movements for other modules.

Answers are frozen records, never `StockLevel`/`StockMovement` rows. Every function takes
the caller's session and the store id, and reads or changes only that store's stock.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import wraps

from sqlalchemy import ColumnElement, ScalarSelect, func
from sqlmodel import Session, select

from modules.inventory import services
from modules.inventory.models import StockLevel, StockMovement
from modules.inventory.services import (
    InsufficientStock,
    Location,
    available_by_product,
    low_stock,
    reserve,
    set_quantities,
)
from orion_app.records import record_from

__all__ = [
    "InsufficientStock",
    "Location",
    "MovementRecord",
    "StockRecord",
    "adjust_stock",
    "available_by_product",
    "available_stock_expr",
    "bin_levels",
    "levels",
    "low_stock",
    "movements",
    "release",
    "reserve",
    "set_quantities",
]


@dataclass(frozen=True)
class StockRecord:
    """Units of one product in one bin; `reserved` units are promised to open orders."""

    id: int
    product_id: int
    warehouse: str
    bin: str
    quantity: int
    reserved: int
    low_stock_threshold: int | None

    @property
    def available(self) -> int:
        return max(0, self.quantity - self.reserved)


@dataclass(frozen=True)
class MovementRecord:
    product_id: int
    warehouse: str
    bin: str
    kind: str  # adjust | reserve | release | consume | import
    quantity_before: int
    quantity_after: int
    reserved_before: int
    reserved_after: int
    reason: str
    user_id: int | None
    created_at: datetime


def _stock(level: StockLevel) -> StockRecord:
    return record_from(StockRecord, level)


def _movement(move: StockMovement) -> MovementRecord:
    return record_from(MovementRecord, move)


def levels(session: Session, store_id: int, product_id: int) -> list[StockRecord]:
    """The product's stock in every bin, by warehouse and bin."""
    return [_stock(level) for level in services.levels(session, store_id, product_id)]


def _answering_records(service: Callable[..., StockLevel]) -> Callable[..., StockRecord]:
    """The service's function with its signature and docstring, answering a record, not the row."""

    @wraps(service)
    def face(*args, **kwargs) -> StockRecord:
        return _stock(service(*args, **kwargs))

    return face


adjust_stock = _answering_records(services.adjust_stock)
release = _answering_records(services.release)


def movements(
    session: Session, store_id: int, product_id: int | None = None, limit: int = 50
) -> list[MovementRecord]:
    """The store's (or one product's) latest stock movements, newest first."""
    return [_movement(m) for m in services.movements(session, store_id, product_id, limit)]


def bin_levels(
    session: Session, store_id: int, product_ids: list[int], warehouse: str, bin: str = ""
) -> dict[int, StockRecord]:
    """product id -> its stock in one bin, for many products in one query (imports)."""
    return {
        pid: _stock(level)
        for pid, level in services.bin_levels(session, store_id, product_ids, warehouse, bin).items()
    }


def available_stock_expr(store_id: int, product_id: ColumnElement[int]) -> ScalarSelect[int]:
    """SQL for a product's available units in the store, summed over bins, to embed in a query.

    The seam for listings: catalog puts it in its card query as a correlated subquery on its
    own `product.id` column, so a page of cards with stock costs one statement, and inventory
    keeps its tables to itself. Units promised to orders are left out; no bins read as 0.
    """
    return (
        select(func.coalesce(func.sum(StockLevel.quantity - StockLevel.reserved), 0))
        .where(StockLevel.store_id == store_id, StockLevel.product_id == product_id)
        .scalar_subquery()
    )
