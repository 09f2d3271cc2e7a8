"""Inventory's public face: stock levels, reservations and movements for other modules.

Stock is per variant (catalog's `ProductVariant`; a product without options has one
default variant). Callers pass the variant id and its product id, which inventory keeps
on every row (no foreign key to catalog) so product-level answers stay one indexed query:

- per variant: `adjust_stock(..., variant_id=)`, `reserve(..., variant_id=)`,
  `release(..., variant_id=)`, `available_by_variant`, `bin_levels` (by variant id),
  `set_quantities(targets={variant: units}, products={variant: product})`;
- per order line (product id, variant id, units), no commit: `reserve_lines` (all or none;
  `InsufficientStock.variant_id` names the short line), `consume_reserved` (paid: the units
  leave the stock), `release_lines` (cancelled);
- per product (over its variants): `levels` (optionally one variant), `available_by_product`,
  `available_stock_expr` (listings), `low_stock`, `movements` (optionally one variant).

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
from modules.inventory.reservations import consume_reserved, release_lines, reserve_lines
from modules.inventory.services import (
    InsufficientStock,
    Location,
    available_by_product,
    available_by_variant,
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
    "available_by_variant",
    "available_stock_expr",
    "bin_levels",
    "consume_reserved",
    "levels",
    "low_stock",
    "movements",
    "release",
    "release_lines",
    "reserve",
    "reserve_lines",
    "set_quantities",
]


@dataclass(frozen=True)
class StockRecord:
    """Units of one variant in one bin; `reserved` units are promised to open orders."""

    id: int
    product_id: int
    variant_id: int
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
    variant_id: int
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


def levels(
    session: Session, store_id: int, product_id: int, variant_id: int | None = None
) -> list[StockRecord]:
    """The product's stock in every bin (of every variant, or of `variant_id`), by warehouse, bin, variant."""
    return [_stock(level) for level in services.levels(session, store_id, product_id, variant_id)]


def _answering_records(service: Callable[..., StockLevel]) -> Callable[..., StockRecord]:
    """The service's function with its signature and docstring, answering a record, not the row."""

    @wraps(service)
    def face(*args, **kwargs) -> StockRecord:
        return _stock(service(*args, **kwargs))

    return face


adjust_stock = _answering_records(services.adjust_stock)
release = _answering_records(services.release)


def movements(
    session: Session,
    store_id: int,
    product_id: int | None = None,
    limit: int = 50,
    *,
    variant_id: int | None = None,
) -> list[MovementRecord]:
    """The store's (or one product's, or one variant's) latest stock movements, newest first."""
    return [
        _movement(m) for m in services.movements(session, store_id, product_id, limit, variant_id=variant_id)
    ]


def bin_levels(
    session: Session, store_id: int, variant_ids: list[int], warehouse: str, bin: str = ""
) -> dict[int, StockRecord]:
    """variant id -> its stock in one bin, for many variants in one query (imports)."""
    return {
        vid: _stock(level)
        for vid, level in services.bin_levels(session, store_id, variant_ids, warehouse, bin).items()
    }


def available_stock_expr(store_id: int, product_id: ColumnElement[int]) -> ScalarSelect[int]:
    """SQL for a product's available units in the store, summed over bins and variants, to embed in a query.

    The seam for listings: catalog puts it in its card query as a correlated subquery on its
    own `product.id` column, so a page of cards with stock costs one statement, and inventory
    keeps its tables to itself. Units promised to orders are left out; no bins read as 0.
    """
    return (
        select(func.coalesce(func.sum(StockLevel.quantity - StockLevel.reserved), 0))
        .where(StockLevel.store_id == store_id, StockLevel.product_id == product_id)
        .scalar_subquery()
    )
