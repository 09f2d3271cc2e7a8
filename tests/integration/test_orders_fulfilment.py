"""Fulfilment and returns: partial shipments by line, over-shipping refused, carrier
patterns, stock consumed at shipping with the order number, the shipped mail with its
tracking link, returns within the window with restock or write-off, refunds by line, and
another store's order, parcel or return refused."""

from datetime import timedelta

import pytest
from sqlmodel import select

from modules.inventory.public import levels, movements
from modules.messaging.models import EmailLog
from modules.orders.models import Invoice, Order, OrderLine, Shipment
from modules.orders.public import change_status, place_order
from modules.orders.services.carriers import checked, tracking_link
from modules.orders.services.invoices import save_invoice_settings
from modules.orders.services.line_refunds import refund_lines
from modules.orders.services.returns import decide, receive, request_return, set_return_days
from modules.orders.services.shipments import mark_delivered, ship
from modules.payments.public import mark_paid, payments_of
from orion_app.db import session_scope
from orion_app.errors import FieldErrors, NotFound, ServiceError
from tests.integration.catalog_helpers import scope
from tests.integration.orders_helpers import available, line_rows, placement, stocked
from tests.integration.payments_helpers import offer_bank_transfer

DPD = "01234567890123"


@pytest.fixture
def paid_order(demo):
    """A paid bank-transfer order of 3 MOKA and 2 LUNGO (10 of each in stock)."""
    offer_bank_transfer(scope()[0])
    moka, lungo = stocked("MOKA", "12,50", 10)[1], stocked("LUNGO", "9", 10)[1]
    with session_scope() as session:
        record = place_order(session, placement([(moka, 3), (lungo, 2)]))
    with session_scope() as session:
        mark_paid(session, store_id=record.store_id, payment_id=record.payment.id, actor="Marie")
    lines = [line.id for line in line_rows(record.id)]
    return record, moka, lungo, lines


def status_of(order_id: int) -> str:
    with session_scope() as session:
        return session.get(Order, order_id).status


def shipped_mails() -> list[EmailLog]:
    with session_scope() as session:
        return list(
            session.exec(select(EmailLog).where(EmailLog.kind == "orders.shipped").order_by(EmailLog.id))
        )


def shelf(variant_id: int) -> tuple[int, int]:
    with session_scope() as session:
        product_id = session.exec(
            select(OrderLine.product_id).where(OrderLine.variant_id == variant_id)
        ).first()
        (level,) = levels(session, scope()[0], product_id, variant_id)
        return level.quantity, level.reserved


def send(record, quantities, carrier="dpd", number=DPD, store_id=None):
    with session_scope() as session:
        return ship(
            session,
            store_id or record.store_id,
            record.id,
            quantities,
            carrier=carrier,
            tracking_number=number,
            actor="Marie",
        ).id


def test_a_paid_order_keeps_its_units_reserved_until_they_ship(paid_order):
    record, moka, _lungo, _ = paid_order
    assert status_of(record.id) == "paid"
    assert shelf(moka) == (10, 3) and available(moka) == 7


def test_a_partial_shipment_consumes_its_units_with_the_order_number_and_mails_the_tracking_link(paid_order):
    record, moka, lungo, (moka_line, lungo_line) = paid_order
    send(record, {moka_line: 2})
    assert status_of(record.id) == "processing"
    assert shelf(moka) == (8, 1) and shelf(lungo) == (10, 2)
    with session_scope() as session:
        latest = movements(session, record.store_id, variant_id=moka, limit=1)[0]
    assert latest.kind == "consume" and record.number in latest.reason
    (mail,) = shipped_mails()
    link = "https://tracking.dpd.de/status/en_US/parcel/" + DPD
    assert mail.language == "fr" and mail.subject.startswith(f"Votre commande {record.number} est en route")
    assert link in mail.body_text and "en partie" in mail.subject

    send(record, {moka_line: 1, lungo_line: 2}, carrier="ups", number="1z 999 aa1 01 2345 6784")
    assert status_of(record.id) == "shipped"
    assert shelf(moka) == (7, 0) and shelf(lungo) == (8, 0)
    assert "https://www.ups.com/track?tracknum=1Z999AA10123456784" in shipped_mails()[-1].body_text


def test_shipping_more_than_ordered_less_shipped_is_refused_next_to_the_line(paid_order):
    record, moka, _lungo, (moka_line, lungo_line) = paid_order
    send(record, {moka_line: 2})
    with pytest.raises(FieldErrors) as refused:
        send(record, {moka_line: 2, lungo_line: 1})
    assert refused.value.errors == {f"qty_{moka_line}": "orders.fulfilment.error.over_shipped"}
    assert refused.value.field_params[f"qty_{moka_line}"] == {"left": 1}
    with pytest.raises(FieldErrors) as nothing:
        send(record, {moka_line: 0})
    assert "lines" in nothing.value.errors
    assert shelf(moka) == (8, 1) and len(shipped_mails()) == 1


def test_an_unpaid_order_cannot_ship(demo):
    offer_bank_transfer(scope()[0])
    moka = stocked("MOKA", "12,50", 10)[1]
    with session_scope() as session:
        record = place_order(session, placement([(moka, 1)]))
    with pytest.raises(ServiceError):
        send(record, {line_rows(record.id)[0].id: 1})


@pytest.mark.parametrize(
    ("carrier", "good", "bad"),
    [
        ("post_lu", "CP123456785LU", "123456"),
        ("dhl", "1234567890", "12345"),
        ("dpd", "0123 4567 8901 23", "0123456789"),
        ("gls", "12345678901", "1234"),
        ("ups", "1Z999AA10123456784", "2Z999AA10123456784"),
    ],
)
def test_each_carrier_takes_its_own_tracking_numbers_and_refuses_others(carrier, good, bad):
    found, number, _ = checked(carrier, good)
    assert tracking_link(found.code, number).startswith("https://") and number in tracking_link(
        found.code, number
    )
    with pytest.raises(FieldErrors) as refused:
        checked(carrier, bad)
    assert refused.value.errors == {"tracking_number": "orders.fulfilment.error.tracking_pattern"}


def test_another_carrier_needs_its_https_tracking_link():
    with pytest.raises(FieldErrors) as refused:
        checked("other", "ABC-1", "http://track.example/ABC-1")
    assert refused.value.errors == {"tracking_url": "orders.fulfilment.error.tracking_url"}
    found, _number, url = checked("other", "ABC-1", "https://track.example/ABC-1")
    assert tracking_link(found.code, "ABC-1", url) == "https://track.example/ABC-1"


def test_cancelling_a_paid_partly_shipped_order_gives_back_only_the_unshipped_units(paid_order):
    record, moka, lungo, (moka_line, _lungo_line) = paid_order
    send(record, {moka_line: 2})
    with session_scope() as session:
        change_status(session, record.store_id, record.id, "cancelled", "Marie")
    assert shelf(moka) == (8, 0) and shelf(lungo) == (10, 0)


def test_delivered_by_hand_once_every_parcel_arrived(paid_order):
    record, _moka, _lungo, (moka_line, lungo_line) = paid_order
    first = send(record, {moka_line: 3})
    second = send(record, {lungo_line: 2})
    with session_scope() as session:
        mark_delivered(session, record.store_id, record.id, first, actor="Marie")
    assert status_of(record.id) == "shipped"
    with session_scope() as session:
        mark_delivered(session, record.store_id, record.id, second, actor="Marie")
    assert status_of(record.id) == "delivered"


def test_a_return_in_the_window_is_accepted_received_and_restocked_or_written_off(paid_order):
    record, moka, lungo, (moka_line, lungo_line) = paid_order
    send(record, {moka_line: 3, lungo_line: 2})
    with session_scope() as session:
        order = session.get(Order, record.id)
        with pytest.raises(FieldErrors) as too_many:
            request_return(session, order, {moka_line: 4}, "Trop", customer_id=None)
        assert too_many.value.errors == {f"ret_{moka_line}": "orders.returns.error.quantity"}
        asked = request_return(session, order, {moka_line: 2, lungo_line: 1}, "Abîmé", customer_id=None).id
    with session_scope() as session:
        decide(session, record.store_id, record.id, asked, True, "Marie")
    with session_scope() as session:
        receive(
            session,
            record.store_id,
            record.id,
            asked,
            {moka_line: "restock", lungo_line: "write_off"},
            actor="Marie",
            user_id=None,
        )
    assert shelf(moka) == (9, 0) and shelf(lungo) == (8, 0)
    with session_scope() as session:
        (restocked,) = movements(session, record.store_id, variant_id=moka, limit=1)
        (written,) = movements(session, record.store_id, variant_id=lungo, limit=1)
    assert restocked.reason == f"return {record.number}" and restocked.quantity_after == 9
    assert written.kind == "write_off" and written.quantity_after == written.quantity_before == 8


def test_a_return_after_the_window_is_refused(paid_order):
    record, _moka, _lungo, (moka_line, _lungo_line) = paid_order
    shipment = send(record, {moka_line: 3})
    with session_scope() as session:
        parcel = session.get(Shipment, shipment)
        parcel.shipped_at = parcel.shipped_at - timedelta(days=15)
        session.add(parcel)
    with session_scope() as session, pytest.raises(ServiceError) as late:
        request_return(session, session.get(Order, record.id), {moka_line: 1}, "Late", customer_id=None)
    assert late.value.message_key == "orders.returns.error.window"
    with session_scope() as session:
        set_return_days(session, record.store_id, "30")
    with session_scope() as session:
        request_return(session, session.get(Order, record.id), {moka_line: 1}, "Late", customer_id=None)


def test_nothing_shipped_nothing_to_return(paid_order):
    record, _moka, _lungo, (moka_line, _lungo_line) = paid_order
    with session_scope() as session, pytest.raises(ServiceError):
        request_return(session, session.get(Order, record.id), {moka_line: 1}, "Why", customer_id=None)


def test_a_refund_by_line_is_priced_on_the_server_and_never_exceeds_the_line(paid_order):
    record, _moka, _lungo, (moka_line, lungo_line) = paid_order
    with session_scope() as session:
        cents = refund_lines(session, record.store_id, record.id, {lungo_line: 1}, actor="Marie")
    assert cents == 900
    with session_scope() as session:
        (payment,) = payments_of(session, record.store_id, record.id)
    assert payment.refunded_cents == 900 and status_of(record.id) == "partially_refunded"
    with session_scope() as session, pytest.raises(FieldErrors) as refused:
        refund_lines(session, record.store_id, record.id, {lungo_line: 2}, actor="Marie")
    assert refused.value.field_params[f"ref_{lungo_line}"] == {"left": 1}
    with session_scope() as session:
        assert refund_lines(session, record.store_id, record.id, {moka_line: 3}, actor="Marie") == 3750


def test_another_stores_order_shipment_and_return_ids_are_refused(paid_order):
    record, _moka, _lungo, (moka_line, _lungo_line) = paid_order
    theirs = scope("velo-weber")[0]
    with pytest.raises(NotFound):
        send(record, {moka_line: 1}, store_id=theirs)
    shipment = send(record, {moka_line: 1})
    with session_scope() as session, pytest.raises(NotFound):
        mark_delivered(session, theirs, record.id, shipment, actor="Mallory")
    with session_scope() as session, pytest.raises(NotFound):
        refund_lines(session, theirs, record.id, {moka_line: 1}, actor="Mallory")
    with session_scope() as session, pytest.raises(NotFound):
        decide(session, theirs, record.id, 1, True, "Mallory")
    with session_scope() as session, pytest.raises(NotFound):  # a line id of no order of this one
        ship(session, record.store_id, record.id, {10**6: 1}, carrier="dpd", tracking_number=DPD, actor="M")


def test_a_store_invoicing_at_shipment_issues_the_invoice_with_the_first_parcel_only(demo):
    offer_bank_transfer(scope()[0])
    with session_scope() as session:
        save_invoice_settings(session, scope()[0], invoice_on="shipment")
    moka = stocked("MOKA", "12,50", 10)[1]
    with session_scope() as session:
        record = place_order(session, placement([(moka, 2)]))
    with session_scope() as session:
        mark_paid(session, store_id=record.store_id, payment_id=record.payment.id, actor="Marie")
    assert invoices_of(record.id) == []
    line = line_rows(record.id)[0].id
    send(record, {line: 1})
    (first,) = invoices_of(record.id)
    send(record, {line: 1})
    assert invoices_of(record.id) == [first]


def invoices_of(order_id: int) -> list[str]:
    with session_scope() as session:
        return list(session.exec(select(Invoice.number).where(Invoice.order_id == order_id)))
