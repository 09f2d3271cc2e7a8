"""Carts: a guest's first "add to cart" sets the store's own HttpOnly cookie; lines are
added, changed and removed within stock; prices are re-read from catalog with a notice
when they changed; refusals write nothing; a store's cart never mixes with another's;
guest carts merge into the customer's and expire."""

from datetime import timedelta

import pytest
from sqlalchemy import update
from sqlmodel import func, select
from starlette.testclient import TestClient

from modules.cart.config import CartConfig
from modules.cart.jobs import purge_expired_carts
from modules.cart.models import Cart, CartLine
from modules.cart.public import cart_cookie_names, close_cart
from modules.cart.services import carts
from orion_app.api import build_api
from orion_app.db import session_scope, utcnow
from orion_app.errors import FieldErrors, NotFound, ServiceError
from orion_app.ratelimit import reset
from orion_app.registry import get_registry
from orion_app.session_tokens import token_hash
from tests.integration.cart_helpers import (
    CAFE,
    PAGE,
    VELO,
    add,
    cart_of,
    outcome,
    quantities,
    set_product,
    stocked,
)
from tests.integration.catalog_helpers import scope
from tests.integration.customers_shop_helpers import signed_up, storefront

CONFIG = CartConfig()


@pytest.fixture
def client(demo):
    from modules.cart import api

    reset(api.PER_IP, "testclient")
    return TestClient(build_api(get_registry()))


def token_of(response, store: str = "cafe-lux") -> str:
    return response.cookies[cart_cookie_names(scope(store)[0])[1]]


def counts() -> tuple[int, int]:
    with session_scope() as session:
        return session.exec(select(func.count()).select_from(Cart)).one(), session.exec(
            select(func.count()).select_from(CartLine)
        ).one()


def test_a_guests_first_add_sets_the_stores_http_only_cart_cookie(client):
    product, variant = stocked("C-1", "12,50", 5)
    response = add(client, product, 2)
    assert response.headers["location"] == f"{PAGE}{CAFE}products?cart=added"
    cookie = response.headers["set-cookie"]
    assert cookie.startswith(f"orion_cart_{scope()[0]}=")
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Path=/" in cookie and "Domain" not in cookie
    cart = cart_of(token_of(response))
    assert quantities(cart) == {variant: 2} and cart.subtotal_cents == 2500 and cart.count == 2
    assert cart.lines[0].title == "Café C-1" and cart.lines[0].vat_rate == 17


def test_adding_again_sums_changing_sets_and_zero_or_remove_takes_the_line_out(client):
    product, variant = stocked("C-2", "4", 10)
    token = token_of(add(client, product, 1))
    assert outcome(add(client, product, 3)) == "added"
    assert "set-cookie" not in add(client, product, 1).headers  # the cookie is set once
    assert quantities(cart_of(token)) == {variant: 5}
    store_id = scope()[0]
    with session_scope() as session:
        cart = carts.cart_to_change(session, store_id, carts.Shopper(token, None), CONFIG)
        carts.set_quantity(session, store_id, cart, variant, 7, CONFIG)
        session.commit()
    assert quantities(cart_of(token)) == {variant: 7}
    with session_scope() as session:
        cart = carts.cart_to_change(session, store_id, carts.Shopper(token, None), CONFIG)
        carts.set_quantity(session, store_id, cart, variant, 0, CONFIG)
        session.commit()
    assert cart_of(token).lines == ()


def test_a_variant_of_a_product_with_options_is_added_by_its_sku_in_this_store(client):
    product, variant = stocked("C-3", "9", 3)
    token = token_of(add(client, product, 1, sku="C-3"))
    assert quantities(cart_of(token)) == {variant: 1}
    assert outcome(add(client, product, 1, sku="NOT-HERE")) == "unknown_product"


@pytest.mark.parametrize("quantity", ["-1", "0", "abc", "2.5"])
def test_a_bad_quantity_is_refused_and_nothing_is_written(client, quantity):
    product, _ = stocked("C-4", "9", 3)
    before = counts()
    response = add(client, product, quantity)
    assert outcome(response) == "quantity" and "set-cookie" not in response.headers
    assert counts() == before


def test_an_inactive_product_and_another_stores_product_are_refused_with_nothing_written(client):
    inactive, _ = stocked("C-5", "9", 3)
    set_product(inactive, is_active=False)
    theirs, _ = stocked("V-1", "9", 3, store="velo-weber")
    before = counts()
    assert outcome(add(client, inactive)) == "unavailable"
    assert outcome(add(client, theirs)) == "unknown_product"  # looked up in cafe-lux only
    assert counts() == before


def test_more_than_the_stock_is_refused_with_what_is_left(client):
    product, variant = stocked("C-6", "9", 3)
    token = token_of(add(client, product, 2))
    response = add(client, product, 2)
    assert outcome(response) == "only_left" and response.headers["location"].endswith("count=3")
    assert quantities(cart_of(token)) == {variant: 2}
    sold_out, _ = stocked("C-7", "9", 0)
    assert outcome(add(client, sold_out)) == "sold_out"


def test_digital_goods_are_not_capped_by_stock(client):
    product, variant = stocked("C-8", "9", 0)
    set_product(product, is_digital=True)
    token = token_of(add(client, product, 4))
    assert quantities(cart_of(token)) == {variant: 4}


def test_a_changed_price_shows_a_notice_and_the_cart_charges_the_new_one(client):
    product, _ = stocked("C-9", "10", 5)
    token = token_of(add(client, product, 2))
    set_product(product, price_cents=1250)
    line = cart_of(token).lines[0]
    assert (line.notice, line.price_seen_cents, line.unit_price_cents) == ("price_changed", 1000, 1250)
    assert cart_of(token).subtotal_cents == 2500


def test_less_stock_than_the_line_caps_it_with_a_notice_and_an_inactive_product_leaves_the_total(client):
    capped, capped_variant = stocked("C-10", "10", 5)
    gone, _ = stocked("C-11", "3", 5)
    token = token_of(add(client, capped, 4))
    add(client, gone, 1)
    store_id = scope()[0]
    with session_scope() as session:
        from modules.inventory.public import adjust_stock

        adjust_stock(session, store_id, capped, "STRASSEN", variant_id=capped_variant, delta=-3)
    set_product(gone, is_active=False)
    cart = cart_of(token)
    notices = {line.sku: (line.notice, line.quantity) for line in cart.lines}
    assert notices == {"C-10": ("stock_limited", 2), "C-11": ("unavailable", 1)}
    assert cart.subtotal_cents == 2000 and cart.count == 2


def test_forms_from_a_foreign_or_missing_origin_are_refused(client):
    product, _ = stocked("C-12", "9", 3)
    for origin in (None, "http://evil.localhost"):
        response = add(client, product, origin=origin)
        assert response.status_code == 403 and "set-cookie" not in response.headers


def test_one_stores_cart_token_never_opens_another_stores_cart(client):
    product, _ = stocked("C-13", "9", 3)
    token = token_of(add(client, product))
    assert cart_of(token, store="velo-weber") is None
    theirs, velo_variant = stocked("V-2", "9", 3, store="velo-weber")
    client.cookies.set(f"orion_cart_{scope('velo-weber')[0]}", token)  # a copied token, sent to velo
    response = add(client, theirs, base=VELO)
    assert outcome(response) == "added"
    assert quantities(cart_of(token_of(response, "velo-weber"), store="velo-weber")) == {velo_variant: 1}
    assert len(cart_of(token).lines) == 1  # cafe-lux's cart is untouched


def test_another_stores_variant_is_refused_by_the_service_too(demo):
    _, theirs = stocked("V-3", "9", 3, store="velo-weber")
    store_id = scope()[0]
    with session_scope() as session:
        cart, _ = carts.new_guest_cart(session, store_id, CONFIG)
        with pytest.raises(NotFound):
            carts.add(session, store_id, cart, theirs, 1, CONFIG)
        with pytest.raises(FieldErrors):
            carts.add(session, store_id, cart, theirs, -2, CONFIG)


def test_an_expired_cart_is_refused_its_cookie_cleared_and_nothing_written(client):
    product, _ = stocked("C-14", "9", 3)
    token = token_of(add(client, product))
    with session_scope() as session:
        session.exec(update(Cart).values(expires_at=utcnow() - timedelta(minutes=1)))
        session.commit()
    before = counts()
    response = add(client, product)
    assert outcome(response) == "expired"
    assert "orion_cart_" in response.headers["set-cookie"] and "Max-Age=0" in response.headers["set-cookie"]
    assert counts() == before and cart_of(token) is None
    store_id = scope()[0]
    with session_scope() as session, pytest.raises(ServiceError, match="expired"):
        carts.cart_to_change(session, store_id, carts.Shopper(token, None), CONFIG)


def test_signing_in_merges_the_guest_cart_summing_keeping_the_newest_price_capped_by_stock(client):
    both, both_variant = stocked("C-15", "10", 5)
    guest_only, guest_variant = stocked("C-16", "2", 5)
    customer_id, shopper = signed_up(storefront(), "merge@example.lu")
    client.cookies.set(f"orion_shopper_{scope()[0]}", shopper)
    add(client, both, 3)  # into the customer's cart
    client.cookies.clear()
    set_product(both, price_cents=1100)
    guest = token_of(add(client, both, 4))
    add(client, guest_only, 1)
    cart = cart_of(guest, customer_id)
    assert quantities(cart) == {both_variant: 5, guest_variant: 1}  # 3 + 4, capped by the 5 in stock
    line = next(line for line in cart.lines if line.variant_id == both_variant)
    assert (line.price_seen_cents, line.notice) == (1100, "")
    assert cart_of(guest) is None  # the guest cart is gone
    assert quantities(cart_of("", customer_id)) == quantities(cart)


def test_a_customer_without_a_cart_adopts_the_guest_cart(client):
    product, variant = stocked("C-17", "10", 5)
    guest = token_of(add(client, product, 2))
    customer_id, _ = signed_up(storefront(), "adopt@example.lu")
    cart = cart_of(guest, customer_id)
    assert cart.customer_id == customer_id and quantities(cart) == {variant: 2}


def test_a_closed_cart_is_nobodys_current_cart(client):
    product, _ = stocked("C-18", "10", 5)
    token = token_of(add(client, product))
    with session_scope() as session:
        close_cart(session, scope()[0], cart_of(token).id)
        session.commit()
    assert cart_of(token) is None


def test_the_job_deletes_expired_guest_carts_and_keeps_the_others(client):
    product, _ = stocked("C-19", "10", 5)
    old, live = token_of(add(client, product)), None
    client.cookies.clear()
    live = token_of(add(client, product))
    with session_scope() as session:
        session.exec(
            update(Cart)
            .where(Cart.id == carts.guest_cart(session, scope()[0], old).id)
            .values(expires_at=utcnow() - timedelta(days=1))
        )
        session.commit()
    assert purge_expired_carts() == 1
    assert cart_of(live) is not None and counts()[0] == 1


def test_adding_is_rate_limited_per_cart(client):
    from modules.cart import api

    product, _ = stocked("C-20", "1", 999)
    token = token_of(add(client, product))
    reset(api.PER_CART, token_hash(token))
    answers = [outcome(add(client, product)) for _ in range(api.PER_CART.max_hits + 1)]
    assert answers[:-1] == ["added"] * api.PER_CART.max_hits and answers[-1] == "too_many"
    reset(api.PER_CART, token_hash(token))
