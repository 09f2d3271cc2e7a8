"""Reading orders: records for checkout, My orders, the guest status link and the directory.

Every read is scoped by store: an id or number of another store reads as nothing.
"""

import hmac
from collections.abc import Sequence

from sqlalchemy import func
from sqlmodel import Session, select

from modules.orders.models import Order, OrderEvent, OrderLine
from modules.orders.records import (
    OrderAddress,
    OrderEventRecord,
    OrderLineRecord,
    OrderRecord,
    OrderSummary,
    OrderView,
    VatLine,
)
from modules.orders.services.hashing import token_hash
from modules.orders.services.vat import Split, split_gross, totals_by_rate
from modules.payments.public import PaymentRecord, payments_of
from orion_app.db import one_of
from orion_app.errors import NotFound
from orion_app.records import record_from
from orion_app.scoped import get_in_store


def order_record(order: Order, token: str, payment: PaymentRecord | None) -> OrderRecord:
    return record_from(OrderRecord, order, status_token=token, payment=payment)


def latest_payment(session: Session, order: Order) -> PaymentRecord | None:
    """The order's newest payment (a retry after the gateway was down is the same one)."""
    found = payments_of(session, order.store_id, order.id)
    return max(found, key=lambda p: p.id) if found else None


def _counts(session: Session, order_ids: list[int]) -> dict[int, int]:
    if not order_ids:
        return {}
    return dict(
        session.exec(
            select(OrderLine.order_id, func.sum(OrderLine.quantity))
            .where(one_of(session, OrderLine.order_id, order_ids))
            .group_by(OrderLine.order_id)
        ).all()
    )


def summaries(session: Session, orders: Sequence[Order]) -> list[OrderSummary]:
    """List rows for `orders` (item counts in one query), in the given order."""
    counts = _counts(session, [o.id for o in orders])
    return [record_from(OrderSummary, o, item_count=int(counts.get(o.id, 0))) for o in orders]


def orders_of_customer(session: Session, store_id: int, customer_id: int) -> list[OrderSummary]:
    """The customer's orders in the store, newest first (My orders)."""
    orders = session.exec(
        select(Order)
        .where(Order.store_id == store_id, Order.customer_id == customer_id)
        .order_by(Order.created_at.desc(), Order.id.desc())
    ).all()
    return summaries(session, orders)


def order_count_by_customer(session: Session, store_id: int, customer_ids: Sequence[int]) -> dict[int, int]:
    """customer id -> number of orders in the store, for those of `customer_ids` who have any."""
    if not customer_ids:
        return {}
    rows = session.exec(
        select(Order.customer_id, func.count(Order.id))
        .where(Order.store_id == store_id, one_of(session, Order.customer_id, list(customer_ids)))
        .group_by(Order.customer_id)
    ).all()
    return {customer_id: int(count) for customer_id, count in rows}


def order_for_status_link(session: Session, store_id: int, number: str, token: str) -> OrderView | None:
    """The order behind a guest's status link, or None: unknown number, other store, or a
    token that does not match (compared in constant time, as hashes)."""
    order = session.exec(select(Order).where(Order.store_id == store_id, Order.number == number)).first()
    if order is None or not hmac.compare_digest(order.status_token_hash, token_hash(token or "")):
        return None
    return view_of(session, order)


def order_view(session: Session, store_id: int, order_id: int) -> OrderView:
    """One order of the store, whole (NotFound for another store's id)."""
    return view_of(session, get_in_store(session, Order, store_id, id=order_id))


def order_view_by_number(session: Session, store_id: int, number: str) -> OrderView:
    order = session.exec(select(Order).where(Order.store_id == store_id, Order.number == number)).first()
    if order is None:
        raise NotFound()
    return view_of(session, order)


def _address(data: dict | None) -> OrderAddress | None:
    if data is None:
        return None
    return OrderAddress(**{name: data.get(name, "") for name in OrderAddress.__dataclass_fields__})


def lines_of(session: Session, order: Order) -> Sequence[OrderLine]:
    """The order's lines in position order."""
    return session.exec(
        select(OrderLine).where(OrderLine.order_id == order.id).order_by(OrderLine.position)
    ).all()


def vat_lines_of(order: Order, lines: Sequence[OrderLine]) -> tuple[VatLine, ...]:
    """The order's amounts per VAT rate: its lines' and its shipping's."""
    splits = [(line.vat_rate, Split(line.total_cents, line.net_cents, line.vat_cents)) for line in lines]
    if order.shipping_cents:
        splits.append((order.shipping_vat_rate, split_gross(order.shipping_cents, order.shipping_vat_rate)))
    return totals_by_rate(splits)


def view_of(session: Session, order: Order) -> OrderView:
    lines = lines_of(session, order)
    events = session.exec(
        select(OrderEvent).where(OrderEvent.order_id == order.id).order_by(OrderEvent.at, OrderEvent.id)
    ).all()
    return record_from(
        OrderView,
        order,
        billing=_address(order.billing_address),
        shipping=_address(order.shipping_address),
        lines=tuple(record_from(OrderLineRecord, line) for line in lines),
        vat_lines=vat_lines_of(order, lines),
        events=tuple(record_from(OrderEventRecord, event) for event in events),
    )
