"""Payments against a real localstripe: card paid by webhook, idempotent start, Stripe
unreachable, refunds, bank transfer marked paid, and one store never touching another's."""

import pytest
from sqlmodel import select

from modules.payments.models import Refund
from modules.payments.public import (
    GatewayUnavailable,
    confirm_card,
    events_of,
    mark_paid,
    payments_of,
    refund,
    retry_payment,
    start_payment,
)
from orion_app.db import session_scope
from orion_app.errors import FieldErrors, NotFound, ServiceError
from tests.integration.catalog_helpers import scope
from tests.integration.payments_helpers import (
    card_4242,
    deliver,
    offer_bank_transfer,
    payment_row,
    request,
    stripe_event,
    wait_for_status,
)
from tests.stripe_server import PUBLISHABLE_KEY, free_port


def paid_card_payment(stripe_server, amount: int = 2599):
    with session_scope() as session:
        record = start_payment(session, request(amount=amount))
    with session_scope() as session:
        confirm_card(session, record.store_id, record.id, card_4242(stripe_server.api_base))
    wait_for_status(record.id, "succeeded")
    return record


def test_a_card_payment_is_paid_in_localstripe_and_its_signed_webhook_says_so(demo, stripe_server):
    with session_scope() as session:
        record = start_payment(session, request())
    assert record.status == "pending" and record.client_secret.startswith("pi_")
    assert record.publishable_key == PUBLISHABLE_KEY
    assert record.stripe_js_url == f"{stripe_server.api_base}/js.stripe.com/v3/"
    with session_scope() as session:
        confirm_card(session, record.store_id, record.id, card_4242(stripe_server.api_base))
    # localstripe posts payment_intent.succeeded about a second later; it changes nothing more.
    row = wait_for_status(record.id, "succeeded")
    assert row.gateway_ref == record.client_secret.split("_secret_")[0]
    with session_scope() as session:
        events = events_of(session, record.store_id, record.order_id)
    assert [e.kind for e in events] == ["succeeded"]


def test_starting_twice_with_one_key_gives_one_payment_and_one_intent(demo, stripe_server):
    same = request(key="checkout-123")
    with session_scope() as session:
        first = start_payment(session, same)
    with session_scope() as session:
        second = start_payment(session, same)
        assert [p.id for p in payments_of(session, same.store_id, same.order_id)] == [first.id]
    assert second == first


def test_a_used_key_with_another_amount_is_refused(demo, stripe_server):
    with session_scope() as session:
        start_payment(session, request(key="checkout-9"))
    with session_scope() as session, pytest.raises(ServiceError) as refused:
        start_payment(session, request(key="checkout-9", amount=1))
    assert refused.value.message_key == "payments.error.key_reused"


def test_stripe_unreachable_keeps_the_payment_pending_and_retry_opens_it(demo, stripe_server, monkeypatch):
    monkeypatch.setenv("PAYMENTS_STRIPE_API_BASE", f"http://127.0.0.1:{free_port()}")  # nothing listens
    from modules.payments.config import get_payments_config

    get_payments_config.cache_clear()
    with session_scope() as session:
        with pytest.raises(GatewayUnavailable):
            start_payment(session, request(key="order-77", order_id=77))
        session.commit()  # the order keeps its pending payment
    with session_scope() as session:
        (kept,) = payments_of(session, scope()[0], 77)
    assert kept.status == "pending" and kept.client_secret == ""
    stripe_server.point_payments_here()
    with session_scope() as session:
        retried = retry_payment(session, kept.store_id, kept.id)
    assert retried.id == kept.id and retried.client_secret.startswith("pi_")


def test_a_partial_then_a_full_refund_go_through_localstripe_and_never_past_the_amount(demo, stripe_server):
    record = paid_card_payment(stripe_server, amount=3000)
    with session_scope() as session:
        partly = refund(
            session, store_id=record.store_id, payment_id=record.id, amount_cents=1000, actor="Marie"
        )
    assert (partly.status, partly.refunded_cents) == ("succeeded", 1000)
    with session_scope() as session, pytest.raises(FieldErrors) as refused:
        refund(session, store_id=record.store_id, payment_id=record.id, amount_cents=2001, actor="Marie")
    assert refused.value.errors == {"amount": "payments.error.refund_amount"}
    with session_scope() as session:
        fully = refund(
            session, store_id=record.store_id, payment_id=record.id, amount_cents=2000, actor="Marie"
        )
        refunds = session.exec(select(Refund.amount_cents).where(Refund.payment_id == record.id)).all()
        events = events_of(session, record.store_id, record.order_id)
    assert fully.refunded_cents == 3000 and sorted(refunds) == [1000, 2000]
    assert [(e.kind, e.refunded_cents, e.actor) for e in events[1:]] == [
        ("refunded", 1000, "Marie"),
        ("refunded", 3000, "Marie"),
    ]
    # Stripe's charge.refunded (localstripe sends none) agrees: nothing is counted twice.
    agreeing = stripe_event("charge.refunded", payment_row(record.id).gateway_ref, amount=3000, refunded=3000)
    assert deliver(stripe_server.webhook_url, agreeing).json() == {"outcome": "unchanged"}
    assert payment_row(record.id).refunded_cents == 3000


def test_a_refund_made_in_stripe_itself_arrives_by_webhook(demo, stripe_server):
    record = paid_card_payment(stripe_server)
    event = stripe_event("charge.refunded", payment_row(record.id).gateway_ref, refunded=599)
    assert deliver(stripe_server.webhook_url, event).json() == {"outcome": "applied"}
    with session_scope() as session:
        last = events_of(session, record.store_id, record.order_id)[-1]
    assert (last.kind, last.refunded_cents, last.actor, last.source) == (
        "refunded",
        599,
        "Stripe",
        f"stripe:{event['id']}",
    )


def test_an_unpaid_payment_cannot_be_refunded(demo, stripe_server):
    with session_scope() as session:
        record = start_payment(session, request())
    with session_scope() as session, pytest.raises(ServiceError) as refused:
        refund(session, store_id=record.store_id, payment_id=record.id, amount_cents=100, actor="Marie")
    assert refused.value.message_key == "payments.error.not_paid"


def test_a_bank_transfer_gives_the_store_account_and_is_marked_paid_by_the_merchant(demo, stripe_server):
    offer_bank_transfer(scope()[0])
    with session_scope() as session:
        record = start_payment(session, request("bank_transfer", order_id=88))
    assert record.instructions == {
        "iban": "LU280019400644750000",
        "bic": "BCEELULL",
        "beneficiary": "Café Lëtzebuerg SARL",
        "reference": "CL-2026-000088",
    }
    assert (record.status, record.client_secret, record.stripe_js_url) == ("pending", "", "")
    for _twice in range(2):
        with session_scope() as session:
            paid = mark_paid(
                session, store_id=record.store_id, payment_id=record.id, actor="Marie Schmit", user_id=3
            )
    with session_scope() as session:
        events = events_of(session, record.store_id, 88)
    assert paid.status == "succeeded"
    assert [(e.kind, e.source, e.actor) for e in events] == [("succeeded", "manual:3", "Marie Schmit")]


def test_a_card_payment_cannot_be_marked_paid_by_hand(demo, stripe_server):
    with session_scope() as session:
        record = start_payment(session, request())
    with session_scope() as session, pytest.raises(ServiceError) as refused:
        mark_paid(session, store_id=record.store_id, payment_id=record.id, actor="Marie")
    assert refused.value.message_key == "payments.error.not_bank_transfer"


def test_a_method_the_store_does_not_offer_is_refused(demo, stripe_server):
    with session_scope() as session, pytest.raises(FieldErrors) as refused:
        start_payment(session, request("bank_transfer"))
    assert refused.value.errors == {"method": "payments.error.method"}


def test_another_store_can_neither_see_nor_refund_nor_mark_paid_a_payment(demo, stripe_server):
    offer_bank_transfer(scope()[0])
    card = paid_card_payment(stripe_server)
    with session_scope() as session:
        bank = start_payment(session, request("bank_transfer", order_id=91))
    other_store = scope("velo-weber")[0]
    with session_scope() as session:
        with pytest.raises(NotFound):
            refund(session, store_id=other_store, payment_id=card.id, amount_cents=100, actor="Jean")
        with pytest.raises(NotFound):
            mark_paid(session, store_id=other_store, payment_id=bank.id, actor="Jean")
        with pytest.raises(NotFound):
            retry_payment(session, other_store, card.id)
        assert payments_of(session, other_store, card.order_id) == []
        assert events_of(session, other_store, card.order_id) == []
    assert (payment_row(card.id).refunded_cents, payment_row(bank.id).status) == (0, "pending")
