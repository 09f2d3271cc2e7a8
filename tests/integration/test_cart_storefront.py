""" "Add to cart" where catalog shows products: listing cards know their product and whether
its options must be chosen on its page first, and a product with options is added only by
one of its own variants' SKUs."""

import asyncio

import pytest
from starlette.testclient import TestClient

from modules.inventory.public import adjust_stock
from orion_app.api import build_api
from orion_app.db import session_scope
from orion_app.ratelimit import reset
from orion_app.registry import get_registry
from tests.integration.cart_helpers import add, cart_of, outcome, quantities, stocked
from tests.integration.test_page_load_capacity import STORE, page_tree, route_at, run_page_load
from tests.integration.test_variants import moka  # noqa: F401 (a fixture)

LISTING_ROUTE = "/platforms/[platform]/storefront/[store]/products"


@pytest.fixture
def app(demo):
    from orion_app.orion_app import app

    return app


def listing_cards():
    from modules.catalog.state.shop import ShopListingState

    root = page_tree(STORE + "products")
    asyncio.run(run_page_load(root, route_at(LISTING_ROUTE)))
    return root.get_substate(ShopListingState.get_full_name().split(".")).items


def test_cards_know_their_product_and_whether_its_options_come_first(app, moka):  # noqa: F811
    _store_id, moka_id, _default, _variants = moka
    simple, _ = stocked("SIMPLE-1", "5", 2)
    has_options = {card.product_id: card.has_options for card in listing_cards()}
    assert has_options[moka_id] is True and has_options[simple] is False


def test_a_product_with_options_is_added_only_by_one_of_its_own_skus(app, moka):  # noqa: F811
    from modules.cart import api

    store_id, moka_id, _default, variants = moka
    ground = next(v for v in variants if v.sku == "MOKA-500-G-GROUND")
    with session_scope() as session:
        adjust_stock(session, store_id, moka_id, "main", variant_id=ground.id, delta=4)
    reset(api.PER_IP, "testclient")
    client = TestClient(build_api(get_registry()))
    assert outcome(add(client, moka_id)) == "choose_options"
    _other, _ = stocked("OTHER-1", "5", 2)
    assert outcome(add(client, moka_id, sku="OTHER-1")) == "unknown_product"  # another product's SKU
    response = add(client, moka_id, 2, sku="MOKA-500-G-GROUND")
    token = response.cookies[api.cart_cookie_names(store_id)[1]]
    assert quantities(cart_of(token)) == {ground.id: 2}
    assert cart_of(token).lines[0].options != ""  # "500 g, Moulu" in the shopper's language
