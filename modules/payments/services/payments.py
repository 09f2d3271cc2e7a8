"""Payments: start (idempotent per key), retry, refund, mark paid; read payments and events.

A payment's status only moves forward (`advance`): whatever order the gateway's events come
in, the payment ends in the same state, and an event that changes nothing has no effect.
Every change is recorded as a `PaymentEventRow` and dispatched to "payment_event_handlers"
in the caller's transaction. Nothing here commits.
"""

from datetime import datetime

from sqlmodel import Session, select

from modules.payments.gateways.bank_transfer import BankTransferGateway
from modules.payments.gateways.base import IntentRequest
from modules.payments.gateways.stripe_gateway import StripeGateway
from modules.payments.models import Payment, PaymentEventRow, Refund
from modules.payments.records import (
    METHODS,
    PAYMENT_EVENT_HANDLERS,
    PaymentEvent,
    PaymentRecord,
    PaymentRequest,
)
from modules.payments.services import settings
from orion_app import crypto
from orion_app.db import utcnow
from orion_app.errors import FieldErrors, NotFound, ServiceError
from orion_app.registry import get_registry

# Forward order of statuses: a payment never goes back (succeeded is final; refunds are
# counted apart in refunded_cents).
RANK = {"pending": 0, "processing": 1, "failed": 2, "canceled": 3, "succeeded": 4}


def _scoped(session: Session, store_id: int, payment_id: int, *, lock: bool = False) -> Payment:
    query = select(Payment).where(Payment.id == payment_id, Payment.store_id == store_id)
    payment = session.exec(query.with_for_update() if lock else query).first()
    if payment is None:
        raise NotFound()
    return payment


def record_of(
    session: Session, payment: Payment, store: settings.StorePaymentView | None = None
) -> PaymentRecord:
    """`store`: the payment's store settings when the caller has read them (one read less)."""
    client_secret = publishable = js_url = ""
    instructions: dict = {}
    if payment.method == "card":
        account = settings.stripe_account(session, payment.platform_id)
        client_secret = crypto.decrypt(payment.client_secret_encrypted)
        publishable, js_url = account.publishable_key, account.stripe_js_url
    else:
        bank = settings.bank_account(session, payment.store_id, store)
        instructions = BankTransferGateway(bank).instructions(payment.reference)
    return PaymentRecord(
        id=payment.id,
        store_id=payment.store_id,
        order_id=payment.order_id,
        method=payment.method,
        status=payment.status,
        amount_cents=payment.amount_cents,
        refunded_cents=payment.refunded_cents,
        client_secret=client_secret,
        publishable_key=publishable,
        stripe_js_url=js_url,
        instructions=instructions,
    )


def _stripe(session: Session, payment: Payment) -> StripeGateway:
    return StripeGateway(settings.stripe_account(session, payment.platform_id), payment.connect_account)


def _open_intent(session: Session, payment: Payment) -> None:
    intent = _stripe(session, payment).create_intent(
        IntentRequest(
            amount_cents=payment.amount_cents,
            currency=payment.currency,
            reference=payment.reference,
            idempotency_key=f"orion-{payment.store_id}-{payment.idempotency_key}",
            metadata={"store_id": str(payment.store_id), "order_id": str(payment.order_id)},
        )
    )
    payment.gateway_ref = intent.ref
    payment.client_secret_encrypted = crypto.encrypt(intent.client_secret)
    payment.status = intent.status
    payment.updated_at = utcnow()
    session.add(payment)
    session.flush()


def start_payment(session: Session, request: PaymentRequest) -> PaymentRecord:
    """The payment for this key: made once (a card payment opens its PaymentIntent), then the
    same record again. GatewayUnavailable leaves the payment pending (flushed) for a retry."""
    store = settings.store_view(session, request.store_id)  # read once for the method, connect and bank
    if request.method not in METHODS or request.method not in settings.methods_of(store):
        raise FieldErrors({"method": "payments.error.method"})
    if request.amount_cents <= 0:
        raise FieldErrors({"amount": "payments.error.amount"})
    payment = session.exec(
        select(Payment).where(
            Payment.store_id == request.store_id, Payment.idempotency_key == request.idempotency_key
        )
    ).first()
    if payment is not None and (payment.order_id, payment.amount_cents, payment.method) != (
        request.order_id,
        request.amount_cents,
        request.method,
    ):
        raise ServiceError("payments.error.key_reused")
    if payment is None:
        connect = store.stripe_account_id if request.method == "card" else ""
        payment = Payment(
            store_id=request.store_id,
            platform_id=request.platform_id,
            order_id=request.order_id,
            reference=request.reference,
            method=request.method,
            gateway="stripe" if request.method == "card" else "bank_transfer",
            connect_account=connect,
            amount_cents=request.amount_cents,
            currency=request.currency.upper(),
            customer_email=request.customer_email,
            description=request.description[:500],
            idempotency_key=request.idempotency_key,
        )
        session.add(payment)
        session.flush()
    if payment.method == "card" and not payment.gateway_ref:
        _open_intent(session, payment)
    return record_of(session, payment, store)


def retry_payment(session: Session, store_id: int, payment_id: int) -> PaymentRecord:
    """Open the gateway's side of a payment that GatewayUnavailable left without one."""
    payment = _scoped(session, store_id, payment_id, lock=True)
    if payment.method == "card" and not payment.gateway_ref:
        _open_intent(session, payment)
    return record_of(session, payment)


def confirm_card(session: Session, store_id: int, payment_id: int, payment_method: str) -> PaymentRecord:
    """Confirm a card payment server-side with the payment method the browser collected (the
    way to pay against localstripe, whose Stripe.js stand-in only does 3-D Secure). The
    webhook brings the outcome; a status the gateway already reports is applied now too."""
    payment = _scoped(session, store_id, payment_id, lock=True)
    if payment.method != "card" or not payment.gateway_ref:
        raise ServiceError("payments.error.not_card")
    if not payment_method.startswith(("pm_", "card_")):
        raise FieldErrors({"payment_method": "payments.error.payment_method"})
    intent = _stripe(session, payment).confirm(payment.gateway_ref, payment_method)
    if intent.status in ("processing", "succeeded"):
        advance(session, payment, intent.status, source=f"stripe:{intent.ref}", actor="Stripe", at=utcnow())
    return record_of(session, payment)


def _dispatch(session: Session, payment: Payment, kind: str, source: str, actor: str, at: datetime) -> None:
    row = PaymentEventRow(
        payment_id=payment.id,
        store_id=payment.store_id,
        order_id=payment.order_id,
        kind=kind,
        amount_cents=payment.amount_cents,
        refunded_cents=payment.refunded_cents,
        source=source[:255],
        actor=actor[:200],
        occurred_at=at,
    )
    session.add(row)
    session.flush()
    event = _event(row)
    for _code, handler in get_registry().contributions(PAYMENT_EVENT_HANDLERS):
        handler(session, event)


def _event(row: PaymentEventRow) -> PaymentEvent:
    return PaymentEvent(
        kind=row.kind,
        payment_id=row.payment_id,
        store_id=row.store_id,
        order_id=row.order_id,
        amount_cents=row.amount_cents,
        refunded_cents=row.refunded_cents,
        source=row.source,
        actor=row.actor,
        occurred_at=row.occurred_at,
    )


def advance(
    session: Session, payment: Payment, status: str, *, source: str, actor: str, at: datetime
) -> bool:
    """Move the payment forward to `status` and tell the other modules; False when it is
    already there or further (nothing happens)."""
    if RANK[status] <= RANK[payment.status]:
        return False
    payment.status = status
    payment.updated_at = utcnow()
    session.add(payment)
    _dispatch(session, payment, status, source, actor, at)
    return True


def converge_refunds(
    session: Session,
    payment: Payment,
    total_cents: int,
    *,
    source: str,
    actor: str,
    at: datetime,
    ref: str = "",
) -> bool:
    """Bring refunded_cents up to the gateway's total (never down, never past the amount)."""
    total = min(total_cents, payment.amount_cents)
    if total <= payment.refunded_cents:
        return False
    session.add(
        Refund(
            payment_id=payment.id,
            store_id=payment.store_id,
            amount_cents=total - payment.refunded_cents,
            gateway_ref=ref,
            actor=actor[:200],
        )
    )
    payment.refunded_cents = total
    payment.updated_at = utcnow()
    session.add(payment)
    _dispatch(session, payment, "refunded", source, actor, at)
    return True


def refund(
    session: Session,
    *,
    store_id: int,
    payment_id: int,
    amount_cents: int,
    actor: str,
    user_id: int | None = None,
) -> PaymentRecord:
    """Give back `amount_cents` (at most what was paid and not yet refunded)."""
    payment = _scoped(session, store_id, payment_id, lock=True)
    if payment.status != "succeeded":
        raise ServiceError("payments.error.not_paid")
    if not 0 < amount_cents <= payment.amount_cents - payment.refunded_cents:
        raise FieldErrors(
            {"amount": "payments.error.refund_amount"},
            {"amount": {"max": payment.amount_cents - payment.refunded_cents}},
        )
    ref = ""
    if payment.method == "card":
        key = f"orion-refund-{payment.id}-{payment.refunded_cents}-{amount_cents}"
        ref = _stripe(session, payment).refund(payment.gateway_ref, amount_cents, key).ref
    source = f"manual:{user_id}" if user_id is not None else "manual"
    converge_refunds(
        session,
        payment,
        payment.refunded_cents + amount_cents,
        source=source,
        actor=actor,
        at=utcnow(),
        ref=ref,
    )
    return record_of(session, payment)


def mark_paid(
    session: Session, *, store_id: int, payment_id: int, actor: str, user_id: int | None = None
) -> PaymentRecord:
    """The merchant saw a bank transfer arrive: the payment succeeds (again: nothing more)."""
    payment = _scoped(session, store_id, payment_id, lock=True)
    if payment.method != "bank_transfer":
        raise ServiceError("payments.error.not_bank_transfer")
    if payment.status == "canceled":
        raise ServiceError("payments.error.canceled")
    source = f"manual:{user_id}" if user_id is not None else "manual"
    advance(session, payment, "succeeded", source=source, actor=actor, at=utcnow())
    return record_of(session, payment)


def payments_of(session: Session, store_id: int, order_id: int) -> list[PaymentRecord]:
    rows = session.exec(
        select(Payment).where(Payment.store_id == store_id, Payment.order_id == order_id).order_by(Payment.id)
    ).all()
    return [record_of(session, row) for row in rows]


def events_of(session: Session, store_id: int, order_id: int) -> list[PaymentEvent]:
    rows = session.exec(
        select(PaymentEventRow)
        .where(PaymentEventRow.store_id == store_id, PaymentEventRow.order_id == order_id)
        .order_by(PaymentEventRow.id)
    ).all()
    return [_event(row) for row in rows]
