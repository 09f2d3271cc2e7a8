"""Invoice downloads and the documents list: the merchant's own store only, the shopper's
own orders (by account or by the order's status link) only, everything else a 404; the
accountant's ZIP holds the PDFs and a journal whose lines add up per rate."""

import csv
import io
import zipfile
from decimal import Decimal

import pytest
from starlette.testclient import TestClient

from modules.customers.public import signed_in_customer
from modules.orders.services.documents import DOCUMENTS_DOWNLOAD, DOCUMENTS_ZIP, SHOP_DOCUMENT
from modules.orders.services.invoices import invoices_on
from modules.orders.services.returns import return_days
from modules.orders.state.documents import DocumentsState
from modules.payments.public import refund
from orion_app.api import build_api
from orion_app.db import session_scope
from orion_app.i18n import translate
from orion_app.registry import get_registry
from tests.integration.catalog_helpers import scope
from tests.integration.helpers import Browser, Tab, use_media_dir
from tests.integration.invoices_helpers import credit_notes_of, invoices_of, paid_order, pdf_attachments
from tests.integration.orders_helpers import stocked
from tests.integration.orders_pages_helpers import JEAN, MARIE, detail_tab, status_tab
from tests.integration.payments_helpers import offer_bank_transfer

CAFE = "/platforms/oms/storefront/cafe-lux/"
PAGE = "http://localhost:3000"


@pytest.fixture
def moka(demo, monkeypatch, tmp_path):
    use_media_dir(monkeypatch, tmp_path / "media")
    for store in ("cafe-lux", "velo-weber"):
        offer_bank_transfer(scope(store)[0])
    return stocked("MOKA", "12,50", 50)[1]


def shopper(client: TestClient, email: str) -> int:
    """A new account at the café, signed in on `client`; its customer id."""
    form = {
        "name": "Zoë Müller",
        "email": email,
        "password": "long-enough-pw",
        "language": "fr",
        "base": CAFE,
    }
    response = client.post("/api/shop/sign-up", data=form, headers={"Origin": PAGE}, follow_redirects=False)
    assert response.status_code == 303, response.text
    token = next(iter(response.cookies.values()))
    with session_scope() as session:
        return signed_in_customer(session, scope()[0], token).id


def test_the_merchant_downloads_her_invoice_and_another_merchant_gets_404(moka):
    browser, record = Browser(), paid_order(moka)
    number = invoices_of(record.id)[0].number
    mine = browser.get(DOCUMENTS_DOWNLOAD.format(store="cafe-lux", number=number), MARIE)
    assert mine.status_code == 200 and mine.headers["content-type"] == "application/pdf"
    assert "factur-x.xml" in pdf_attachments(mine.content)
    assert browser.get(DOCUMENTS_DOWNLOAD.format(store="velo-weber", number=number), JEAN).status_code == 404
    assert (
        browser.get(DOCUMENTS_DOWNLOAD.format(store="cafe-lux", number="INV-1999-000001"), MARIE).status_code
        == 404
    )
    assert browser.get(DOCUMENTS_DOWNLOAD.format(store="cafe-lux", number=number)).status_code == 401


def test_a_shopper_downloads_her_own_invoice_and_another_shopper_gets_404(moka):
    zoe, other = TestClient(build_api(get_registry())), TestClient(build_api(get_registry()))
    record = paid_order(moka, customer_id=shopper(zoe, "zoe@example.lu"))
    shopper(other, "max@example.lu")
    path = SHOP_DOCUMENT.format(order=record.number, number=invoices_of(record.id)[0].number)
    assert zoe.get(path, params={"base": CAFE}).status_code == 200
    assert other.get(path, params={"base": CAFE}).status_code == 404
    stranger = TestClient(build_api(get_registry()))
    assert stranger.get(path, params={"base": CAFE}).status_code == 404
    assert stranger.get(path, params={"base": CAFE, "token": "guessed"}).status_code == 404
    linked = stranger.get(path, params={"base": CAFE, "token": record.status_token})
    assert linked.status_code == 200 and linked.content.startswith(b"%PDF")


def test_the_documents_page_lists_the_period_and_the_zip_holds_pdfs_and_a_journal(moka):
    record = paid_order(moka, 2)
    with session_scope() as session:
        refund(
            session, store_id=record.store_id, payment_id=record.payment.id, amount_cents=500, actor="Marie"
        )
    invoice, note = invoices_of(record.id)[0], credit_notes_of(record.id)[0]
    tab = Tab(
        DocumentsState, "/store/cafe-lux/documents", Browser().token(MARIE), rows=[], since="", until=""
    )
    tab.call("load")
    assert [(r["kind"], r["number"]) for r in tab.rows] == [
        ("invoice", invoice.number),
        ("credit_note", note.number),
    ]
    tab.call("apply_period", form={"since": "2001-01-01", "until": "2001-12-31"})
    assert tab.rows == []
    tab.call("apply_period", form={"since": "2030-01-02", "until": "2030-01-01"})
    assert set(tab.errors) == {"until"}

    response = Browser().get(DOCUMENTS_ZIP.format(store="cafe-lux"), MARIE, lang="en")
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = sorted(archive.namelist())
    assert names == [
        "documents-cafe-lux/credit-notes/" + note.number + ".pdf",
        "documents-cafe-lux/invoices/" + invoice.number + ".pdf",
        "documents-cafe-lux/journal.csv",
    ]
    journal = list(csv.DictReader(io.StringIO(archive.read("documents-cafe-lux/journal.csv").decode())))
    assert {line["Number"] for line in journal} == {invoice.number, note.number}
    credit = translate("orders.documents.kind.credit_note", "en")
    gross = sum(Decimal(line["Gross"]) * (-1 if line["Type"] == credit else 1) for line in journal)
    assert gross * 100 == invoice.gross_cents - 500
    assert Browser().get(DOCUMENTS_ZIP.format(store="cafe-lux"), JEAN).status_code in (403, 404)


def test_the_status_page_lists_the_invoice_with_a_link_that_downloads_it(moka):
    record = paid_order(moka)
    tab = status_tab(record.number, record.status_token)
    tab.documents = []
    tab.call("load")
    (document,) = tab.documents
    assert (document["kind"], document["ready"]) == ("invoice", "1")
    assert document["number"] == invoices_of(record.id)[0].number
    response = TestClient(build_api(get_registry())).get(document["href"])
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_the_merchants_order_page_lists_the_invoice_and_the_credit_note(moka):
    record = paid_order(moka)
    with session_scope() as session:
        refund(
            session, store_id=record.store_id, payment_id=record.payment.id, amount_cents=300, actor="Marie"
        )
    browser = Browser()
    tab = detail_tab(browser, MARIE, record.id)
    assert [d["kind"] for d in tab.documents] == ["invoice", "credit_note"]
    assert browser.get(tab.documents[1]["href"], MARIE).status_code == 200


def documents_tab(email: str) -> Tab:
    fields = dict(
        rows=[], since="", until="", errors={}, settings={}, settings_errors={}, settings_saved=False
    )
    tab = Tab(DocumentsState, "/store/cafe-lux/documents", Browser().token(email), **fields)
    tab.call("load")
    return tab


def test_marie_sets_the_seller_details_next_invoices_print_them_and_bad_input_stays_by_its_field(moka):
    tab = documents_tab(MARIE)
    assert tab.can_manage and tab.settings["invoice_on"] == "payment"
    tab.call(
        "save_settings", form={"invoice_on": "never", "registration_number": "B" * 41, "return_days": "14"}
    )
    assert set(tab.settings_errors) == {"invoice_on", "registration_number"} and not tab.settings_saved
    address = "2, rue du Marché\nL-1111 Luxembourg"
    tab.call(
        "save_settings",
        form={
            "invoice_on": "payment",
            "seller_address": address,
            "registration_number": "B123456",
            "return_days": "14",
        },
    )
    assert tab.settings_saved and tab.settings["registration_number"] == "B123456"
    seller = invoices_of(paid_order(moka).id)[0].seller
    assert (seller["address"], seller["registration_number"]) == (address, "B123456")


def test_marie_sets_the_return_window_on_the_documents_page_from_1_to_365_days(moka):
    tab = documents_tab(MARIE)
    assert tab.settings["return_days"] == "14"
    for wrong in ("0", "366", "two weeks", ""):
        tab.call("save_settings", form={"invoice_on": "shipment", "return_days": wrong})
        assert tab.settings_errors == {"return_days": "Enter a number of days from 1 to 365."}
        assert not tab.settings_saved
    with session_scope() as session:  # nothing of a refused form was saved
        assert (return_days(session, scope()[0]), invoices_on(session, scope()[0])) == (14, "payment")
    tab.call("save_settings", form={"invoice_on": "payment", "return_days": " 30 "})
    assert tab.settings_saved and tab.settings["return_days"] == "30"
    with session_scope() as session:
        assert return_days(session, scope()[0]) == 30
