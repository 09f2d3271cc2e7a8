"""Storefront navigation rules: sort orders, pages past the end, category and search
together, breadcrumbs and their JSON-LD."""

import json

import pytest

from modules.catalog.services import categories, listings, products, storefront
from modules.catalog.state.shop import breadcrumbs, listing_href, sort_order
from orion_app.db import session_scope
from tests.integration.catalog_helpers import product_form, scope
from tests.integration.helpers import use_media_dir

BASE = "/platforms/oms/storefront/cafe-lux/"


@pytest.fixture
def shop(demo, tmp_path, monkeypatch):
    """Cafe Lux with Drinks › Coffee and Drinks › Tea, and four products."""
    use_media_dir(monkeypatch, tmp_path / "media")
    store_id, merchant_id, platform_id = scope()
    with session_scope() as session:
        drinks = categories.create_category(session, store_id, {"en": "Drinks", "fr": "Boissons"})
        coffee = categories.create_category(session, store_id, {"en": "Coffee", "fr": "Café"}, drinks.id)
        tea = categories.create_category(session, store_id, {"en": "Tea", "fr": "Thé"}, drinks.id)
        rows = [
            ("BEAN-1", "Dark roast beans", "Torréfaction foncée", "12,00", "", coffee.id),
            ("BEAN-2", "Bright roast beans", "Torréfaction claire", "9,50", "", coffee.id),
            ("MUG-1", "Roast mug", "Tasse", "20,00", "8,00", None),
            ("TEA-1", "Green tea", "Thé vert", "5,00", "", tea.id),
        ]
        for sku, title_en, title_fr, price, sale, category_id in rows:
            products.create_product(
                session,
                store_id,
                merchant_id,
                platform_id,
                product_form(
                    sku=sku,
                    title_en=title_en,
                    title_fr=title_fr,
                    price=price,
                    sale_price=sale,
                    gtin="",
                    brand="",
                    category_id=str(category_id or ""),
                ),
            )
    return {"store": store_id, "drinks": drinks.id, "coffee": coffee.id, "tea": tea.id}


def titles(shop, langs=("en", "fr"), **options) -> list[str]:
    """The titles of a listing page, as the storefront asks for it."""
    with session_scope() as session:
        found, _ = listings.listing_cards(session, shop["store"], langs, **options)
        return [c.title for c in found]


@pytest.mark.parametrize(
    ("asked", "searching", "used"),
    [
        (None, False, "newest"),
        (None, True, "relevance"),
        ("price_desc", False, "price_desc"),
        ("name", True, "name"),
        ("relevance", False, "newest"),  # nothing to be relevant to without a search
        ("cheapest'; DROP TABLE product", False, "newest"),
        ("PRICE_ASC", True, "relevance"),
    ],
)
def test_an_unknown_or_pointless_sort_falls_back_to_the_default(asked, searching, used):
    assert sort_order(asked, searching) == used


def test_prices_sort_by_what_the_shopper_pays_and_names_in_the_shoppers_language(shop):
    # The mug costs 20.00 but is on sale at 8.00: it sorts as 8.00.
    assert titles(shop, sort="price_asc") == [
        "Green tea",
        "Roast mug",
        "Bright roast beans",
        "Dark roast beans",
    ]
    assert titles(shop, sort="price_desc") == [
        "Dark roast beans",
        "Bright roast beans",
        "Roast mug",
        "Green tea",
    ]
    assert titles(shop, sort="name") == ["Bright roast beans", "Dark roast beans", "Green tea", "Roast mug"]
    assert titles(shop, ("fr", "en"), sort="name") == [
        "Tasse",
        "Thé vert",
        "Torréfaction claire",
        "Torréfaction foncée",
    ]


def test_relevance_puts_the_whole_phrase_before_its_words_apart(shop):
    with session_scope() as session:
        products.create_product(
            session,
            shop["store"],
            *scope()[1:],
            product_form(sku="BEAN-3", title_en="Beans for a dark day, no roast", title_fr="Grains", gtin=""),
        )
    found = titles(shop, query="dark roast", sort="relevance")
    assert found == ["Dark roast beans", "Beans for a dark day, no roast"]


def test_a_category_and_a_search_filter_together_and_a_category_includes_its_children(shop):
    with session_scope() as session:
        drinks = categories.subtree_ids(session, shop["store"], shop["drinks"])
        coffee = categories.subtree_ids(session, shop["store"], shop["coffee"])
    assert sorted(titles(shop, category_ids=drinks)) == [
        "Bright roast beans",
        "Dark roast beans",
        "Green tea",
    ]
    # "roast" alone also finds the mug; inside Coffee only the beans.
    assert sorted(titles(shop, query="roast")) == ["Bright roast beans", "Dark roast beans", "Roast mug"]
    assert sorted(titles(shop, query="roast", category_ids=coffee)) == [
        "Bright roast beans",
        "Dark roast beans",
    ]


def test_listing_links_keep_the_search_and_category_and_leave_out_defaults():
    assert listing_href(BASE) == BASE + "products"
    assert listing_href(BASE, q="roast", category="coffee") == BASE + "products?q=roast&category=coffee"
    # Relevance is the default while searching, newest without: neither is written.
    assert listing_href(BASE, q="roast", sort="relevance", page=1) == BASE + "products?q=roast"
    assert listing_href(BASE, sort="newest") == BASE + "products"
    assert listing_href(BASE, sort="relevance") == BASE + "products?sort=relevance"
    assert listing_href(BASE, category="tea", sort="price_asc", page=3) == (
        BASE + "products?category=tea&sort=price_asc&page=3"
    )


@pytest.mark.parametrize(("total", "last"), [(0, 1), (1, 1), (12, 1), (13, 2), (30, 3)])
def test_the_last_page_is_where_a_page_past_the_end_goes(total, last):
    assert storefront.last_page(total, 12) == last


def test_the_last_page_of_a_listing_has_products_and_the_next_one_has_none(shop):
    with session_scope() as session:
        found, total = listings.listing_cards(session, shop["store"], ("en",), page=2, per_page=3)
        assert (len(found), total, storefront.last_page(total, 3)) == (1, 4, 2)
        assert listings.listing_cards(session, shop["store"], ("en",), page=3, per_page=3)[0] == []


def test_breadcrumbs_run_from_home_through_parent_categories_to_the_page(shop):
    with session_scope() as session:
        tree = categories.category_tree(session, shop["store"], "en")
    trail = storefront.category_trail(tree, shop["coffee"])
    assert [n.name for n in trail] == ["Drinks", "Coffee"]
    assert storefront.category_trail(tree, None) == []
    steps = [(n.name, listing_href(BASE, category=n.slug)) for n in trail]
    items, as_json = breadcrumbs(
        BASE, "https://shop.example", "fr", [*steps, ("Dark roast", BASE + "products/x")]
    )
    assert [i["name"] for i in items] == ["Accueil", "Drinks", "Coffee", "Dark roast"]
    assert items[0]["href"] == BASE and items[1]["href"] == BASE + "products?category=drinks"
    assert items[-1]["href"] == ""  # the page itself is not a link
    data = json.loads(as_json)
    assert data["@type"] == "BreadcrumbList"
    assert [(e["position"], e["name"]) for e in data["itemListElement"]] == [
        (1, "Accueil"),
        (2, "Drinks"),
        (3, "Coffee"),
        (4, "Dark roast"),
    ]
    assert data["itemListElement"][3]["item"] == "https://shop.example" + BASE + "products/x"


def test_breadcrumb_json_cannot_close_its_script_element():
    _, as_json = breadcrumbs(BASE, "", "en", [("</script><script>alert(1)</script>", BASE + "products")])
    assert "</script>" not in as_json and "<" not in as_json
    assert json.loads(as_json)["itemListElement"][1]["name"] == "</script><script>alert(1)</script>"


def test_the_store_footer_names_the_seller_with_its_vat_number(demo):
    from modules.tenancy.models import Merchant, Store
    from orion_app.access import directory
    from orion_app.ui.shell import _imprint

    store = scope("velo-weber")[0]
    with session_scope() as session:
        merchant = session.get(Merchant, session.get(Store, store).merchant_id)
        merchant.legal_name, merchant.vat_number = "Vëlo Weber Société Anonyme", "LU12345678"
        session.add(merchant)
        session.commit()
    imprint = directory().store_imprint(store)
    assert (imprint.legal_name, imprint.vat_number, imprint.email) == (
        "Vëlo Weber Société Anonyme",
        "LU12345678",
        "jean@velo.lu",
    )
    assert _imprint(store, "fr") == ["Vëlo Weber Société Anonyme", "N° de TVA : LU12345678", "jean@velo.lu"]
    assert directory().store_imprint(999_999) is None
