"""Paying a card order later, from the shopper's order page or the guest's status link: the
order still waits for its payment (`pending_payment`, by card) because Stripe was unreachable
at placement or the card was declined. Its payment is opened again with the same key as at
placement (`order:<id>`), so Stripe never sees two intents for one order."""

from sqlmodel import Session

from modules.orders.models import Order
from modules.orders.services.placement import payment_request
from modules.payments.public import PaymentRecord, payments_of, retry_payment, start_payment
from modules.tenancy.public import store_by_id
from orion_app.errors import ServiceError
from orion_app.scoped import get_in_store


def payable_by_card(status: str, payment_method: str) -> bool:
    return status == "pending_payment" and payment_method == "card"


def open_card_payment(session: Session, store_id: int, order_id: int) -> PaymentRecord:
    """The order's card payment, its intent open (GatewayUnavailable when Stripe is still
    unreachable; the caller keeps the order as it is). Only for an order of this store that
    still waits for a card payment. Flushes; the caller commits."""
    order = get_in_store(session, Order, store_id, id=order_id)
    if not payable_by_card(order.status, order.payment_method):
        raise ServiceError("orders.pay.not_payable")
    existing = [p for p in payments_of(session, store_id, order.id) if p.method == "card"]
    if existing:
        return retry_payment(session, store_id, max(existing, key=lambda p: p.id).id)
    store = store_by_id(session, store_id)
    return start_payment(session, payment_request(order, store.name if store else ""))


def owns_payment(session: Session, store_id: int, order_id: int, payment_id: int) -> bool:
    """Whether `payment_id` is one of this order's payments in this store."""
    return any(p.id == payment_id for p in payments_of(session, store_id, order_id))
