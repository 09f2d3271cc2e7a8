"""Inventory's public face: stock levels, reservations and movements for other modules.

Answers are frozen records, never `StockLevel`/`StockMovement` rows. Every function takes
the caller's session and the store id, and reads or changes only that store's stock.
"""

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from modules.inventory import services
from modules.inventory.models import StockLevel, StockMovement
from modules.inventory.services import InsufficientStock, Location, available_by_product, low_stock, reserve

__all__ = [
    "InsufficientStock",
    "Location",
    "MovementRecord",
    "StockRecord",
    "adjust_stock",
    "available_by_product",
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
    return StockRecord(
        level.id,
        level.product_id,
        level.warehouse,
        level.bin,
        level.quantity,
        level.reserved,
        level.low_stock_threshold,
    )


def _movement(move: StockMovement) -> MovementRecord:
    return MovementRecord(
        move.product_id,
        move.warehouse,
        move.bin,
        move.kind,
        move.quantity_before,
        move.quantity_after,
        move.reserved_before,
        move.reserved_after,
        move.reason,
        move.user_id,
        move.created_at,
    )


def levels(session: Session, store_id: int, product_id: int) -> list[StockRecord]:
    """The product's stock in every bin, by warehouse and bin."""
    return [_stock(level) for level in services.levels(session, store_id, product_id)]


def adjust_stock(
    session: Session,
    store_id: int,
    product_id: int,
    warehouse: str,
    bin: str = "",
    *,
    delta: int | None = None,
    set_to: int | None = None,
    reason: str = "",
    user_id: int | None = None,
) -> StockRecord:
    """Add `delta` units (or set the count to `set_to`) in one bin and commit; FieldErrors when refused."""
    level = services.adjust_stock(
        session,
        store_id,
        product_id,
        warehouse,
        bin,
        delta=delta,
        set_to=set_to,
        reason=reason,
        user_id=user_id,
    )
    return _stock(level)


def release(
    session: Session,
    store_id: int,
    product_id: int,
    warehouse: str,
    bin: str,
    quantity: int,
    *,
    reason: str = "",
    user_id: int | None = None,
) -> StockRecord:
    """Give back reserved units of one bin (e.g. a cancelled order)."""
    level = services.release(
        session, store_id, product_id, warehouse, bin, quantity, reason=reason, user_id=user_id
    )
    return _stock(level)


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


def set_quantities(
    session: Session,
    store_id: int,
    targets: dict[int, int],
    warehouse: str,
    bin: str = "",
    *,
    current: dict[int, StockRecord] | None = None,
    reason: str = "",
    user_id: int | None = None,
    kind: str = "import",
) -> int:
    """Set many products' count in one bin, logging every change; does not commit.

    `current` is what `bin_levels` returned, when the caller has it already. A target
    below a bin's reserved units is refused (FieldErrors) before anything is written.
    """
    return services.set_quantities(
        session, store_id, targets, warehouse, bin, current=current, reason=reason, user_id=user_id, kind=kind
    )
