"""Helpers for the payments tests: requests, the shopper's card through localstripe, and
webhook deliveries signed like Stripe's."""

import hashlib
import hmac
import json
import time
import uuid

import httpx
import stripe
from sqlmodel import select

from modules.payments.models import GatewayEvent, Payment
from modules.payments.public import PaymentRequest
from modules.payments.services.settings import save_store
from orion_app.db import session_scope
from tests.integration.catalog_helpers import scope
from tests.stripe_server import SECRET_KEY, WEBHOOK_SECRET


def request(
    method: str = "card",
    *,
    key: str | None = None,
    order_id: int = 4101,
    amount: int = 2599,
    store: str = "cafe-lux",
):
    store_id, _merchant, platform_id = scope(store)
    return PaymentRequest(
        store_id=store_id,
        platform_id=platform_id,
        order_id=order_id,
        reference=f"CL-2026-{order_id:06d}",
        amount_cents=amount,
        currency="EUR",
        method=method,
        customer_email="shopper@example.lu",
        idempotency_key=key or uuid.uuid4().hex,
    )


def offer_bank_transfer(store_id: int) -> None:
    with session_scope() as session:
        save_store(
            session,
            store_id,
            card_enabled=True,
            bank_transfer_enabled=True,
            iban="LU28 0019 4006 4475 0000",
            bic="BCEELULL",
            beneficiary="Café Lëtzebuerg SARL",
            stripe_account_id="",
        )


def card_4242(api_base: str) -> str:
    """What Stripe.js does in the shopper's browser: the card becomes a PaymentMethod."""
    client = stripe.StripeClient(SECRET_KEY, base_addresses={"api": api_base}, max_network_retries=0)
    method = client.v1.payment_methods.create(
        {
            "type": "card",
            "card": {"number": "4242424242424242", "exp_month": 12, "exp_year": 2030, "cvc": "123"},
        }
    )
    return method.id


def payment_row(payment_id: int) -> Payment:
    with session_scope() as session:
        return session.get(Payment, payment_id)


def wait_for_status(payment_id: int, status: str, timeout: float = 15.0) -> Payment:
    deadline = time.monotonic() + timeout
    while True:
        row = payment_row(payment_id)
        if row.status == status:
            return row
        if time.monotonic() > deadline:
            raise AssertionError(f"payment {payment_id} is {row.status}, not {status}, after {timeout} s")
        time.sleep(0.2)


def gateway_events(event_id: str | None = None) -> list[GatewayEvent]:
    with session_scope() as session:
        query = select(GatewayEvent).order_by(GatewayEvent.id)
        if event_id is not None:
            query = query.where(GatewayEvent.event_id == event_id)
        return list(session.exec(query).all())


def stripe_event(
    kind: str, intent_id: str, *, amount: int = 2599, refunded: int = 0, created: int | None = None
) -> dict:
    """An event shaped like Stripe's (as recorded from its API reference)."""
    created = created or int(time.time())
    if kind.startswith("charge."):
        obj = {
            "id": f"ch_{uuid.uuid4().hex[:14]}",
            "object": "charge",
            "amount": amount,
            "amount_refunded": refunded,
            "payment_intent": intent_id,
            "refunded": refunded >= amount,
            "status": "succeeded",
        }
    else:
        status = {"payment_intent.succeeded": "succeeded", "payment_intent.processing": "processing"}
        obj = {
            "id": intent_id,
            "object": "payment_intent",
            "amount": amount,
            "status": status.get(kind, "canceled"),
        }
    return {
        "id": f"evt_{uuid.uuid4().hex[:20]}",
        "object": "event",
        "api_version": "2020-08-27",
        "created": created,
        "type": kind,
        "livemode": False,
        "data": {"object": obj},
    }


def signed(event: dict, *, secret: str = WEBHOOK_SECRET, at: int | None = None) -> tuple[bytes, str]:
    payload = json.dumps(event).encode()
    stamp = int(time.time()) if at is None else at
    signature = hmac.new(secret.encode(), b"%d.%s" % (stamp, payload), hashlib.sha256).hexdigest()
    return payload, f"t={stamp},v1={signature}"


def deliver(url: str, event: dict, **signing) -> httpx.Response:
    payload, header = signed(event, **signing)
    return httpx.post(url, content=payload, headers={"Stripe-Signature": header}, timeout=10)
