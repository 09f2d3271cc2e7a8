"""Stock per variant, warehouse and bin; every change is logged with before/after and who.

A stock row names a catalog variant and its product: callers pass both ids (inventory
reads no catalog table), and product-level answers (`available_by_product`, `low_stock`,
`levels` without a variant) sum or list over the product's variants.

Every function takes the store id and filters by it: a store can only see, change or
reserve its own stock. Reservations are a single conditional UPDATE per bin
(`… WHERE quantity - reserved >= n`), so concurrent reservations can never push
available stock below zero, on PostgreSQL and on SQLite alike.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import func, insert, update
from sqlmodel import Session, select

from modules.inventory.models import StockLevel, StockMovement, utcnow
from modules.inventory.notifications import report_low_stock
from orion_app.db import one_of
from orion_app.errors import FieldErrors, ServiceError
from orion_app.scoped import list_in_store


class InsufficientStock(ServiceError):
    """Fewer units available than asked; `variant_id` names the short variant when known."""

    def __init__(self, requested: int, available: int, variant_id: int | None = None):
        super().__init__("inventory.error.insufficient", requested=requested, available=available)
        self.variant_id = variant_id


class BinCount(Protocol):
    """What `set_quantities` reads of a bin's level: a row here, a StockRecord via `public.py`."""

    id: int
    quantity: int
    reserved: int


@dataclass(frozen=True)
class Location:
    warehouse: str
    bin: str


def location(warehouse: str, bin: str = "") -> Location:
    """Warehouse and bin names are stored upper-case and trimmed (`sa-10-02` → `SA-10-02`)."""
    return Location(" ".join(warehouse.split()).upper(), " ".join((bin or "").split()).upper())


def _level(session: Session, store_id: int, variant_id: int, where: Location) -> StockLevel | None:
    return session.exec(
        select(StockLevel).where(
            StockLevel.store_id == store_id,
            StockLevel.variant_id == variant_id,
            StockLevel.warehouse == where.warehouse,
            StockLevel.bin == where.bin,
        )
    ).first()


def _log(session: Session, level: StockLevel, kind: str, before: tuple[int, int], reason: str, user_id):
    session.add(
        StockMovement(
            store_id=level.store_id,
            product_id=level.product_id,
            variant_id=level.variant_id,
            warehouse=level.warehouse,
            bin=level.bin,
            kind=kind,
            quantity_before=before[0],
            quantity_after=level.quantity,
            reserved_before=before[1],
            reserved_after=level.reserved,
            reason=reason[:200],
            user_id=user_id,
        )
    )


def adjust_stock(
    session: Session,
    store_id: int,
    product_id: int,
    warehouse: str,
    bin: str = "",
    *,
    variant_id: int,
    delta: int | None = None,
    set_to: int | None = None,
    reason: str = "",
    user_id: int | None = None,
    kind: str = "adjust",
) -> StockLevel:
    """Add `delta` units of the variant (or set its count to `set_to`) in one bin and commit.

    Never below 0 or below the bin's reserved units (FieldErrors)."""
    where = location(warehouse, bin)
    errors: dict[str, str] = {}
    if not where.warehouse:
        errors["warehouse"] = "orion.error.required"
    if (delta is None) == (set_to is None):
        errors["quantity"] = "inventory.error.quantity_required"
    if errors:
        raise FieldErrors(errors)
    level = _level(session, store_id, variant_id, where) or StockLevel(
        store_id=store_id,
        product_id=product_id,
        variant_id=variant_id,
        warehouse=where.warehouse,
        bin=where.bin,
    )
    before = (level.quantity, level.reserved)
    new_quantity = set_to if set_to is not None else level.quantity + delta
    if new_quantity < 0:
        raise FieldErrors({"quantity": "inventory.error.negative"})
    if new_quantity < level.reserved:
        raise FieldErrors({"quantity": "inventory.error.below_reserved"})
    level.quantity = new_quantity
    level.updated_at = utcnow()
    session.add(level)
    session.flush()
    _log(session, level, kind, before, reason, user_id)
    report_low_stock(session, store_id, {level.product_id: new_quantity - before[0]})
    session.commit()
    session.refresh(level)
    return level


def levels(
    session: Session, store_id: int, product_id: int, variant_id: int | None = None
) -> list[StockLevel]:
    """The product's levels (of every variant, or of `variant_id` only), by warehouse, bin and variant."""
    scope = (
        {"product_id": product_id}
        if variant_id is None
        else {"product_id": product_id, "variant_id": variant_id}
    )
    return list_in_store(
        session, StockLevel, store_id, StockLevel.warehouse, StockLevel.bin, StockLevel.variant_id, **scope
    )


def available_by_product(session: Session, store_id: int, product_ids: list[int]) -> dict[int, int]:
    """Available units per product (summed over bins), in one query."""
    if not product_ids:
        return {}
    rows = session.exec(
        select(StockLevel.product_id, func.sum(StockLevel.quantity - StockLevel.reserved))
        .where(StockLevel.store_id == store_id, StockLevel.product_id.in_(product_ids))
        .group_by(StockLevel.product_id)
    ).all()
    return {product_id: max(0, int(total or 0)) for product_id, total in rows}


def available_by_variant(session: Session, store_id: int, variant_ids: list[int]) -> dict[int, int]:
    """Available units per variant (summed over bins), in one query; variants without stock are absent."""
    if not variant_ids:
        return {}
    rows = session.exec(
        select(StockLevel.variant_id, func.sum(StockLevel.quantity - StockLevel.reserved))
        .where(StockLevel.store_id == store_id, one_of(session, StockLevel.variant_id, variant_ids))
        .group_by(StockLevel.variant_id)
    ).all()
    return {variant_id: max(0, int(total or 0)) for variant_id, total in rows}


def reserve(
    session: Session,
    store_id: int,
    product_id: int,
    quantity: int,
    *,
    variant_id: int,
    reason: str = "",
    user_id=None,
) -> list[tuple[Location, int]]:
    """Reserve `quantity` units of the variant across its bins, all or nothing, and commit."""
    if quantity <= 0:
        raise FieldErrors({"quantity": "inventory.error.positive"})
    taken: list[tuple[Location, int]] = []
    remaining = quantity
    for level in levels(session, store_id, product_id, variant_id):
        while remaining and level.quantity - level.reserved > 0:
            take = min(remaining, level.quantity - level.reserved)
            result = session.execute(
                update(StockLevel)
                .where(
                    StockLevel.id == level.id,
                    StockLevel.store_id == store_id,
                    StockLevel.quantity - StockLevel.reserved >= take,
                )
                .values(reserved=StockLevel.reserved + take, updated_at=utcnow())
                .execution_options(synchronize_session=False)
            )
            session.refresh(level)
            if result.rowcount == 1:
                _log(session, level, "reserve", (level.quantity, level.reserved - take), reason, user_id)
                taken.append((Location(level.warehouse, level.bin), take))
                remaining -= take
            # else: another reservation won the race; re-read and try what is left
        if not remaining:
            break
    if remaining:
        session.rollback()
        raise InsufficientStock(quantity, quantity - remaining)
    report_low_stock(session, store_id, {product_id: -quantity})
    session.commit()
    return taken


def release(
    session: Session,
    store_id: int,
    product_id: int,
    warehouse: str,
    bin: str,
    quantity: int,
    *,
    variant_id: int,
    reason="",
    user_id=None,
) -> StockLevel:
    """Give back reserved units of the variant in one bin (e.g. a cancelled order) and commit."""
    level = _level(session, store_id, variant_id, location(warehouse, bin))
    if level is None or level.product_id != product_id or quantity <= 0 or quantity > level.reserved:
        raise FieldErrors({"quantity": "inventory.error.release_invalid"})
    before = (level.quantity, level.reserved)
    level.reserved -= quantity
    level.updated_at = utcnow()
    session.add(level)
    session.flush()
    _log(session, level, "release", before, reason, user_id)
    session.commit()
    return level


def movements(
    session: Session,
    store_id: int,
    product_id: int | None = None,
    limit: int = 50,
    *,
    variant_id: int | None = None,
) -> list[StockMovement]:
    query = select(StockMovement).where(StockMovement.store_id == store_id)
    if product_id is not None:
        query = query.where(StockMovement.product_id == product_id)
    if variant_id is not None:
        query = query.where(StockMovement.variant_id == variant_id)
    return list(session.exec(query.order_by(StockMovement.id.desc()).limit(limit)).all())


def low_stock(
    session: Session, store_id: int, default_threshold: int, limit: int = 100
) -> list[tuple[int, int, int]]:
    """(product_id, available, threshold) for products at or under their threshold (summed over variants)."""
    available = func.sum(StockLevel.quantity - StockLevel.reserved)
    threshold = func.coalesce(func.max(StockLevel.low_stock_threshold), default_threshold)
    rows = session.exec(
        select(StockLevel.product_id, available, threshold)
        .where(StockLevel.store_id == store_id)
        .group_by(StockLevel.product_id)
        .having(available <= threshold)
        .order_by(available, StockLevel.product_id)
        .limit(limit)
    ).all()
    return [(pid, max(0, int(avail or 0)), int(limit_)) for pid, avail, limit_ in rows]


def bin_levels(
    session: Session, store_id: int, variant_ids: list[int], warehouse: str, bin: str = ""
) -> dict[int, StockLevel]:
    """variant id -> its level in one bin, for many variants in one query (imports)."""
    if not variant_ids:
        return {}
    where = location(warehouse, bin)
    rows = session.exec(
        select(StockLevel).where(
            StockLevel.store_id == store_id,
            one_of(session, StockLevel.variant_id, variant_ids),
            StockLevel.warehouse == where.warehouse,
            StockLevel.bin == where.bin,
        )
    ).all()
    return {level.variant_id: level for level in rows}


def set_quantities(
    session: Session,
    store_id: int,
    targets: dict[int, int],
    warehouse: str,
    bin: str = "",
    *,
    products: Mapping[int, int],
    current: Mapping[int, BinCount] | None = None,
    reason: str = "",
    user_id: int | None = None,
    kind: str = "import",
) -> int:
    """Set many variants' count in one bin in a few statements, logging every change.

    `targets` maps variant id -> units; `products` maps each variant id to its product id.
    `current` is what `bin_levels` returned (rows here, records through `public.py`), when
    the caller has it already; only `id`, `quantity` and `reserved` are read. A target
    below a bin's reserved units is refused (FieldErrors) before anything is written.
    Does not commit: the caller commits with its own bookkeeping (and the low-stock
    notifications this change raises). Returns rows changed.
    """
    where = location(warehouse, bin)
    if not where.warehouse:
        raise FieldErrors({"warehouse": "orion.error.required"})
    if current is None:
        current = bin_levels(session, store_id, list(targets), where.warehouse, where.bin)
    now = utcnow()
    inserts, updates, moves = [], [], []
    changes: dict[int, int] = {}  # product id -> units more (or fewer) available
    for variant_id, quantity in targets.items():
        product_id = products[variant_id]
        level = current.get(variant_id)
        before = (level.quantity, level.reserved) if level else (0, 0)
        if quantity < 0 or quantity < before[1]:
            raise FieldErrors({"quantity": "inventory.error.below_reserved"})
        if quantity == before[0] and level is not None:
            continue
        changes[product_id] = changes.get(product_id, 0) + quantity - before[0]
        if level is None:
            inserts.append(
                {
                    "store_id": store_id,
                    "product_id": product_id,
                    "variant_id": variant_id,
                    "warehouse": where.warehouse,
                    "bin": where.bin,
                    "quantity": quantity,
                    "reserved": 0,
                    "updated_at": now,
                }
            )
        else:
            updates.append({"id": level.id, "quantity": quantity, "updated_at": now})
        moves.append(
            {
                "store_id": store_id,
                "product_id": product_id,
                "variant_id": variant_id,
                "warehouse": where.warehouse,
                "bin": where.bin,
                "kind": kind,
                "quantity_before": before[0],
                "quantity_after": quantity,
                "reserved_before": before[1],
                "reserved_after": before[1],
                "reason": reason[:200],
                "user_id": user_id,
                "created_at": now,
            }
        )
    if inserts:
        session.execute(insert(StockLevel).execution_options(render_nulls=True), inserts)
    if updates:
        session.execute(update(StockLevel), updates)
    if moves:
        session.execute(insert(StockMovement).execution_options(render_nulls=True), moves)
    report_low_stock(session, store_id, changes)
    return len(moves)
