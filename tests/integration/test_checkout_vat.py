"""Checkout's review shows the VAT orders will invoice: a French company with a valid VAT
number sees 0 % and the reverse-charge mention; with a wrong checksum, VAT and a message."""

from modules.cart.public import current_cart
from modules.checkout.services.placement import chosen_address, chosen_shipping, place, review_prices
from modules.orders.models import Order
from orion_app.db import session_scope
from tests.integration.checkout_helpers import choice, guest_cart, shopper, stocked
from tests.integration.payments_helpers import offer_bank_transfer

PARIS = {"name": "Jean Martin", "company": "Acme SARL", "line1": "1 rue de Rivoli"} | {
    "postal_code": "75001",
    "city": "Paris",
    "country": "FR",
}


def review(token: str, address: dict):
    buyer = shopper()
    picked = choice(address=address, shipping_code="eu-parcel")
    with session_scope() as session:
        cart = current_cart(session, buyer.store_id, cart_token=token, customer_id=None, lang="fr")
        checked, errors = chosen_address(session, buyer, picked)
        assert errors == {}
        shipping = chosen_shipping(session, buyer, "eu-parcel", "FR", cart.subtotal_cents)
        return review_prices(session, buyer, cart, checked, shipping), cart, picked


def test_a_french_company_sees_zero_vat_and_the_mention_and_is_invoiced_so(demo):
    offer_bank_transfer(shopper().store_id)
    token = guest_cart([(stocked("K-1", "11,70", 5), 2)])
    prices, cart, picked = review(token, PARIS | {"vat_number": "FR40303265045"})
    # 11.70 € at 17 % is 10.00 € net; the EU parcel's 12.90 € is 11.03 € net
    assert [(line.vat_rate, line.total_cents) for line in prices.lines] == [(0, 2000)]
    assert (prices.kind, prices.mention_key, prices.vat_cents) == (
        "reverse_charge",
        "orders.invoice.mention.reverse_charge",
        0,
    )
    assert prices.total_cents == 2000 + 1103
    with session_scope() as session:
        order = place(session, shopper(), cart, picked, "chk_vat")
        row = session.get(Order, order.id)
        assert (row.vat_treatment, row.total_cents) == ("reverse_charge", prices.total_cents)


def test_a_wrong_checksum_is_charged_luxembourg_vat_with_a_message(demo):
    token = guest_cart([(stocked("K-2", "11,70", 5), 1)])
    prices, _cart, _picked = review(token, PARIS | {"vat_number": "FR40303265046"})
    assert [(line.vat_rate, line.total_cents) for line in prices.lines] == [(17, 1170)]
    assert (prices.kind, prices.message_key, prices.message_params) == (
        "intra_eu_b2c_origin",
        "orders.vat.invalid_number",
        {"country": "FR"},
    )
