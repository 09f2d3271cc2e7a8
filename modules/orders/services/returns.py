"""Returns (RMA): the customer asks within the store's window, the merchant accepts or
refuses, then receives the parcel and puts each line back on the shelf or writes it off.

Window: `return_days` (14 by default, the EU withdrawal period) from the last parcel's
delivery, or from its shipment when no delivery was marked. Units: at most what shipped
less what other open or received returns already hold. Restock adds the units back into
the variant's first bin (warehouse, bin order) with the reason "return <number>"; a
write-off records a movement that adds nothing (its reason says how many). Inventory's
adjustment commits, so receiving is the last step of its transaction.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import func
from sqlmodel import Session, select

from modules.inventory.public import adjust_stock, levels
from modules.orders.models import FulfilmentSettings, Order, OrderEvent, ReturnLine, ReturnRequest, Shipment
from modules.orders.services.shipped import order_lines, shipped_by_line
from orion_app.db import utcnow
from orion_app.errors import FieldErrors, NotFound, ServiceError
from orion_app.scoped import in_store

REQUESTED, ACCEPTED, REFUSED, RECEIVED = "requested", "accepted", "refused", "received"
RESTOCK, WRITE_OFF = "restock", "write_off"
DEFAULT_DAYS, MAX_DAYS = 14, 365
QUANTITY_FIELD, REASON_FIELD, DAYS_FIELD = "ret_{}", "reason", "return_days"


@dataclass(frozen=True)
class ReturnRecord:
    id: int
    status: str
    reason: str
    created_at: datetime
    decided_at: datetime | None
    received_at: datetime | None
    lines: tuple[tuple[int, int, str], ...]  # (order line id, units, disposition)


def return_days(session: Session, store_id: int) -> int:
    found = session.exec(in_store(FulfilmentSettings, store_id)).first()
    return found.return_days if found else DEFAULT_DAYS


def set_return_days(session: Session, store_id: int, text: str) -> int:
    """The store's window in days (1 to 365; FieldErrors next to the field). The caller commits."""
    cleaned = (text or "").strip()
    if not cleaned.isdigit() or not 1 <= int(cleaned) <= MAX_DAYS:
        raise FieldErrors({DAYS_FIELD: "orders.returns.error.days"}, {DAYS_FIELD: {"max": MAX_DAYS}})
    found = session.exec(in_store(FulfilmentSettings, store_id)).first() or FulfilmentSettings(
        store_id=store_id
    )
    found.return_days = int(cleaned)
    session.add(found)
    return found.return_days


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)  # SQLite's times are naive


def return_deadline(session: Session, order: Order) -> datetime | None:
    """The last moment a return may be asked for (None: nothing has shipped)."""
    parcels = list(session.exec(in_store(Shipment, order.store_id, order_id=order.id)))
    if not parcels:
        return None
    start = max(_aware(p.delivered_at or p.shipped_at) for p in parcels)
    return start + timedelta(days=return_days(session, order.store_id))


def returnable(session: Session, order: Order) -> dict[int, int]:
    """order line id -> units that may still be asked back (shipped, not in another return)."""
    shipped = shipped_by_line(session, order.store_id, order.id)
    held = dict(
        session.exec(
            select(ReturnLine.order_line_id, func.sum(ReturnLine.quantity))
            .join(ReturnRequest, ReturnRequest.id == ReturnLine.return_id)
            .where(ReturnRequest.order_id == order.id, ReturnRequest.status != REFUSED)
            .group_by(ReturnLine.order_line_id)
        ).all()
    )
    return {line_id: units - int(held.get(line_id, 0)) for line_id, units in shipped.items()}


def request_return(
    session: Session, order: Order, quantities: dict[int, int], reason: str, *, customer_id: int | None
) -> ReturnRequest:
    """The customer's request for `quantities` (order line id -> units) of their `order` (the
    caller found it by its customer or status link). ServiceError outside the window;
    FieldErrors next to a line asked for more than may come back, or the reason."""
    deadline = return_deadline(session, order)
    if deadline is None or utcnow() > deadline:
        raise ServiceError("orders.returns.error.window")
    left = returnable(session, order)
    lines = {line.id for line in order_lines(session, order)}
    if any(line_id not in lines for line_id in quantities):
        raise NotFound()
    errors, params = {}, {}
    for line_id, units in quantities.items():
        if units < 0 or units > left.get(line_id, 0):
            errors[QUANTITY_FIELD.format(line_id)] = "orders.returns.error.quantity"
            params[QUANTITY_FIELD.format(line_id)] = {"left": max(left.get(line_id, 0), 0)}
    text = (reason or "").strip()
    if not text or len(text) > 1000:
        errors[REASON_FIELD] = "orders.returns.error.reason"
    if not errors and not any(units > 0 for units in quantities.values()):
        errors["lines"] = "orders.returns.error.nothing"
    if errors:
        raise FieldErrors(errors, params)
    request = ReturnRequest(order_id=order.id, store_id=order.store_id, customer_id=customer_id, reason=text)
    session.add(request)
    session.flush()
    for line_id, units in quantities.items():
        if units > 0:
            session.add(
                ReturnLine(
                    return_id=request.id, order_line_id=line_id, store_id=order.store_id, quantity=units
                )
            )
    _note(session, order, "orders.returns.timeline.requested", "")
    return request


def _locked(session: Session, store_id: int, order_id: int, return_id: int) -> tuple[Order, ReturnRequest]:
    request = session.exec(
        in_store(ReturnRequest, store_id, id=return_id, order_id=order_id).with_for_update()
    ).first()
    order = session.exec(in_store(Order, store_id, id=order_id)).first()
    if request is None or order is None:
        raise NotFound()
    return order, request


def _note(session: Session, order: Order, key: str, actor: str) -> None:
    """The return's step on the order's timeline (the key is shown translated)."""
    session.add(
        OrderEvent(order_id=order.id, store_id=order.store_id, kind="return", note=key, actor=actor[:120])
    )


def decide(session: Session, store_id: int, order_id: int, return_id: int, accept: bool, actor: str) -> None:
    """Accept or refuse a requested return. The caller commits."""
    order, request = _locked(session, store_id, order_id, return_id)
    if request.status != REQUESTED:
        raise ServiceError("orders.returns.error.not_requested")
    request.status, request.decided_at = (ACCEPTED if accept else REFUSED), utcnow()
    session.add(request)
    _note(session, order, f"orders.returns.timeline.{request.status}", actor)


def receive(
    session: Session,
    store_id: int,
    order_id: int,
    return_id: int,
    dispositions: dict[int, str],
    *,
    actor: str,
    user_id: int | None,
) -> None:
    """The accepted return arrived: each of its lines restocked or written off (FieldErrors
    next to a line without a choice). Commits (inventory's adjustments do)."""
    order, request = _locked(session, store_id, order_id, return_id)
    if request.status != ACCEPTED:
        raise ServiceError("orders.returns.error.not_accepted")
    rows = list(session.exec(select(ReturnLine).where(ReturnLine.return_id == request.id)))
    missing = {
        QUANTITY_FIELD.format(r.order_line_id): "orders.returns.error.disposition"
        for r in rows
        if dispositions.get(r.order_line_id) not in (RESTOCK, WRITE_OFF)
    }
    if missing:
        raise FieldErrors(missing)
    lines = {line.id: line for line in order_lines(session, order)}
    request.status, request.received_at = RECEIVED, utcnow()
    session.add(request)
    _note(session, order, "orders.returns.timeline.received", actor)
    moves = []
    for row in rows:
        row.disposition = dispositions[row.order_line_id]
        session.add(row)
        moves.append((lines[row.order_line_id], row.quantity, row.disposition))
    session.flush()
    for line, units, disposition in moves:
        _stock_back(session, store_id, order.number, line, units, disposition, user_id)
    session.commit()


def _stock_back(session, store_id, number, line, units, disposition, user_id) -> None:
    bins = levels(session, store_id, line.product_id, line.variant_id)
    warehouse, bin_ = (bins[0].warehouse, bins[0].bin) if bins else ("RETURNS", "")
    restock = disposition == RESTOCK
    adjust_stock(
        session,
        store_id,
        line.product_id,
        warehouse,
        bin_,
        variant_id=line.variant_id,
        delta=units if restock else 0,
        reason=f"return {number}" if restock else f"return {number}: {units} written off",
        user_id=user_id,
        kind="adjust" if restock else "write_off",
    )


def returns_of(session: Session, store_id: int, order_id: int) -> list[ReturnRecord]:
    found = list(
        session.exec(in_store(ReturnRequest, store_id, order_id=order_id).order_by(ReturnRequest.id))
    )
    lines: dict[int, list[tuple[int, int, str]]] = {r.id: [] for r in found}
    if found:
        for row in session.exec(
            select(ReturnLine).where(ReturnLine.return_id.in_(list(lines)), ReturnLine.store_id == store_id)
        ):
            lines[row.return_id].append((row.order_line_id, row.quantity, row.disposition))
    return [
        ReturnRecord(r.id, r.status, r.reason, r.created_at, r.decided_at, r.received_at, tuple(lines[r.id]))
        for r in found
    ]


@dataclass(frozen=True)
class ReturnForm:
    """What the shopper's "Request a return" form offers for one of their orders."""

    order: Order
    deadline: datetime | None  # None: nothing shipped yet
    open: bool
    lines: list[dict[str, str]]  # id, title, left


def customers_order(session: Session, store_id: int, customer_id: int, number: str) -> Order:
    """The store's order `number` when it is the customer's own (NotFound otherwise)."""
    order = session.exec(in_store(Order, store_id, number=number, customer_id=customer_id)).first()
    if order is None:
        raise NotFound()
    return order


def return_form(session: Session, order: Order) -> ReturnForm:
    deadline = return_deadline(session, order)
    left = returnable(session, order)
    lines = [
        {
            "id": str(line.id),
            "title": f"{line.title} ({line.options})" if line.options else line.title,
            "left": str(left.get(line.id, 0)),
        }
        for line in order_lines(session, order)
        if left.get(line.id, 0) > 0
    ]
    is_open = deadline is not None and utcnow() <= deadline and bool(lines)
    return ReturnForm(order, deadline, is_open, lines)
