"""Orders and their payments: paid by card (webhook) or by transfer (merchant), refunds,
shuffled and repeated events converging, wrong transitions refused, expiry."""

import random
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from modules.catalog.services.products import create_product
from modules.catalog.services.variants import default_variants
from modules.inventory.models import StockLevel
from modules.inventory.public import levels
from modules.messaging.models import EmailLog
from modules.orders.models import Order, OrderLine
from modules.orders.public import TransitionRefused, add_note, change_status, order_view, place_order
from modules.orders.services.expiry import expire_unpaid
from modules.orders.services.payment_events import handle_payment_event
from modules.orders.services.shipments import mark_delivered, ship
from modules.payments.config import get_payments_config
from modules.payments.public import PaymentEvent, confirm_card, mark_paid, payments_of, refund, retry_payment
from orion_app.db import session_scope
from orion_app.errors import ServiceError
from tests.integration.catalog_helpers import product_form, scope
from tests.integration.orders_helpers import available, placement, stocked, timeline
from tests.integration.payments_helpers import card_4242, offer_bank_transfer, wait_for_status
from tests.stripe_server import free_port


@pytest.fixture
def moka(demo):
    offer_bank_transfer(scope()[0])
    return stocked("MOKA", "12,50", 10)[1]


def place(p):
    with session_scope() as session:
        return place_order(session, p)


def product_of(variant_id: int) -> int:
    with session_scope() as session:
        return session.exec(select(StockLevel.product_id).where(StockLevel.variant_id == variant_id)).first()


def status_of(order_id: int) -> str:
    with session_scope() as session:
        return session.get(Order, order_id).status


def confirmations() -> list[EmailLog]:
    with session_scope() as session:
        return list(session.exec(select(EmailLog).where(EmailLog.kind == "orders.confirmation")))


def event(record, kind: str, source: str, refunded: int = 0) -> PaymentEvent:
    return PaymentEvent(
        kind=kind,
        payment_id=record.payment.id,
        store_id=record.store_id,
        order_id=record.id,
        amount_cents=record.total_cents,
        refunded_cents=refunded,
        source=source,
        actor="Stripe",
        occurred_at=datetime.now(UTC),
    )


def apply(*events: PaymentEvent) -> None:
    for e in events:
        with session_scope() as session:
            handle_payment_event(session, e)


def test_a_card_order_is_paid_by_the_webhook_stock_drops_and_the_french_mail_goes_out(moka, stripe_server):
    record = place(placement([(moka, 2)], method="card"))
    assert record.payment.client_secret.startswith("pi_") and confirmations() == []
    with session_scope() as session:
        confirm_card(session, record.store_id, record.payment.id, card_4242(stripe_server.api_base))
    wait_for_status(record.payment.id, "succeeded")
    assert status_of(record.id) == "paid"
    assert available(moka) == 8
    with session_scope() as session:
        (level,) = levels(session, record.store_id, product_of(moka))
    assert (level.quantity, level.reserved) == (10, 2)  # still on the shelf, reserved until shipped
    (mail,) = confirmations()
    assert mail.language == "fr" and mail.subject.startswith("Votre commande " + record.number)
    assert [(e.kind, e.to_status) for e in timeline(record.id)] == [
        ("status", "pending_payment"),
        ("payment", "succeeded"),
        ("status", "paid"),
    ]


def test_a_bank_transfer_marked_paid_by_the_merchant_makes_the_order_paid(moka):
    record = place(placement([(moka, 3)]))
    with session_scope() as session:
        mark_paid(session, store_id=record.store_id, payment_id=record.payment.id, actor="Marie")
    assert status_of(record.id) == "paid" and available(moka) == 7
    assert len(confirmations()) == 1  # sent at placement, not again when paid
    paid = [e for e in timeline(record.id) if e.to_status == "paid"]
    assert paid[0].actor == "Marie"


def test_a_partial_then_a_full_refund_make_the_order_partially_refunded_then_refunded(moka):
    record = place(placement([(moka, 2)]))
    with session_scope() as session:
        mark_paid(session, store_id=record.store_id, payment_id=record.payment.id, actor="Marie")
    with session_scope() as session:
        refund(
            session, store_id=record.store_id, payment_id=record.payment.id, amount_cents=500, actor="Marie"
        )
    assert status_of(record.id) == "partially_refunded"
    with session_scope() as session:
        rest = record.total_cents - 500
        refund(
            session, store_id=record.store_id, payment_id=record.payment.id, amount_cents=rest, actor="Marie"
        )
    assert status_of(record.id) == "refunded"


@pytest.mark.parametrize("seed", range(5))
def test_shuffled_and_repeated_payment_events_end_in_the_same_state(moka, seed):
    record = place(placement([(moka, 2)]))
    events = [
        event(record, "processing", "stripe:evt_1"),
        event(record, "succeeded", "stripe:evt_2"),
        event(record, "refunded", "stripe:evt_3", refunded=500),
    ]
    shuffled = events * 3
    random.Random(seed).shuffle(shuffled)
    apply(*shuffled)
    assert status_of(record.id) == "partially_refunded"
    assert available(moka) == 8
    payments = [(e.to_status, e.source) for e in timeline(record.id) if e.kind == "payment"]
    assert sorted(payments) == [
        ("processing", "stripe:evt_1"),
        ("refunded", "stripe:evt_3"),
        ("succeeded", "stripe:evt_2"),
    ]
    statuses = [e.to_status for e in timeline(record.id) if e.kind == "status"]
    assert statuses == ["pending_payment", "paid", "partially_refunded"]


def test_a_canceled_payment_cancels_the_unpaid_order_and_gives_its_stock_back(moka):
    record = place(placement([(moka, 4)], method="bank_transfer"))
    apply(event(record, "failed", "stripe:evt_f"))
    assert status_of(record.id) == "pending_payment" and available(moka) == 6
    apply(event(record, "canceled", "stripe:evt_c"), event(record, "canceled", "stripe:evt_c"))
    assert status_of(record.id) == "cancelled" and available(moka) == 10


def test_wrong_transitions_are_refused_with_a_message(moka):
    record = place(placement([(moka, 1)]))
    with session_scope() as session, pytest.raises(TransitionRefused) as refused:
        change_status(session, record.store_id, record.id, "processing", "Marie")
    assert refused.value.message_key == "orders.error.cannot_become.processing"
    with session_scope() as session, pytest.raises(ServiceError) as refused:
        change_status(session, record.store_id, record.id, "shipped", "Marie")
    assert refused.value.message_key == "orders.error.shipment_driven"  # parcels ship it
    with session_scope() as session, pytest.raises(ServiceError) as refused:
        change_status(session, record.store_id, record.id, "paid", "Marie")
    assert refused.value.message_key == "orders.error.payment_driven"
    apply(event(record, "succeeded", "stripe:evt_ok"))
    with session_scope() as session:
        change_status(session, record.store_id, record.id, "processing", "Marie")
    with session_scope() as session:
        line = session.exec(select(OrderLine).where(OrderLine.order_id == record.id)).one()
        parcel = ship(
            session,
            record.store_id,
            record.id,
            {line.id: 1},
            carrier="dpd",
            tracking_number="01234567890123",
            actor="Marie",
        )
    with session_scope() as session:
        mark_delivered(session, record.store_id, record.id, parcel.id, actor="Marie")
    with session_scope() as session, pytest.raises(TransitionRefused):
        change_status(session, record.store_id, record.id, "processing", "Marie")
    with session_scope() as session:
        add_note(session, record.store_id, record.id, "Left with the neighbour.", "Luc")
    with session_scope() as session:
        view = order_view(session, record.store_id, record.id)
    assert view.status == "delivered"
    assert [(e.kind, e.to_status or e.note, e.actor) for e in view.events][-4:] == [
        ("status", "processing", "Marie"),
        ("status", "shipped", "Marie"),  # by her parcel
        ("status", "delivered", "Marie"),  # marked delivered by hand
        ("note", "Left with the neighbour.", "Luc"),
    ]


def test_another_store_cannot_move_or_read_the_order(moka):
    record = place(placement([(moka, 1)]))
    other = scope("velo-weber")[0]
    with session_scope() as session, pytest.raises(ServiceError):
        change_status(session, other, record.id, "cancelled", "Intruder")
    with session_scope() as session, pytest.raises(ServiceError):
        order_view(session, other, record.id)
    assert status_of(record.id) == "pending_payment"


def test_the_merchant_cancelling_an_unpaid_order_gives_its_stock_back(moka):
    record = place(placement([(moka, 3)]))
    with session_scope() as session:
        change_status(session, record.store_id, record.id, "cancelled", "Marie")
    assert status_of(record.id) == "cancelled" and available(moka) == 10


def test_expired_unpaid_orders_are_cancelled_once_and_their_stock_released(moka):
    transfer = place(placement([(moka, 2)]))
    late = datetime.now(UTC) + timedelta(days=8)
    soon = datetime.now(UTC) + timedelta(minutes=5)
    with session_scope() as session:
        assert expire_unpaid(session, now=soon) == 0
    with session_scope() as session:
        assert expire_unpaid(session, now=late) == 1
    with session_scope() as session:
        assert expire_unpaid(session, now=late) == 0
    assert status_of(transfer.id) == "cancelled" and available(moka) == 10
    assert [e.source for e in timeline(transfer.id)][-1] == "job:expiry"


def test_a_digital_product_is_sold_without_stock_and_paid_without_touching_inventory(moka):
    store_id, merchant_id, platform_id = scope()
    with session_scope() as session:
        form = product_form(sku="EBOOK", price="9,90", sale_price="", gtin="", is_digital="1")
        ebook = create_product(session, store_id, merchant_id, platform_id, form)
        ebook_variant = default_variants(session, store_id, [ebook.id])[ebook.id]
    record = place(placement([(ebook_variant, 1), (moka, 1)]))
    with session_scope() as session:
        mark_paid(session, store_id=store_id, payment_id=record.payment.id, actor="Marie")
    assert status_of(record.id) == "paid" and available(moka) == 9


def test_stripe_unreachable_at_placement_keeps_the_order_pending_and_reserved_with_a_retry(
    moka, stripe_server, monkeypatch
):
    monkeypatch.setenv("PAYMENTS_STRIPE_API_BASE", f"http://127.0.0.1:{free_port()}")  # nothing listens
    get_payments_config.cache_clear()
    record = place(placement([(moka, 2)], method="card"))
    assert record.payment is None and record.status == "pending_payment"
    assert status_of(record.id) == "pending_payment" and available(moka) == 8
    stripe_server.point_payments_here()
    with session_scope() as session:
        (kept,) = payments_of(session, record.store_id, record.id)
        retried = retry_payment(session, record.store_id, kept.id)
    assert retried.client_secret.startswith("pi_")
    with session_scope() as session:
        confirm_card(session, record.store_id, retried.id, card_4242(stripe_server.api_base))
    wait_for_status(retried.id, "succeeded")
    assert status_of(record.id) == "paid" and available(moka) == 8
