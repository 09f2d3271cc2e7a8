"""Issue 14's fulfilment in Chromium at 390 px: marie ships part of a paid order with a DPD
tracking number (a wrong one is refused next to the field first), the customer gets the
French "shipped" mail with the DPD link; she ships the rest, refunds one line, the credit
note appears next to the invoice, and both PDFs open."""

import re

from playwright.sync_api import expect
from sqlmodel import func, select

from orion_app.db import session_scope
from tests.e2e.test_checkout import PHONE, order_row, wait_for_status
from tests.e2e.test_module_enablement import sign_in

EMAIL = "lea.colis@example.lu"
DPD = "01234567890123"


def paid_order_of_two_lines() -> tuple[int, str, list[tuple[str, int]]]:
    """A bank-transfer order of two stocked products (2 and 1 units), marked paid: its id,
    number and (title, units) per line."""
    from modules.catalog.models import Product, ProductOption
    from modules.inventory.models import StockLevel
    from modules.orders.models import OrderLine
    from modules.orders.public import place_order
    from modules.payments.public import mark_paid
    from modules.payments.services.settings import save_store
    from modules.tenancy.public import store_by_code
    from tests.integration.orders_helpers import placement

    with session_scope() as session:
        store_id = store_by_code(session, "cafe-lux").id
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
        stocked = (
            select(StockLevel.variant_id)
            .where(StockLevel.store_id == store_id)
            .group_by(StockLevel.variant_id)
            .having(func.sum(StockLevel.quantity - StockLevel.reserved) >= 5)
        )
        variants = session.exec(
            select(StockLevel.variant_id)
            .join(Product, Product.id == StockLevel.product_id)
            .where(StockLevel.variant_id.in_(stocked), ~Product.is_digital, Product.is_active)
            .where(Product.id.not_in(select(ProductOption.product_id)))
            .distinct()
            .limit(2)
        ).all()
    assert len(variants) == 2, "the e2e demo catalog has two physical products in stock"
    with session_scope() as session:
        record = place_order(session, placement([(variants[0], 2), (variants[1], 1)], email=EMAIL))
    with session_scope() as session:
        mark_paid(session, store_id=record.store_id, payment_id=record.payment.id, actor="Marie")
    with session_scope() as session:
        lines = session.exec(
            select(OrderLine).where(OrderLine.order_id == record.id).order_by(OrderLine.position)
        )
        return record.id, record.number, [(line.title, line.quantity) for line in lines]


def test_marie_ships_in_two_parcels_refunds_a_line_and_both_pdfs_open(browser, app_server, mail_sink):
    order_id, number, ((first, units), (second, _one)) = paid_order_of_two_lines()
    merchant = browser.new_context(locale="en-GB", viewport=PHONE)
    page = merchant.new_page()
    sign_in(page, app_server, "/store/cafe-lux/login", "marie@cafe-lux.lu")
    page.goto(f"{app_server}/store/cafe-lux/orders/{order_id}")
    expect(page.get_by_text("Nothing has shipped yet.")).to_be_visible()

    page.get_by_role("button", name="Ship", exact=True).click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label(first).fill("1")
    dialog.get_by_label("Carrier").select_option("dpd")
    dialog.get_by_label("Tracking number").fill("12345")
    dialog.get_by_role("button", name="Ship").click()
    expect(dialog.get_by_text("This is not a DPD tracking number")).to_be_visible()
    dialog.get_by_label("Tracking number").fill("0123 4567 8901 23")
    dialog.get_by_role("button", name="Ship").click()
    expect(page.get_by_role("link", name=DPD)).to_be_visible()
    wait_for_status(number, "processing")
    mail = mail_sink.wait_for(to=EMAIL, subject_contains=f"Votre commande {number} est en route", timeout=30)
    text = mail.get_body(preferencelist=("plain",)).get_content()
    assert "(en partie)" in mail["Subject"]
    assert f"https://tracking.dpd.de/status/en_US/parcel/{DPD}" in text

    page.get_by_role("button", name="Ship", exact=True).click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label(first).fill(str(units - 1))
    dialog.get_by_label(second).fill("1")
    dialog.get_by_label("Carrier").select_option("dpd")
    dialog.get_by_label("Tracking number").fill("01234567890124")
    dialog.get_by_role("button", name="Ship").click()
    wait_for_status(number, "shipped")
    expect(page.get_by_role("button", name="Mark delivered")).to_have_count(2)

    page.get_by_role("button", name="Refund lines").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label(second).fill("1")
    dialog.get_by_role("button", name="Refund").click()
    wait_for_status(number, "partially_refunded")
    page.reload()
    invoice = page.get_by_role("link", name=re.compile("^Invoice"))
    credit_note = page.get_by_role("link", name=re.compile("^Credit note"))
    expect(credit_note).to_be_visible(timeout=30_000)
    for link in (invoice, credit_note):
        answer = page.request.get(link.get_attribute("href"))
        assert answer.status == 200 and answer.body().startswith(b"%PDF-")
    assert order_row(number).status == "partially_refunded"
    merchant.close()
