"""Checkout: which shipping methods a shopper may choose and at what price, the merchant's
editor refusing bad fields, and a placement that checks every choice again inside the store
(another store's method or another customer's address, no terms, an empty cart) and
writes nothing when it refuses."""

import pytest
from sqlmodel import func, select

from modules.checkout.services.placement import place, placement_of
from modules.checkout.services.shipping import (
    ShippingInput,
    delete_method,
    method_of,
    methods_of,
    quotes,
    save_method,
)
from orion_app.db import session_scope
from orion_app.errors import FieldErrors, NotFound, ServiceError
from tests.integration.catalog_helpers import scope
from tests.integration.checkout_helpers import choice, customer_with_address, guest_cart, shopper, stocked

LANGS = ["fr", "en", "de", "lb"]


def offered(country: str, subtotal: int, store: str = "cafe-lux") -> dict[str, int]:
    """{code: price in cents} of what a shopper in `country` may choose for that cart."""
    with session_scope() as session:
        return {
            q.code: q.price_cents for q in quotes(session, scope(store)[0], country, subtotal, "fr", "fr")
        }


def refusal(form: ShippingInput, store: str = "cafe-lux", method_id: int | None = None) -> dict[str, str]:
    with session_scope() as session, pytest.raises(FieldErrors) as refused:
        save_method(session, scope(store)[0], LANGS, form, method_id)
    return refused.value.errors


def test_luxembourg_has_its_own_rate_free_from_fifty_euros_and_click_and_collect(demo):
    assert offered("LU", 4999) == {"lu-post": 490, "collect-strassen": 0}
    assert offered("LU", 5000) == {"lu-post": 0, "collect-strassen": 0}
    assert offered("lu", 12000)["lu-post"] == 0


def test_other_eu_countries_get_the_eu_rate_never_free_and_outside_the_eu_nothing(demo):
    assert offered("BE", 4000) == {"eu-parcel": 1290, "collect-strassen": 0}
    assert offered("DE", 90000)["eu-parcel"] == 1290
    assert offered("US", 4000) == {}
    assert offered("", 4000) == {}


def test_an_inactive_method_is_no_longer_offered(demo):
    store_id = scope()[0]
    with session_scope() as session:
        lu = next(m for m in methods_of(session, store_id) if m.code == "lu-post")
        form = ShippingInput(
            code="lu-post", kind="flat", labels={"fr": "Poste"}, zone="LU", price="4,90", active=False
        )
        save_method(session, store_id, LANGS, form, lu.id)
    assert offered("LU", 1000) == {"eu-parcel": 1290, "collect-strassen": 0}


def test_the_merchant_adds_a_benelux_rate_that_wins_over_the_eu_one_there(demo):
    form = ShippingInput(
        code="benelux",
        kind="flat",
        labels={"fr": "Benelux", "en": "Benelux"},
        zone="be, nl, lu",
        price="6.50 €",
        free_above="80",
        vat_rate="17",
        position="5",
    )
    with session_scope() as session:
        method = save_method(session, scope()[0], LANGS, form)
        assert (method.zone, method.price_cents, method.free_above_cents) == ("BE,NL,LU", 650, 8000)
    assert offered("NL", 7999) == {"benelux": 650, "collect-strassen": 0}
    assert offered("LU", 8000) == {"benelux": 0, "lu-post": 0, "collect-strassen": 0}


def test_bad_fields_are_refused_next_to_each_field(demo):
    errors = refusal(
        ShippingInput(
            code="No Spaces!", kind="drone", labels={}, zone="XX", price="abc", vat_rate="5", position="-1"
        )
    )
    assert set(errors) == {"code", "kind", "label_fr", "zone", "price", "vat_rate", "position"}
    collect = ShippingInput(code="pickup", kind="collect", labels={"fr": "Retrait"}, zone="LU", price="0")
    assert refusal(collect) == {"warehouse": "checkout.shipping.error.warehouse_required"}
    taken = ShippingInput(code="lu-post", kind="flat", labels={"fr": "Encore"}, zone="LU", price="1")
    assert refusal(taken) == {"code": "checkout.shipping.error.code_taken"}


def test_a_store_never_reads_changes_or_deletes_another_stores_method(demo):
    with session_scope() as session:
        velo = methods_of(session, scope("velo-weber")[0])[0]
    cafe = scope()[0]
    form = ShippingInput(code="stolen", kind="flat", labels={"fr": "Volé"}, zone="LU", price="1")
    with session_scope() as session:
        with pytest.raises(NotFound):
            method_of(session, cafe, velo.id)
        with pytest.raises(NotFound):
            save_method(session, cafe, LANGS, form, velo.id)
        with pytest.raises(NotFound):
            delete_method(session, cafe, velo.id)
    with session_scope() as session:
        assert method_of(session, velo.store_id, velo.id).code == velo.code


# ---------------------------------------------------------------------- placement refusals


def refused_fields(cart_token: str, customer_token: str = "", **changes) -> dict[str, str]:
    from modules.cart.public import current_cart

    buyer = shopper(customer_token=customer_token)
    with session_scope() as session:
        customer_id = buyer.customer.id if buyer.customer else None
        cart = current_cart(
            session, buyer.store_id, cart_token=cart_token, customer_id=customer_id, lang="fr"
        )
        with pytest.raises(FieldErrors) as refused:
            placement_of(session, buyer, cart, choice(**changes), "chk_test")
    return refused.value.errors


def orders_count() -> int:
    from modules.orders.models import Order

    with session_scope() as session:
        return session.exec(select(func.count()).select_from(Order)).one()


def test_a_guest_placement_is_built_from_the_servers_cart_and_rates(demo):
    from modules.cart.public import current_cart

    token = guest_cart([(stocked("K-1", "19,90", 5), 2), (stocked("K-2", "12.00", 5), 1)])
    buyer = shopper()
    with session_scope() as session:
        cart = current_cart(session, buyer.store_id, cart_token=token, customer_id=None, lang="fr")
        placement = placement_of(session, buyer, cart, choice(), "chk_same")
    assert [(line.quantity) for line in placement.lines] == [2, 1]
    assert (placement.shipping_method, placement.shipping_cents) == ("lu-post", 0)  # 51.80 € ≥ 50 €
    assert placement.shipping.postal_code == "L-1740" and placement.email == "guest@example.lu"
    assert placement.idempotency_key == "chk_same" and placement.customer_id is None
    collect = choice(shipping_code="collect-strassen")
    with session_scope() as session:
        cart = current_cart(session, buyer.store_id, cart_token=token, customer_id=None, lang="fr")
        assert placement_of(session, buyer, cart, collect, "k").shipping is None  # billing only


def test_tampered_choices_are_refused_by_field_and_nothing_is_ordered(demo):
    token = guest_cart([(stocked("K-3", "9,90", 5), 1)])
    assert refused_fields(token, email="not-an-address") == {"email": "checkout.error.email"}
    assert refused_fields(token, terms_accepted=False) == {"terms": "checkout.error.terms"}
    assert refused_fields(token, payment_method="cash") == {"payment": "checkout.error.payment"}
    assert refused_fields(token, shipping_code="eu-parcel") == {"shipping": "checkout.error.shipping"}  # LU
    assert refused_fields(token, shipping_code="nope") == {"shipping": "checkout.error.shipping"}
    bad = dict(choice().address, postal_code="99999", country="US")
    assert set(refused_fields(token, address=bad)) == {"country"}
    assert refused_fields(token, address=dict(choice().address, postal_code="12")) == {
        "postal_code": "customers.account.postal_lu"
    }
    assert orders_count() == 0


def test_a_guest_or_customer_cannot_ship_to_another_customers_or_another_stores_address(demo):
    token = guest_cart([(stocked("K-4", "9,90", 5), 1)])
    mine, my_address = customer_with_address("lea@example.lu")
    _other, their_address = customer_with_address("tom@example.lu")
    _velo, velo_address = customer_with_address("lea@example.lu", store="velo-weber")
    assert refused_fields(token, address_id=my_address) == {"address_id": "checkout.error.address_unknown"}
    for stranger in (their_address, velo_address):
        assert refused_fields(token, mine, address_id=stranger) == {
            "address_id": "checkout.error.address_unknown"
        }
    assert orders_count() == 0


def test_an_empty_or_expired_cart_places_nothing(demo):
    with session_scope() as session, pytest.raises(ServiceError) as refused:
        placement_of(session, shopper(), None, choice(), "chk_empty")
    assert refused.value.message_key == "checkout.error.cart_empty"


def test_placing_twice_with_the_checkouts_key_gives_one_order_and_closes_the_cart(demo):
    from modules.cart.public import current_cart
    from tests.integration.payments_helpers import offer_bank_transfer

    offer_bank_transfer(scope()[0])
    token = guest_cart([(stocked("K-5", "30,00", 5), 2)])
    buyer = shopper()
    with session_scope() as session:
        cart = current_cart(session, buyer.store_id, cart_token=token, customer_id=None, lang="fr")
    numbers = set()
    for _attempt in range(2):  # the second as a retry that never saw the first answer
        with session_scope() as session:
            numbers.add(place(session, buyer, cart, choice(), "chk_retry").number)
    assert len(numbers) == 1 and orders_count() == 1
    with session_scope() as session:
        assert current_cart(session, buyer.store_id, cart_token=token, customer_id=None, lang="fr") is None
