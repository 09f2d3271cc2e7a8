"""A refund by line is credited exactly: its credit note holds the refunded lines at their
own VAT rates (not the amount spread over the invoice's rates), one note per refund, and a
refund by amount still spreads over the rates."""

import pytest

from modules.orders.models import Order
from modules.orders.public import place_order
from modules.orders.services.credit_notes import credit_refund
from modules.orders.services.line_refunds import refund_lines
from modules.payments.public import mark_paid, payments_of, refund
from orion_app.db import session_scope
from tests.integration.catalog_helpers import scope
from tests.integration.helpers import use_media_dir
from tests.integration.invoices_helpers import credit_notes_of, invoices_of
from tests.integration.orders_helpers import line_rows, placement, stocked
from tests.integration.payments_helpers import offer_bank_transfer


@pytest.fixture
def two_rate_order(demo, monkeypatch, tmp_path):
    """A paid order of 2 MOKA at 17 % and 3 BOOK at 3 % (plus shipping at 17 %)."""
    use_media_dir(monkeypatch, tmp_path / "media")
    offer_bank_transfer(scope()[0])
    moka = stocked("MOKA", "12,50", 10)[1]
    book = stocked("BOOK", "19,99", 10, vat_rate="3")[1]
    with session_scope() as session:
        record = place_order(session, placement([(moka, 2), (book, 3)]))
    with session_scope() as session:
        mark_paid(session, store_id=record.store_id, payment_id=record.payment.id, actor="Marie")
    return record, [line.id for line in line_rows(record.id)]


def test_refunding_the_3_percent_line_credits_exactly_that_line_at_3_percent(two_rate_order):
    record, (_moka_line, book_line) = two_rate_order
    with session_scope() as session:
        cents = refund_lines(session, record.store_id, record.id, {book_line: 3}, actor="Marie")
    (invoice,) = invoices_of(record.id)
    book = invoice.lines[1]
    assert book["vat_rate"] == "3" and cents == book["gross_cents"] == 5997
    (note,) = credit_notes_of(record.id)
    assert note.totals == [
        {"rate": "3", "net_cents": book["net_cents"], "vat_cents": book["vat_cents"], "gross_cents": 5997}
    ]
    assert (note.lines[0]["title"], note.lines[0]["quantity"]) == (book["title"], 3)
    assert note.refund_ref == f"payment:{record.payment.id}:5997"


def test_units_refunded_one_by_one_add_up_to_the_line_and_each_refund_has_one_note(two_rate_order):
    record, (_moka_line, book_line) = two_rate_order
    for _ in range(3):
        with session_scope() as session:
            refund_lines(session, record.store_id, record.id, {book_line: 1}, actor="Marie")
    with session_scope() as session:  # the refund event again: nothing more to credit
        (payment,) = payments_of(session, record.store_id, record.id)
        order = session.get(Order, record.id)
        assert credit_refund(session, order, payment.id, payment.refunded_cents) is None
    notes = credit_notes_of(record.id)
    assert [n.gross_cents for n in notes] == [1999, 1999, 1999]
    assert {t["rate"] for n in notes for t in n.totals} == {"3"}
    book = invoices_of(record.id)[0].lines[1]
    assert sum(n.net_cents for n in notes) + sum(n.vat_cents for n in notes) == book["gross_cents"]


def test_a_refund_by_amount_still_spreads_over_the_invoices_rates(two_rate_order):
    record, _lines = two_rate_order
    with session_scope() as session:
        refund(session, store_id=record.store_id, payment_id=record.payment.id, amount_cents=1000, actor="M")
    (note,) = credit_notes_of(record.id)
    assert note.gross_cents == 1000 and [t["rate"] for t in note.totals] == ["17", "3"]
