"""Invoices and credit notes: issued at payment, once, numbered per merchant and year
without gaps (20 issuers at once on PostgreSQL), PDF/A-3 with a Factur-X XML that the
schema accepts, a credit note per refund, a failed rendering retried by the job."""

import threading

import facturx
import pytest
from sqlmodel import select

from modules.orders import jobs
from modules.orders.models import DocumentSequence
from modules.orders.services import document_files
from modules.orders.services.credit_notes import issue_credit_note
from modules.orders.services.document_files import read_pdf
from modules.orders.services.document_numbers import INVOICE, next_document_number
from modules.orders.services.invoices import issue_invoice, save_invoice_settings
from modules.payments.public import refund
from orion_app.db import session_scope
from orion_app.errors import ServiceError
from tests.integration.catalog_helpers import scope
from tests.integration.helpers import use_media_dir
from tests.integration.invoices_helpers import (
    credit_notes_of,
    invoices_of,
    order_status,
    paid_order,
    pdf_attachments,
)
from tests.integration.orders_helpers import stocked
from tests.integration.payments_helpers import offer_bank_transfer


@pytest.fixture
def moka(demo, monkeypatch, tmp_path):
    use_media_dir(monkeypatch, tmp_path / "media")
    offer_bank_transfer(scope()[0])
    return stocked("MOKA", "12,50", 50)[1]


def test_an_order_marked_paid_gets_its_invoice_with_lines_totals_per_rate_and_a_stored_pdf(moka):
    record = paid_order(moka, 2)
    (invoice,) = invoices_of(record.id)
    assert invoice.number.startswith("INV-") and invoice.number.endswith("-000001")
    assert invoice.status == "issued" and invoice.language == "fr"
    assert invoice.seller["legal_name"] == "Café Lëtzebuerg SARL"
    assert invoice.buyer["name"] == "Léa Weber" and invoice.buyer["order_number"] == record.number
    assert [line["gross_cents"] for line in invoice.lines] == [2500, 490]  # 2 x 12,50 and the shipping
    assert invoice.gross_cents == record.total_cents == sum(t["gross_cents"] for t in invoice.totals)
    assert invoice.net_cents + invoice.vat_cents == invoice.gross_cents
    pdf = read_pdf(invoice)
    assert pdf is not None and pdf.startswith(b"%PDF")


def test_the_pdf_opens_and_carries_a_factur_x_xml_the_schema_accepts(moka):
    invoice = invoices_of(paid_order(moka, 3).id)[0]
    xml = pdf_attachments(read_pdf(invoice))["factur-x.xml"]
    assert facturx.xml_check_xsd(xml, flavor="factur-x", level="basic")
    assert f"<ram:ID>{invoice.number}</ram:ID>".encode() in xml
    assert b"<ram:TypeCode>380</ram:TypeCode>" in xml


def test_issuing_twice_returns_the_same_invoice_and_takes_no_second_number(moka):
    record = paid_order(moka)
    with session_scope() as session:
        again = issue_invoice(session, record.store_id, record.id)
    (invoice,) = invoices_of(record.id)
    assert again.id == invoice.id and again.number == invoice.number
    with session_scope() as session:
        (sequence,) = session.exec(select(DocumentSequence).where(DocumentSequence.kind == INVOICE)).all()
    assert sequence.last == 1


def test_numbers_run_per_merchant_and_start_again_each_year(moka):
    first, second = paid_order(moka), paid_order(moka)
    offer_bank_transfer(scope("velo-weber")[0])
    velo = stocked("VELO", "300,00", 5, store="velo-weber")[1]
    other_merchant = paid_order(velo, 1, store="velo-weber")
    numbers = [invoices_of(r.id)[0].number[-6:] for r in (first, second, other_merchant)]
    assert numbers == ["000001", "000002", "000001"]
    with session_scope() as session:
        assert next_document_number(session, scope()[1], 2099, INVOICE) == "INV-2099-000001"


def test_a_store_invoicing_at_shipment_issues_nothing_at_payment(moka):
    with session_scope() as session:
        save_invoice_settings(session, scope()[0], invoice_on="shipment")
    record = paid_order(moka)
    assert order_status(record.id) == "paid" and invoices_of(record.id) == []


def test_each_refund_issues_one_credit_note_for_its_amount_referencing_the_invoice(moka):
    record = paid_order(moka, 2)
    for amount in (500, 700):
        with session_scope() as session:
            refund(
                session,
                store_id=record.store_id,
                payment_id=record.payment.id,
                amount_cents=amount,
                actor="Marie",
            )
    (invoice,) = invoices_of(record.id)
    notes = credit_notes_of(record.id)
    assert [n.gross_cents for n in notes] == [500, 700]
    assert [n.number[-6:] for n in notes] == ["000001", "000002"]
    assert {n.invoice_id for n in notes} == {invoice.id}
    xml = pdf_attachments(read_pdf(notes[0]))["factur-x.xml"]
    assert facturx.xml_check_xsd(xml, flavor="factur-x", level="basic")
    assert b"<ram:TypeCode>381</ram:TypeCode>" in xml and invoice.number.encode() in xml


def test_a_credit_note_by_line_and_one_beyond_the_invoice_is_refused(moka):
    record = paid_order(moka, 2)
    with session_scope() as session:
        note = issue_credit_note(session, record.store_id, record.id, refund_ref="manual:1", lines=[(0, 1)])
    assert (note.gross_cents, note.lines[0]["quantity"]) == (1250, 1)
    with session_scope() as session, pytest.raises(ServiceError):
        issue_credit_note(
            session, record.store_id, record.id, refund_ref="manual:2", amount_cents=record.total_cents
        )
    with session_scope() as session:  # the same refund again: the same note
        same = issue_credit_note(session, record.store_id, record.id, refund_ref="manual:1", lines=[(0, 1)])
    assert same.id == note.id and len(credit_notes_of(record.id)) == 1


def test_a_failed_rendering_keeps_the_number_leaves_the_order_paid_and_the_job_renders_it(moka, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("renderer down")

    renderer = document_files.render_document
    monkeypatch.setattr(document_files, "render_document", broken)
    record = paid_order(moka)
    (invoice,) = invoices_of(record.id)
    assert order_status(record.id) == "paid"
    assert (invoice.status, invoice.pdf_path, read_pdf(invoice)) == ("render_failed", "", None)
    monkeypatch.setattr(document_files, "render_document", renderer)  # the renderer is back
    assert jobs.render_pending_documents() == 1
    (rendered,) = invoices_of(record.id)
    assert rendered.number == invoice.number and rendered.status == "issued"
    assert "factur-x.xml" in pdf_attachments(read_pdf(rendered))


@pytest.mark.parametrize("database", ["postgresql"], indirect=True)
def test_twenty_issuers_at_once_get_twenty_consecutive_numbers(moka):
    with session_scope() as session:
        save_invoice_settings(session, scope()[0], invoice_on="shipment")
    orders = [paid_order(moka, 1) for _ in range(20)]
    start, errors = threading.Barrier(20), []

    def issue(record) -> None:
        start.wait()
        try:
            with session_scope() as session:
                issue_invoice(session, record.store_id, record.id)
        except Exception as error:  # any failure is reported by the assertion below
            errors.append(error)

    threads = [threading.Thread(target=issue, args=(record,)) for record in orders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert errors == []
    numbers = sorted(int(invoices_of(r.id)[0].number[-6:]) for r in orders)
    assert numbers == list(range(1, 21))
