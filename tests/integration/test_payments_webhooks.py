"""POST /webhooks/stripe: signatures, timestamps, unknown types, duplicates and any order."""

import random
import time

from sqlmodel import select

from modules.payments.models import GatewayEvent, PaymentEventRow
from modules.payments.public import start_payment
from orion_app.db import session_scope
from tests.integration.payments_helpers import deliver, gateway_events, payment_row, request, stripe_event


def open_intent(stripe_server, amount: int = 2599) -> tuple[int, str]:
    with session_scope() as session:
        record = start_payment(session, request(amount=amount))
    return record.id, payment_row(record.id).gateway_ref


def dispatched(payment_id: int) -> list[tuple[str, int]]:
    with session_scope() as session:
        rows = session.exec(
            select(PaymentEventRow)
            .where(PaymentEventRow.payment_id == payment_id)
            .order_by(PaymentEventRow.id)
        ).all()
    return [(r.kind, r.refunded_cents) for r in rows]


def test_a_well_signed_event_is_applied_and_recorded(demo, stripe_server):
    payment_id, intent = open_intent(stripe_server)
    event = stripe_event("payment_intent.succeeded", intent)
    response = deliver(stripe_server.webhook_url, event)
    assert (response.status_code, response.json()) == (200, {"outcome": "applied"})
    (row,) = gateway_events(event["id"])
    assert (row.type, row.outcome, row.payment_id) == ("payment_intent.succeeded", "applied", payment_id)
    assert payment_row(payment_id).status == "succeeded"


def test_a_bad_signature_is_refused_with_400_recorded_and_changes_nothing(demo, stripe_server):
    payment_id, intent = open_intent(stripe_server)
    before = len(gateway_events())
    response = deliver(
        stripe_server.webhook_url, stripe_event("payment_intent.succeeded", intent), secret="whsec_forged"
    )
    assert response.status_code == 400
    rejected = gateway_events()[before:]
    assert [r.outcome for r in rejected] == ["rejected"] and "signature" in rejected[0].detail.lower()
    assert payment_row(payment_id).status == "pending"


def test_an_event_signed_more_than_300_s_ago_is_refused(demo, stripe_server):
    payment_id, intent = open_intent(stripe_server)
    old = int(time.time()) - 301
    response = deliver(stripe_server.webhook_url, stripe_event("payment_intent.succeeded", intent), at=old)
    assert response.status_code == 400 and gateway_events()[-1].outcome == "rejected"
    assert payment_row(payment_id).status == "pending"


def test_an_event_signed_more_than_300_s_in_the_future_is_refused(demo, stripe_server):
    payment_id, intent = open_intent(stripe_server)
    future = int(time.time()) + 302  # whole seconds: one more so the test never rounds into 300
    response = deliver(stripe_server.webhook_url, stripe_event("payment_intent.succeeded", intent), at=future)
    assert response.status_code == 400
    assert (gateway_events()[-1].outcome, gateway_events()[-1].detail) == (
        "rejected",
        "Timestamp in the future",
    )
    assert payment_row(payment_id).status == "pending"


def test_an_event_signed_a_little_earlier_or_later_is_accepted(demo, stripe_server):
    for skew in (-250, 250):
        _payment_id, intent = open_intent(stripe_server)
        at = int(time.time()) + skew
        assert (
            deliver(
                stripe_server.webhook_url, stripe_event("payment_intent.succeeded", intent), at=at
            ).status_code
            == 200
        )


def test_an_unknown_event_type_answers_200_and_is_recorded_as_ignored(demo, stripe_server):
    event = stripe_event("payment_intent.succeeded", "pi_x")
    event["type"] = "customer.created"
    response = deliver(stripe_server.webhook_url, event)
    assert (response.status_code, response.json()) == (200, {"outcome": "ignored"})
    assert gateway_events(event["id"])[0].outcome == "ignored"


def test_an_event_for_no_payment_of_ours_is_recorded_as_unmatched(demo, stripe_server):
    event = stripe_event("payment_intent.succeeded", "pi_not_ours")
    assert deliver(stripe_server.webhook_url, event).json() == {"outcome": "unmatched"}


def test_the_same_event_twenty_times_has_one_effect(demo, stripe_server):
    payment_id, intent = open_intent(stripe_server)
    paid = stripe_event("payment_intent.succeeded", intent)
    deliver(stripe_server.webhook_url, paid)
    event = stripe_event("charge.refunded", intent, refunded=700)
    outcomes = [deliver(stripe_server.webhook_url, event).json()["outcome"] for _ in range(20)]
    assert outcomes == ["applied"] + ["duplicate"] * 19
    (row,) = gateway_events(event["id"])
    assert row.deliveries == 20
    assert dispatched(payment_id) == [("succeeded", 0), ("refunded", 700)]
    assert payment_row(payment_id).refunded_cents == 700


def test_shuffled_events_end_in_the_same_state(demo, stripe_server):
    finals = set()
    for seed in range(6):
        payment_id, intent = open_intent(stripe_server, amount=5000)
        events = [
            stripe_event("payment_intent.processing", intent, amount=5000),
            stripe_event("payment_intent.payment_failed", intent, amount=5000),
            stripe_event("payment_intent.succeeded", intent, amount=5000),
            stripe_event("charge.refunded", intent, amount=5000, refunded=1000),
            stripe_event("charge.refunded", intent, amount=5000, refunded=2500),
        ]
        random.Random(seed).shuffle(events)
        for event in events:
            assert deliver(stripe_server.webhook_url, event).status_code == 200
        row = payment_row(payment_id)
        finals.add((row.status, row.refunded_cents))
        assert dispatched(payment_id)[-1][1] == 2500
    assert finals == {("succeeded", 2500)}


def test_succeeded_before_processing_ends_succeeded(demo, stripe_server):
    payment_id, intent = open_intent(stripe_server)
    for kind in ("payment_intent.succeeded", "payment_intent.processing"):
        deliver(stripe_server.webhook_url, stripe_event(kind, intent))
    assert payment_row(payment_id).status == "succeeded"
    assert dispatched(payment_id) == [("succeeded", 0)]
    with session_scope() as session:
        outcomes = session.exec(select(GatewayEvent.outcome).order_by(GatewayEvent.id.desc()).limit(2)).all()
    assert list(outcomes) == ["unchanged", "applied"]
