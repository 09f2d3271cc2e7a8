"""Order statuses and the one table of the transitions between them.

Who moves an order: payment events (paid, refunded, partially_refunded, cancelled when a
payment is canceled), the expiry job (cancelled), and the merchant (processing, shipped,
delivered, cancelled), whose shipments also move it: processing while units are left to
ship, shipped with the last parcel, delivered when every parcel arrived. A transition the
table does not list is refused with a message naming both statuses.
"""

from sqlmodel import Session

from modules.orders.models import Order, OrderEvent
from orion_app.db import utcnow
from orion_app.errors import NotFound, ServiceError
from orion_app.scoped import in_store

PENDING_PAYMENT = "pending_payment"
PAID = "paid"
PROCESSING = "processing"
SHIPPED = "shipped"
DELIVERED = "delivered"
CANCELLED = "cancelled"
REFUNDED = "refunded"
PARTIALLY_REFUNDED = "partially_refunded"

STATUSES = (PENDING_PAYMENT, PAID, PROCESSING, SHIPPED, DELIVERED, CANCELLED, REFUNDED, PARTIALLY_REFUNDED)

# status -> the statuses it may move to. Cancelling a paid order is allowed here; the
# refund of its payment is the payments module's step (the merchant refunds, the refund
# event then makes it refunded).
TRANSITIONS: dict[str, tuple[str, ...]] = {
    PENDING_PAYMENT: (PAID, CANCELLED),
    PAID: (PROCESSING, SHIPPED, REFUNDED, PARTIALLY_REFUNDED, CANCELLED),  # shipped: all in one parcel
    PROCESSING: (SHIPPED, REFUNDED, PARTIALLY_REFUNDED, CANCELLED),
    SHIPPED: (DELIVERED, REFUNDED, PARTIALLY_REFUNDED),
    DELIVERED: (REFUNDED, PARTIALLY_REFUNDED),
    PARTIALLY_REFUNDED: (REFUNDED, PROCESSING, SHIPPED, DELIVERED),
    CANCELLED: (REFUNDED,),
    REFUNDED: (),
}

# Statuses after payment: the money was received; the units stay reserved until shipped
# (each shipment consumes its own, services/shipments.py).
PAID_STATUSES = (PAID, PROCESSING, SHIPPED, DELIVERED, PARTIALLY_REFUNDED)


class TransitionRefused(ServiceError):
    def __init__(self, current: str, wanted: str):
        super().__init__(f"orders.error.cannot_become.{wanted}")
        self.current = current
        self.wanted = wanted


def allowed_next(status: str) -> tuple[str, ...]:
    """The statuses an order in `status` may move to."""
    return TRANSITIONS.get(status, ())


def move(session: Session, order: Order, to: str, *, actor: str, source: str = "", note: str = "") -> None:
    """Set the order's status and record it on the timeline; refuse a transition not in the table."""
    if to not in STATUSES:
        raise ServiceError("orders.error.unknown_status")
    if to not in allowed_next(order.status):
        raise TransitionRefused(order.status, to)
    now = utcnow()
    session.add(
        OrderEvent(
            order_id=order.id,
            store_id=order.store_id,
            kind="status",
            from_status=order.status,
            to_status=to,
            actor=actor[:120],
            source=source[:120],
            note=note[:1000],
            at=now,
        )
    )
    order.status = to
    if to == PAID and order.paid_at is None:
        order.paid_at = now
    if to == CANCELLED:
        order.cancelled_at = now
    if to != PENDING_PAYMENT:
        order.expires_at = None
    session.add(order)


def locked_order(session: Session, store_id: int, order_id: int) -> Order:
    """The store's order, locked for this transaction on PostgreSQL (NotFound for another store's)."""
    order = session.exec(in_store(Order, store_id, id=order_id).with_for_update()).first()
    if order is None:
        raise NotFound()
    return order
