"""The merchant's moves of an order (processing, cancelled) and notes.

Payment-driven statuses (paid, refunded, partially_refunded) come from payment events
only: the merchant marks a bank transfer paid or refunds through payments, whose event
then moves the order, so the order and its money never disagree. Shipped and delivered
come from parcels only (a shipment consumes its units; services/shipments.py), so the
order and its stock never disagree either. Cancelling a paid order
refunds what is left of its payment. The caller commits.
"""

from urllib.parse import urlencode

from sqlmodel import Session

from modules.inventory.public import release_lines
from modules.orders.models import Order, OrderEvent
from modules.orders.services import transitions as t
from modules.orders.services.shipped import unshipped_lines
from modules.payments.public import payments_of, refund
from orion_app.errors import FieldErrors, ServiceError

STATUS_PAGE = "order-status"  # the storefront page of a guest's status link (O2's page)
PAYMENT_DRIVEN = (t.PAID, t.REFUNDED, t.PARTIALLY_REFUNDED)
SHIPMENT_DRIVEN = (t.SHIPPED, t.DELIVERED)  # from parcels (services/shipments.py), never by hand
NOT_BY_HAND = PAYMENT_DRIVEN + SHIPMENT_DRIVEN


def status_page_path(number: str, token: str) -> str:
    """The guest status page below the storefront's base: `order-status?number=…&token=…`."""
    return f"{STATUS_PAGE}?{urlencode({'number': number, 'token': token})}"


def cancel(session: Session, order: Order, *, actor: str, source: str, note: str = "") -> None:
    """Cancel the order; the units it has not shipped go back to the shelf (a paid order
    keeps its reservation until each unit ships)."""
    t.move(session, order, t.CANCELLED, actor=actor, source=source, note=note)
    release_lines(session, order.store_id, unshipped_lines(session, order), reason=f"order {order.number}")


def change_status(session: Session, store_id: int, order_id: int, to: str, actor: str) -> None:
    """Move the store's order to `to` for the merchant (`actor`: who, for the timeline);
    TransitionRefused for a move the table does not allow. The caller commits."""
    order = t.locked_order(session, store_id, order_id)
    if to not in t.STATUSES:
        raise ServiceError("orders.error.unknown_status")
    if to in PAYMENT_DRIVEN:
        raise ServiceError("orders.error.payment_driven")
    if to in SHIPMENT_DRIVEN:
        raise ServiceError("orders.error.shipment_driven")
    if to == t.CANCELLED:
        if t.CANCELLED not in t.allowed_next(order.status):
            raise t.TransitionRefused(order.status, to)
        was_paid = order.status in t.PAID_STATUSES
        cancel(session, order, actor=actor, source="merchant")
        if was_paid:  # its refund event then makes the order refunded
            _refund_rest(session, order, actor)
        return
    t.move(session, order, to, actor=actor, source="merchant")


def _refund_rest(session: Session, order: Order, actor: str) -> None:
    for payment in payments_of(session, order.store_id, order.id):
        rest = payment.amount_cents - payment.refunded_cents
        if payment.status == "succeeded" and rest > 0:
            refund(session, store_id=order.store_id, payment_id=payment.id, amount_cents=rest, actor=actor)


def add_note(session: Session, store_id: int, order_id: int, text: str, actor: str) -> None:
    """A note on the order's timeline (FieldErrors when empty or over 1,000 characters)."""
    text = (text or "").strip()
    if not text or len(text) > 1000:
        raise FieldErrors({"note": "orders.error.note"})
    order = t.locked_order(session, store_id, order_id)
    session.add(OrderEvent(order_id=order.id, store_id=store_id, kind="note", actor=actor[:120], note=text))
