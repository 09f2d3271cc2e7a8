"""What a payment event does to its order (contributed to payments' "payment_event_handlers").

Idempotent and order-independent: each distinct event is recorded once on the timeline
(`dedupe_key`), and the order moves only forward to where the money says it is, so the
same events in any order, any number of times, end in the same status:
- succeeded: pending_payment -> paid; the units stay reserved (each shipment consumes
  its own, services/shipments.py); the card order's confirmation mail goes out (a bank
  transfer's went at placement);
- refunded: paid (first, if the succeeded event has not come yet) -> partially_refunded,
  or refunded once the whole amount is back (a cancelled order too); a whole refund of an
  order not cancelled gives its unshipped units back (a cancelled one gave them at cancel);
- canceled: an unpaid order is cancelled and its reservation given back;
- processing, failed: the timeline only (a declined card may be retried until expiry).
A succeeded payment for an order the expiry already cancelled is recorded, not applied:
its stock was given back; the merchant refunds it (the timeline shows both).
"""

from sqlmodel import Session, select

from modules.inventory.public import release_lines
from modules.orders.models import Order, OrderEvent
from modules.orders.services import transitions as t
from modules.orders.services.confirmation import send_confirmation
from modules.orders.services.credit_notes import credit_refund
from modules.orders.services.invoices import invoices_on, issue_invoice
from modules.orders.services.reads import latest_payment
from modules.orders.services.shipped import unshipped_lines
from modules.orders.services.status import cancel
from modules.payments.public import PaymentEvent
from orion_app.scoped import in_store


def handle_payment_event(session: Session, event: PaymentEvent) -> None:
    """Apply `event` to its order (in the caller's transaction; the caller commits)."""
    order = session.exec(in_store(Order, event.store_id, id=event.order_id).with_for_update()).first()
    if order is None or not _record(session, order, event):
        return
    if event.kind == "succeeded":
        _paid(session, order, event)
    elif event.kind == "refunded":
        _refunded(session, order, event)
    elif event.kind == "canceled" and order.status == t.PENDING_PAYMENT:
        cancel(session, order, actor=event.actor, source=event.source)


def _record(session: Session, order: Order, event: PaymentEvent) -> bool:
    """Put the event on the timeline; False when it is there already (a repeat)."""
    amount = event.refunded_cents if event.kind == "refunded" else event.amount_cents
    key = f"{event.payment_id}:{event.kind}:{event.source}:{amount}"[:200]
    seen = session.exec(
        select(OrderEvent.id).where(OrderEvent.order_id == order.id, OrderEvent.dedupe_key == key)
    ).first()
    if seen is not None:
        return False
    session.add(
        OrderEvent(
            order_id=order.id,
            store_id=order.store_id,
            kind="payment",
            to_status=event.kind,
            actor=event.actor[:120],
            source=event.source[:120],
            amount_cents=amount,
            dedupe_key=key,
            at=event.occurred_at,
        )
    )
    return True


def _paid(session: Session, order: Order, event: PaymentEvent) -> None:
    if order.status != t.PENDING_PAYMENT:
        return
    t.move(session, order, t.PAID, actor=event.actor, source=event.source)
    if invoices_on(session, order.store_id) == "payment":
        issue_invoice(session, order.store_id, order.id)
    if order.payment_method == "card":  # after the invoice: the mail links to it
        send_confirmation(session, order, latest_payment(session, order))


def _refunded(session: Session, order: Order, event: PaymentEvent) -> None:
    _paid(session, order, event)  # a refund proves the payment, whichever event came first
    full = event.refunded_cents >= event.amount_cents
    if full and t.REFUNDED in t.allowed_next(order.status):
        was = order.status
        t.move(session, order, t.REFUNDED, actor=event.actor, source=event.source)
        if was != t.CANCELLED:
            rest = unshipped_lines(session, order)
            release_lines(session, order.store_id, rest, reason=f"order {order.number}")
    elif not full and order.status in (t.PAID, t.PROCESSING, t.SHIPPED, t.DELIVERED):
        t.move(session, order, t.PARTIALLY_REFUNDED, actor=event.actor, source=event.source)
    credit_refund(session, order, event.payment_id, event.refunded_cents)  # one credit note a refund
