"""Variants on the storefront: the product page's chosen variant (`?variant=`), its pickers,
canonical URL and ProductGroup JSON-LD, and "from" prices on listing cards; on both databases.

The page load runs as Reflex runs it (the route's on_load events: page guard, then
`ShopProductState.load`) on a new tab's state tree, as the first response does.
"""

import asyncio
import json

import pytest

from modules.catalog.models import Product
from modules.catalog.providers import shop_card
from modules.catalog.public import update_variants
from modules.catalog.services.listings import listing_cards
from modules.catalog.services.products import create_product
from modules.inventory.public import adjust_stock
from orion_app.db import session_scope
from tests.integration.catalog_helpers import product_form, scope
from tests.integration.test_access_cache import statements_during
from tests.integration.test_page_load_capacity import STORE, page_tree, route_at, run_page_load
from tests.integration.test_variants import moka  # noqa: F401 (a fixture)

PRODUCT_ROUTE = "/platforms/[platform]/storefront/[store]/products/[slug]"


@pytest.fixture
def app(demo):
    from orion_app.orion_app import app

    return app


@pytest.fixture
def stocked(app, moka):  # noqa: F811 (test_variants' fixture)
    """test_variants' Café Moka (19,99, on sale at 14,99; Weight × Grind) with only 500 g /
    Moulu in stock. Returns (store id, product, {sku: variant})."""
    store_id, product_id, _default, variants = moka
    by_sku = {v.sku: v for v in variants}
    with session_scope() as session:
        product = session.get(Product, product_id)
        ground = by_sku["MOKA-500-G-GROUND"].id
        adjust_stock(session, store_id, product_id, "main", variant_id=ground, delta=4)
    return store_id, product, by_sku


def product_load(slug: str, query: dict | None = None):
    """The product page's state after its page load at /products/<slug>[?query]."""
    from modules.catalog.state.shop import ShopProductState

    root = page_tree(STORE + f"products/{slug}", query)
    asyncio.run(run_page_load(root, route_at(PRODUCT_ROUTE)))
    return root.get_substate(ShopProductState.get_full_name().split("."))


def test_without_a_variant_in_the_url_the_first_buyable_variant_shows(stocked):
    product = stocked[1]
    page = product_load(product.slug)
    assert page.found and page.title == "Café Moka"
    assert page.sku == "MOKA-500-G-GROUND"  # 250 g / Grains comes first but is out of stock
    assert page.variant_name == "500 g · Moulu"
    assert (page.price, page.old_price) == ("14,99\u00a0€", "19,99\u00a0€")
    assert page.availability == "En stock" and page.in_stock
    assert page._page_meta()["canonical"] == STORE + f"products/{product.slug}"
    groups = [(g.name, [(v.label, v.chosen) for v in g.values]) for g in page.pickers]
    assert groups == [
        ("Poids", [("250 g", False), ("500 g", True), ("1 kg", False)]),
        ("Mouture", [("Grains", False), ("Moulu", True)]),
    ]
    beans = page.pickers[1].values[0]  # 500 g / Grains: exists, no stock
    assert beans.href == STORE + f"products/{product.slug}?variant=MOKA-500-G-BEANS" and beans.sold_out


def test_a_variant_in_the_url_is_shown_with_its_own_price_stock_and_canonical(stocked):
    store_id, product, variants = stocked
    kilo = variants["MOKA-1-KG-BEANS"]
    with session_scope() as session:
        update_variants(session, store_id, product.id, {kilo.id: {"price": "34,50", "gtin": "4006381333931"}})
    page = product_load(product.slug, {"variant": "MOKA-1-KG-BEANS"})
    assert (page.sku, page.gtin, page.variant_name) == ("MOKA-1-KG-BEANS", "4006381333931", "1 kg · Grains")
    assert (page.price, page.old_price) == ("34,50\u00a0€", "")  # its own price: no inherited sale
    assert page.availability == "En rupture de stock" and not page.in_stock
    assert page._page_meta()["canonical"] == STORE + f"products/{product.slug}?variant=MOKA-1-KG-BEANS"
    chosen = [v.label for g in page.pickers for v in g.values if v.chosen]
    assert chosen == ["1 kg", "Grains"]


@pytest.mark.parametrize("asked", ["NOPE", "CAFE-001", "", "MOKA-500-G-GROUND'<script>"])
def test_an_unknown_or_foreign_variant_shows_the_default_one(stocked, asked):
    product = stocked[1]
    store_id, merchant_id, platform_id = scope()
    with session_scope() as session:  # another product's SKU is not this product's variant
        create_product(session, store_id, merchant_id, platform_id, product_form(sku="CAFE-001"))
    page = product_load(product.slug, {"variant": asked})
    assert page.sku == "MOKA-500-G-GROUND"
    assert page._page_meta()["canonical"] == STORE + f"products/{product.slug}"


def test_an_inactive_variant_cannot_be_chosen_and_its_value_is_disabled(stocked):
    store_id, product, variants = stocked
    off = variants["MOKA-1-KG-GROUND"]
    with session_scope() as session:
        update_variants(session, store_id, product.id, {off.id: {"is_active": False}})
    page = product_load(product.slug, {"variant": "MOKA-1-KG-GROUND"})
    assert page.sku == "MOKA-500-G-GROUND"  # the default instead
    kilo = page.pickers[0].values[2]  # 1 kg with Moulu chosen: only the inactive variant
    assert (kilo.label, kilo.href, kilo.chosen) == ("1 kg", "", False)
    beans_page = product_load(product.slug, {"variant": "MOKA-1-KG-BEANS"})
    ground = beans_page.pickers[1].values[1]  # Moulu with 1 kg chosen: inactive, disabled
    assert (ground.label, ground.href) == ("Moulu", "")
    data = json.loads(page.json_ld)
    assert "MOKA-1-KG-GROUND" not in [v["sku"] for v in data["hasVariant"]]


def test_the_json_ld_is_a_product_group_with_each_variants_offer(stocked):
    product = stocked[1]
    page = product_load(product.slug)
    data = json.loads(page.json_ld)
    assert data["@type"] == "ProductGroup" and data["@context"] == "https://schema.org"
    assert data["productGroupID"] == "MOKA" and data["variesBy"] == ["https://schema.org/size"]
    assert data["url"].endswith(f"/products/{product.slug}")
    assert len(data["hasVariant"]) == 6
    by_sku = {v["sku"]: v for v in data["hasVariant"]}
    ground = by_sku["MOKA-500-G-GROUND"]
    assert ground["@type"] == "Product" and ground["inProductGroupWithID"] == "MOKA"
    assert ground["size"] == "500 g"
    assert ground["additionalProperty"] == [{"@type": "PropertyValue", "name": "Mouture", "value": "Moulu"}]
    assert ground["url"].endswith(f"/products/{product.slug}?variant=MOKA-500-G-GROUND")
    assert ground["offers"]["price"] == "14.99" and ground["offers"]["priceCurrency"] == "EUR"
    assert ground["offers"]["availability"] == "https://schema.org/InStock"
    assert by_sku["MOKA-1-KG-BEANS"]["offers"]["availability"] == "https://schema.org/OutOfStock"
    assert "</" not in page.json_ld  # cannot close its script element


def test_a_product_without_options_keeps_its_product_json_ld_and_has_no_pickers(app):
    store_id, merchant_id, platform_id = scope()
    with session_scope() as session:
        product = create_product(
            session, store_id, merchant_id, platform_id, product_form(sku="PLAIN", title_fr="Thé nature")
        )
    page = product_load(product.slug)
    assert page.pickers == [] and page.variant_name == "" and page.sku == "PLAIN"
    data = json.loads(page.json_ld)
    assert data["@type"] == "Product" and data["sku"] == "PLAIN"
    assert data["offers"]["price"] == "14.99"


def _card(store_id: int, sku_query: str):
    with session_scope() as session:
        found, _ = listing_cards(session, store_id, ("fr", "en"), query=sku_query)
    return found


def test_listing_cards_show_a_from_price_only_when_variants_differ(stocked):
    store_id, product, variants = stocked
    [card] = _card(store_id, "cafe moka")
    assert card.from_price_cents is None  # all six inherit 19,99 / 14,99
    assert shop_card(card, "/", "fr").price == "14,99\u00a0€"
    with session_scope() as session:
        changes = {
            variants["MOKA-1-KG-BEANS"].id: {"price": "34,50"},
            variants["MOKA"].id: {"price": "12,00", "sale_price": "9,90"},
            variants["MOKA-500-G-BEANS"].id: {"price": "8,00", "is_active": False},  # inactive: not counted
        }
        update_variants(session, store_id, product.id, changes)
    [card] = _card(store_id, "cafe moka")
    assert card.from_price_cents == 990
    shown = {lang: shop_card(card, "/", lang) for lang in ("fr", "en", "de", "lb")}
    assert shown["fr"].price == "à partir de 9,90\u00a0€" and shown["fr"].old_price == ""
    assert shown["en"].price.startswith("from ") and "9.90" in shown["en"].price
    assert shown["de"].price.startswith("ab ") and shown["lb"].price.startswith("vun ")


def test_a_listing_page_with_variant_products_still_costs_two_statements(stocked):
    found: list = []

    def page_of_cards():
        with session_scope() as session:
            found.extend(listing_cards(session, stocked[0], ("fr", "en"), per_page=50)[0])

    assert statements_during(page_of_cards) == 2
    assert any(c.title == "Café Moka" and c.from_price_cents is None for c in found)
