"""The merchant's order pages as a browser reaches them: the list's search, filters, pages and
CSV export; the order page's actions by permission and transition; store B reaching nothing
of store A, by page, by handler or by export."""

import csv
import io
from dataclasses import replace
from datetime import timedelta

import pytest

from modules.orders.models import Order
from modules.orders.services.export import download_path
from modules.orders.services.listing import OrderFilters, list_orders
from orion_app.db import session_scope, utcnow
from tests.integration.catalog_helpers import scope
from tests.integration.helpers import Browser, add_store_member, store_id
from tests.integration.orders_helpers import HOME, available, stocked
from tests.integration.orders_pages_helpers import JEAN, LUC, MARIE, VERA, detail_tab, list_tab, place
from tests.integration.payments_helpers import offer_bank_transfer


@pytest.fixture
def browser(demo):
    add_store_member("cafe-lux", VERA, "Vera Viewer", "viewer")
    for store in ("cafe-lux", "velo-weber"):
        offer_bank_transfer(store_id(store))
    return Browser()


@pytest.fixture
def moka(browser):
    return stocked("MOKA-250", "12,50", 50)[1]


def status_of(order_id: int) -> str:
    with session_scope() as session:
        return session.get(Order, order_id).status


def named(name: str, email: str) -> dict:
    """Placement changes for a customer of that name and e-mail."""
    return {"billing": replace(HOME, name=name), "email": email}


def test_the_list_finds_orders_by_number_accent_blind_name_email_and_sku(browser, moka):
    tea = stocked("THE-VERT", "4,99", 10, vat_rate="3")[1]
    jose = place([(moka, 1)], **named("José Müller", "jose@example.lu"))
    anna = place([(tea, 2)], **named("Anna Weiß", "anna@example.lu"))
    tab = list_tab(browser, LUC)
    for query, expected in (
        ("jose muller", [jose.number]),
        ("WEISS", [anna.number]),
        ("anna@example", [anna.number]),
        ("the-vert", [anna.number]),
        (jose.number.lower(), [jose.number]),
        ("moka jose", [jose.number]),  # one word from the SKU, one from the name
        ("nobody", []),
    ):
        tab.call("apply_filters", form={"q": query})
        assert [r["number"] for r in tab.rows] == expected, query
    tab.call("apply_filters", form={"q": ""})
    assert [r["number"] for r in tab.rows] == [anna.number, jose.number] and tab.total == 2
    assert tab.rows[0]["items"] == "2" and tab.rows[0]["customer"] == "Anna Weiß"


def test_filters_by_status_method_and_dates_and_refuses_a_bad_range_next_to_the_field(browser, moka):
    transfer = place([(moka, 1)])
    tab = detail_tab(browser, MARIE, transfer.id)
    tab.call("mark_paid", payment_id=int(tab.payments[0]["id"]))
    waiting = place([(moka, 1)])
    listing = list_tab(browser, VERA)
    listing.call("apply_filters", form={"status": "paid", "method": "bank_transfer"})
    assert [r["number"] for r in listing.rows] == [transfer.number]
    listing.call("apply_filters", form={"status": "pending_payment", "method": "bogus"})
    assert [r["number"] for r in listing.rows] == [waiting.number] and listing.method == "all"
    today = utcnow().date()
    listing.call("apply_filters", form={"since": str(today), "until": str(today)})
    assert listing.total == 2 and listing.since == str(today)
    listing.call("apply_filters", form={"since": str(today + timedelta(days=1))})
    assert listing.rows == []
    listing.call("apply_filters", form={"since": str(today), "until": str(today - timedelta(days=1))})
    assert listing.errors == {"until": "The end date comes before the start date."}
    listing.call("apply_filters", form={"since": "31/12/2026"})
    assert listing.errors == {"since": "Enter a date like 2026-03-31."}
    assert listing.since == str(today + timedelta(days=1))  # refused filters left the list as it was


def test_the_list_pages_newest_first(browser, moka):
    numbers = [place([(moka, 1)], **named(f"Page {n}", f"p{n}@example.lu")).number for n in range(5)]
    store = scope()[0]
    with session_scope() as session:
        first, total = list_orders(session, store, OrderFilters(), page=1, per_page=2)
        last, _ = list_orders(session, store, OrderFilters(), page=3, per_page=2)
        searched, found = list_orders(session, store, OrderFilters.of("page"), page=2, per_page=2)
    assert total == 5 and [o.number for o in first] == numbers[:-3:-1]
    assert [o.number for o in last] == [numbers[0]]
    assert found == 5 and [o.number for o in searched] == [numbers[2], numbers[1]]


def test_the_export_neutralises_formulas_and_refuses_strangers(browser, moka):
    place([(moka, 1)], **named('=HYPERLINK("http://evil")', "evil@example.lu"))
    velo = stocked("VELO-1", "99,00", 3, store="velo-weber")[1]
    place([(velo, 1)], store="velo-weber", **named("Velo Kunde", "velo@example.lu"))
    everything = download_path("cafe-lux", OrderFilters())
    assert browser.get(everything).status_code == 401
    refused = browser.get(everything, JEAN)
    assert refused.status_code == 403 and "HYPERLINK" not in refused.text
    assert browser.get(download_path("no-such-store", OrderFilters()), MARIE).status_code == 404
    own = browser.get(download_path("velo-weber", OrderFilters()), JEAN)
    assert own.status_code == 200 and "Velo Kunde" in own.text and "HYPERLINK" not in own.text
    answer = browser.get(everything, VERA, lang="fr")
    assert answer.headers["content-disposition"] == 'attachment; filename="orders-cafe-lux.csv"'
    rows = list(csv.reader(io.StringIO(answer.text.lstrip("\ufeff"))))
    assert rows[0][:3] == ["Commande", "Date", "Statut"]
    assert rows[1][2:5] == ["En attente de paiement", '\'=HYPERLINK("http://evil")', "evil@example.lu"]
    assert rows[1][-2:] == ["17.40", "EUR"]  # 12.50 + 4.90 shipping
    bad = browser.get(download_path("cafe-lux", OrderFilters()).replace("since=", "since=yesterday"), VERA)
    assert bad.status_code == 400


def test_the_order_page_shows_lines_vat_addresses_payment_and_timeline(browser, moka):
    record = place([(moka, 2)])
    tab = detail_tab(browser, LUC, record.id)
    assert tab.found and tab.head["number"] == record.number and tab.head["status"] == "pending_payment"
    assert [(line["sku"], line["quantity"], line["total"]) for line in tab.lines] == [
        ("MOKA-250", "2", "€25.00")
    ]
    assert tab.vat_lines == [{"rate": "17 %", "net": "€25.56", "vat": "€4.34", "gross": "€29.90"}]
    assert tab.head["total"] == "€29.90" and tab.billing[:2] == ["Léa Weber", "12, rue de Hollerich"]
    assert [(p["method"], p["status"], p["payable"]) for p in tab.payments] == [
        ("bank_transfer", "pending", "1")
    ]
    assert [e["text"] for e in tab.timeline] == ["Order placed"]
    # Staff fulfil orders but declare no money received and refund nothing.
    assert tab.can_manage and not tab.can_mark_paid and not tab.can_refund and tab.moves == ["cancelled"]


def test_the_owner_marks_a_transfer_paid_then_staff_move_it_along_the_table_only(browser, moka):
    record = place([(moka, 3)])
    staff = detail_tab(browser, LUC, record.id)
    staff.call("mark_paid", payment_id=int(staff.payments[0]["id"]))
    assert status_of(record.id) == "pending_payment"
    owner = detail_tab(browser, MARIE, record.id)
    owner.call("mark_paid", payment_id=int(owner.payments[0]["id"]))
    assert owner.head["status"] == "paid" and available(moka) == 47
    staff.call("load")
    assert staff.moves == ["processing"]  # cancelling a paid order refunds it: not for staff
    staff.call("move_to", status="cancelled")
    staff.call("move_to", status="delivered")
    assert status_of(record.id) == "paid"
    staff.call("move_to", status="processing")
    staff.call("add_note", form={"note": "Packed by Luc"})
    assert status_of(record.id) == "processing"
    assert [e["text"] for e in staff.timeline] == [
        "Order placed",
        "Payment of €42.40 received",
        "Awaiting payment → Paid",
        "Paid → Processing",
        "Packed by Luc",
    ]
    assert staff.timeline[1]["actor"] == "Marie Schmit" and staff.timeline[-1]["actor"] == "Luc Hoffmann"
    viewer = detail_tab(browser, VERA, record.id)
    assert not viewer.can_manage
    viewer.call("move_to", status="shipped")
    assert status_of(record.id) == "processing"


def test_a_partial_refund_is_checked_and_makes_the_order_partially_refunded(browser, moka):
    record = place([(moka, 2)])
    owner = detail_tab(browser, MARIE, record.id)
    owner.call("mark_paid", payment_id=int(owner.payments[0]["id"]))
    payment = int(owner.payments[0]["id"])
    owner.call("open_refund", payment_id=payment)
    assert owner.refund_open and owner.refund_left == "29.90"
    owner.call("refund", form={"amount": "a lot"})
    assert owner.errors == {"amount": "Enter an amount like 12.50."} and owner.refund_open
    owner.call("refund", form={"amount": "40"})
    assert "amount" in owner.errors and status_of(record.id) == "paid"
    owner.call("refund", form={"amount": "10,00"})
    assert not owner.refund_open and owner.head["status"] == "partially_refunded"
    assert owner.payments[0]["refunded"] == "€10.00" and owner.payments[0]["left"] == "19.90"
    assert [e["text"] for e in owner.timeline[-2:]] == [
        "Refunded so far: €10.00",
        "Paid → Partially refunded",
    ]


def test_another_stores_owner_reaches_no_order_of_the_store_by_page_handler_or_id(browser, moka):
    record = place([(moka, 1)])
    on_velo = detail_tab(browser, JEAN, record.id, store="velo-weber")
    assert not on_velo.found and on_velo.head == {} and on_velo.payments == []
    on_velo.order_id = record.id  # a forged state still acts only inside his store
    on_velo.call("move_to", status="cancelled")
    on_velo.call("add_note", form={"note": "Spy"})
    on_velo.call("mark_paid", payment_id=record.payment.id)
    on_cafe = detail_tab(browser, JEAN, record.id)
    assert on_cafe.head == {}
    on_cafe.call("move_to", status="cancelled")
    assert status_of(record.id) == "pending_payment" and available(moka) == 49
    intruder = list_tab(browser, JEAN)
    intruder.call("apply_filters", form={"q": ""})
    assert intruder.rows == []
