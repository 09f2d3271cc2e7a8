"""Issue 13's money path in Chromium at 390 px, with localstripe as Stripe and the SMTP sink:
a guest buys two products by card (4242 4242 4242 4242), localstripe's signed webhook
reaches /webhooks/stripe and the order is paid, stock drops, the French confirmation
arrives; marie sees the order with its timeline and refunds part of it (partially
refunded; a signed `charge.refunded` webhook — localstripe sends none for refunds — leaves
it so). A bank-transfer order is marked paid by marie. With ORION_SCREENSHOTS=<folder> set, each step's screen goes there."""

import os
import re
import time
from pathlib import Path

from playwright.sync_api import Page, expect
from sqlmodel import func, select

from orion_app.db import session_scope
from tests.e2e.conftest import HARNESS
from tests.e2e.test_module_enablement import sign_in
from tests.integration.payments_helpers import deliver, stripe_event

SHOP = "/platforms/oms/storefront/cafe-lux/"
PHONE = {"width": 390, "height": 844}


def app_server_backend() -> str:
    return f"http://127.0.0.1:{HARNESS[-1].backend_port}"


def order_row(number: str):
    from modules.orders.models import Order

    with session_scope() as session:
        return session.exec(select(Order).where(Order.number == number)).one()


def wait_for_status(number: str, status: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while order_row(number).status != status:
        assert time.monotonic() < deadline, f"{number} is {order_row(number).status}, not {status}"
        time.sleep(0.3)


def payment_of(number: str):
    from modules.payments.models import Payment

    with session_scope() as session:
        return session.exec(select(Payment).where(Payment.order_id == order_row(number).id)).one()


def wait_for_webhook(kind: str, payment_id: int, timeout: float = 30):
    """The gateway event of `kind` for the payment, once /webhooks/stripe recorded it."""
    from modules.payments.models import GatewayEvent

    deadline = time.monotonic() + timeout
    while True:
        with session_scope() as session:
            found = session.exec(
                select(GatewayEvent).where(GatewayEvent.type == kind, GatewayEvent.payment_id == payment_id)
            ).first()
        if found is not None:
            return found
        assert time.monotonic() < deadline, f"no {kind} webhook for payment {payment_id}"
        time.sleep(0.3)


def stock_of(number: str) -> dict[int, tuple[int, int]]:
    """{variant id: (units on hand, units reserved)} of the order's lines, over every bin."""
    from modules.inventory.models import StockLevel
    from modules.orders.models import OrderLine

    order = order_row(number)
    with session_scope() as session:
        lines = session.exec(select(OrderLine).where(OrderLine.order_id == order.id)).all()
        return {
            line.variant_id: tuple(
                session.exec(
                    select(func.sum(StockLevel.quantity), func.sum(StockLevel.reserved)).where(
                        StockLevel.store_id == order.store_id, StockLevel.variant_id == line.variant_id
                    )
                ).one()
            )
            for line in lines
        }


def quantities(number: str) -> dict[int, int]:
    from modules.orders.models import OrderLine

    with session_scope() as session:
        lines = session.exec(select(OrderLine).where(OrderLine.order_id == order_row(number).id)).all()
        return {line.variant_id: line.quantity for line in lines}


def shot(page: Page, name: str) -> None:
    if folder := os.environ.get("ORION_SCREENSHOTS"):
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"checkout-{name}-390.png"), full_page=True)


def two_products_in_stock() -> list[str]:
    """Slugs of two physical products of cafe-lux without options, with 5 units or more."""
    from modules.catalog.models import Product, ProductOption
    from modules.inventory.models import StockLevel
    from modules.tenancy.public import store_by_code

    with session_scope() as session:
        store_id = store_by_code(session, "cafe-lux").id
        stocked = (
            select(StockLevel.product_id)
            .where(StockLevel.store_id == store_id)
            .group_by(StockLevel.product_id)
            .having(func.sum(StockLevel.quantity - StockLevel.reserved) >= 5)
        )
        with_options = select(ProductOption.product_id)
        found = session.exec(
            select(Product.slug)
            .where(Product.store_id == store_id, Product.is_active, ~Product.is_digital)
            .where(Product.id.in_(stocked), Product.id.not_in(with_options))
            .order_by(Product.id)
            .limit(2)
        ).all()
    assert len(found) == 2, "the e2e demo catalog has two physical products in stock"
    return list(found)


def fill_cart_with_two_products(page: Page, base: str) -> None:
    for slug in two_products_in_stock():
        page.goto(base + SHOP + "products/" + slug)
        page.get_by_role("button", name="Ajouter au panier").first.click()
        expect(page.get_by_text("Ajouté à votre panier.")).to_be_visible()


def check_out(page: Page, base: str, email: str, payment: str) -> str:
    """Every step of the checkout, in French at 390 px; the order number it shows."""
    page.goto(base + SHOP + "checkout")
    shot(page, "1-contact")
    page.get_by_label("E-mail").fill(email)
    page.get_by_role("button", name="Continuer").click()
    page.get_by_label("Nom", exact=True).fill("Léa Weber")
    page.get_by_label("Rue et numéro").fill("12, rue de Hollerich")
    page.get_by_label("Code postal").fill("12")
    page.get_by_label("Localité").fill("Luxembourg")
    page.get_by_role("button", name="Continuer").click()
    expect(page.get_by_text("Un code postal luxembourgeois compte 4 chiffres")).to_be_visible()
    shot(page, "2-address-error")
    page.get_by_label("Code postal").fill("1740")
    page.get_by_role("button", name="Continuer").click()
    shot(page, "3-shipping")
    page.get_by_label(re.compile("Post Luxembourg")).check()
    page.get_by_role("button", name="Continuer").click()
    shot(page, "4-payment")
    page.get_by_label(payment).check()
    page.get_by_role("button", name="Continuer").click()
    page.get_by_role("button", name="Passer la commande").click()
    expect(page.get_by_text("Acceptez les conditions")).to_be_visible()  # next to the checkbox
    shot(page, "5-review")
    page.get_by_label("J'accepte les conditions générales de vente.").check()
    page.get_by_role("button", name="Passer la commande").click()
    thanks = page.get_by_text(re.compile(r"CL-\d{4}-\d{6}")).first
    expect(thanks).to_be_visible()
    return re.search(r"CL-\d{4}-\d{6}", thanks.inner_text()).group(0)


def test_a_guest_pays_by_card_marie_sees_it_paid_and_refunds_part_of_it(browser, app_server, mail_sink):
    shopper = browser.new_context(locale="fr-FR", viewport=PHONE)
    page = shopper.new_page()
    fill_cart_with_two_products(page, app_server)
    number = check_out(page, app_server, "lea.card@example.lu", "Carte bancaire")
    before = stock_of(number)
    assert all(reserved >= quantities(number)[v] for v, (_units, reserved) in before.items())
    box = page.locator("#orion-card-element")
    box.get_by_placeholder("number").fill("4242424242424242")
    box.get_by_placeholder("exp_month").fill("12")
    box.get_by_placeholder("exp_year").fill("34")
    box.get_by_placeholder("cvc").fill("123")
    box.get_by_placeholder("postal_code").fill("1740")
    shot(page, "6-card")
    page.get_by_role("button", name=re.compile("^Payer")).click()
    expect(page.get_by_text("Paiement accepté")).to_be_visible()
    shot(page, "6-card-accepted")
    payment = payment_of(number)
    assert wait_for_webhook("payment_intent.succeeded", payment.id).outcome in ("applied", "unchanged")
    wait_for_status(number, "paid")
    after = stock_of(number)
    # Paid: available has dropped since placement; the units stay reserved on the shelf
    # until they ship (each shipment consumes its own, docs/orders.md).
    for variant, units in quantities(number).items():
        assert after[variant] == before[variant] and after[variant][1] >= units
    mail = mail_sink.wait_for(
        to="lea.card@example.lu", subject_contains=f"Votre commande {number}", timeout=30
    )
    assert "Café Lëtzebuerg" in mail["Subject"]
    shopper.close()

    merchant = browser.new_context(locale="en-GB", viewport=PHONE)
    page = merchant.new_page()
    sign_in(page, app_server, "/store/cafe-lux/login", "marie@cafe-lux.lu")
    page.goto(app_server + "/store/cafe-lux/orders")
    page.get_by_role("link", name=number).click()
    expect(page.get_by_text("Order placed")).to_be_visible()
    expect(page.get_by_text(re.compile("Payment of .* received"))).to_be_visible()
    page.get_by_role("button", name="Refund", exact=True).click()
    page.get_by_label("Amount to refund (EUR)").fill("5.00")
    page.get_by_role("dialog").get_by_role("button", name="Refund").click()
    expect(page.get_by_text("Partially refunded").first).to_be_visible()
    wait_for_status(number, "partially_refunded")
    refunded = stripe_event("charge.refunded", payment.gateway_ref, amount=payment.amount_cents, refunded=500)
    assert deliver(f"{app_server_backend()}/webhooks/stripe", refunded).status_code == 200
    assert wait_for_webhook("charge.refunded", payment.id).outcome in ("applied", "unchanged")
    assert order_row(number).status == "partially_refunded"
    page.reload()
    expect(page.get_by_text(re.compile("Refunded so far"))).to_be_visible()
    merchant.close()


def test_a_bank_transfer_order_shows_the_instructions_and_marie_marks_it_paid(browser, app_server):
    from modules.payments.services.settings import save_store
    from modules.tenancy.public import store_by_code

    with session_scope() as session:
        store = store_by_code(session, "cafe-lux")
        save_store(
            session,
            store.id,
            card_enabled=True,
            bank_transfer_enabled=True,
            iban="LU28 0019 4006 4475 0000",
            bic="BCEELULL",
            beneficiary="Café Lëtzebuerg SARL",
            stripe_account_id="",
        )
    shopper = browser.new_context(locale="fr-FR", viewport=PHONE)
    page = shopper.new_page()
    fill_cart_with_two_products(page, app_server)
    number = check_out(page, app_server, "lea.virement@example.lu", "Virement bancaire")
    expect(page.get_by_text("LU28")).to_be_visible()
    expect(page.get_by_text(number).last).to_be_visible()  # the transfer's reference
    shot(page, "7-bank-transfer")
    shopper.close()
    assert order_row(number).status == "pending_payment"

    merchant = browser.new_context(locale="en-GB", viewport=PHONE)
    page = merchant.new_page()
    sign_in(page, app_server, "/store/cafe-lux/login", "marie@cafe-lux.lu")
    page.goto(app_server + "/store/cafe-lux/orders")
    page.get_by_role("link", name=number).click()
    page.get_by_role("button", name="Mark paid").click()
    wait_for_status(number, "paid")
    expect(page.get_by_text("Paid").first).to_be_visible()
    merchant.close()


def test_marie_adds_a_shipping_method_and_a_bad_zone_is_refused_next_to_the_field(browser, app_server):
    merchant = browser.new_context(locale="en-GB", viewport=PHONE)
    page = merchant.new_page()
    sign_in(page, app_server, "/store/cafe-lux/login", "marie@cafe-lux.lu")
    page.goto(app_server + "/store/cafe-lux/settings/shipping")
    expect(page.get_by_text("Click & collect in Strassen")).to_be_visible()
    page.get_by_role("button", name="Add a method").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Code").fill("benelux")
    dialog.get_by_label("Name shown to shoppers (fr)").fill("Benelux (2 à 3 jours)")
    dialog.get_by_label("Countries").fill("BE, NL, XX")
    dialog.get_by_label("Price (EUR, VAT included)").fill("6,50")
    dialog.get_by_role("button", name="Save").click()
    expect(dialog.get_by_text("Write EU or EU country codes")).to_be_visible()
    shot(page, "8-shipping-settings-error")
    dialog.get_by_label("Countries").fill("BE, NL")
    dialog.get_by_role("button", name="Save").click()
    expect(page.get_by_role("dialog")).to_be_hidden()
    expect(page.get_by_text("BE,NL")).to_be_visible()
    shot(page, "9-shipping-settings")
    merchant.close()
