"""The storefront's category tree, cached per process (`categories.shop_category_tree`): no SQL
when warm, every category change seen on the next storefront read, the dashboard reading fresh;
and a listing page load whose statements do not grow with its page size. On both databases."""

import asyncio
import dataclasses
import time

import pytest
from sqlalchemy import update
from sqlmodel import delete, select

from modules.catalog.models import Category, CategoryTranslation
from modules.catalog.services import categories, products
from modules.catalog.state import shop as shop_state
from orion_app import access_cache
from orion_app.db import session_scope
from orion_app.redis_client import get_redis
from orion_app.ui.guard import handler_events
from tests.integration.catalog_helpers import product_form, scope
from tests.integration.test_access_cache import statements_during
from tests.integration.test_page_load_capacity import STORE, page_tree, route_at, run_page_load

LISTING_ROUTE = "/platforms/[platform]/storefront/[store]/products"


@pytest.fixture
def shop(demo):
    """Cafe Lux with Drinks › Coffee and Drinks › Tea (named in English and French); the app
    is imported, so its states can run a page load."""
    from orion_app.orion_app import app  # noqa: F401

    store_id = scope()[0]
    with session_scope() as session:
        drinks = categories.create_category(session, store_id, {"en": "Drinks", "fr": "Boissons"})
        coffee = categories.create_category(session, store_id, {"en": "Coffee", "fr": "Café"}, drinks.id)
        tea = categories.create_category(session, store_id, {"en": "Tea", "fr": "Thé"}, drinks.id)
    return {"store": store_id, "drinks": drinks.id, "coffee": coffee.id, "tea": tea.id}


def shop_tree(store_id: int, lang: str = "en") -> tuple[categories.CategoryNode, ...]:
    """The tree as a storefront page reads it: after the guard's catching up with changes."""
    access_cache.refresh()
    with session_scope() as session:
        return categories.shop_category_tree(session, store_id, lang, "fr")


def names(store_id: int, lang: str = "en") -> list[tuple[str, int]]:
    return [(node.name, node.depth) for node in shop_tree(store_id, lang)]


def rename(category_id: int, name: str, lang: str = "en") -> None:
    """A category's name changed as the ORM writes it (catalog has no renaming service yet)."""
    with session_scope() as session:
        text = session.exec(
            select(CategoryTranslation).where(
                CategoryTranslation.category_id == category_id, CategoryTranslation.lang == lang
            )
        ).one()
        text.name = name
        session.add(text)
        session.commit()


def test_a_warm_category_tree_runs_no_sql_and_cannot_be_changed_by_a_caller(shop):
    assert names(shop["store"]) == [("Drinks", 0), ("Coffee", 1), ("Tea", 1)]
    assert statements_during(lambda: shop_tree(shop["store"])) == 0
    tree = shop_tree(shop["store"])
    assert tree is shop_tree(shop["store"])  # one value shared by every page load
    assert isinstance(tree, tuple)
    with pytest.raises(dataclasses.FrozenInstanceError):
        tree[0].name = "Changed"  # type: ignore[misc]
    assert names(shop["store"], "fr") == [("Boissons", 0), ("Café", 1), ("Thé", 1)]  # a tree per language


def test_the_dashboards_category_choices_are_read_fresh_each_time(shop):
    def choices():
        with session_scope() as session:
            return categories.category_options(session, shop["store"], "en", "fr")

    assert [c["label"] for c in choices()] == ["Drinks", "— Coffee", "— Tea"]
    assert statements_during(choices) > 0


def test_an_added_renamed_moved_or_deleted_category_shows_in_the_next_storefront_read(shop):
    store_id = shop["store"]
    assert names(store_id) == [("Drinks", 0), ("Coffee", 1), ("Tea", 1)]
    with session_scope() as session:
        beans = categories.create_category(session, store_id, {"en": "Beans"}, shop["coffee"])
    assert names(store_id) == [("Drinks", 0), ("Coffee", 1), ("Beans", 2), ("Tea", 1)]

    rename(shop["tea"], "Herbal tea")
    assert names(store_id)[-1] == ("Herbal tea", 1)

    with session_scope() as session:  # moved to the top level
        coffee = session.get(Category, shop["coffee"])
        coffee.parent_id = None
        session.add(coffee)
        session.commit()
    assert names(store_id) == [("Coffee", 0), ("Beans", 1), ("Drinks", 0), ("Herbal tea", 1)]

    with session_scope() as session:  # renamed by a bulk statement
        session.execute(
            update(CategoryTranslation)
            .where(CategoryTranslation.category_id == beans.id)
            .values(name="Whole beans")
        )
        session.commit()
    assert names(store_id)[1] == ("Whole beans", 1)

    with session_scope() as session:  # deleted with its names
        session.execute(delete(CategoryTranslation).where(CategoryTranslation.category_id == beans.id))
        session.delete(session.get(Category, beans.id))
        session.commit()
    assert names(store_id) == [("Coffee", 0), ("Drinks", 0), ("Herbal tea", 1)]


def test_a_category_change_tells_every_process_to_drop_its_trees(shop):
    """Other processes learn of the commit from the message it publishes: `<version>:catalog_tree`."""
    channel = get_redis().pubsub(ignore_subscribe_messages=True)
    channel.subscribe(access_cache._version_key())
    published = []
    try:
        with session_scope() as session:
            categories.create_category(session, shop["store"], {"en": "Cups"})
        deadline = time.monotonic() + 5
        while not published and time.monotonic() < deadline:  # the first read may be the subscription's
            message = channel.get_message(timeout=1.0)
            if message is not None:
                published.append(bytes(message["data"]))
    finally:
        channel.close()
    assert published and published[0].endswith(b":catalog_tree")


def test_two_stores_trees_never_mix(shop):
    velo = scope("velo-weber")[0]
    with session_scope() as session:
        categories.create_category(session, velo, {"en": "Bikes"})
    assert names(velo) == [("Bikes", 0)]
    assert [n for n, _depth in names(shop["store"])] == ["Drinks", "Coffee", "Tea"]


def listing_load(query: dict):
    root = page_tree(STORE + "products", query)
    asyncio.run(run_page_load(root, route_at(LISTING_ROUTE)))
    return root.get_substate(shop_state.ShopListingState.get_full_name().split("."))


def test_a_category_listing_shows_a_renamed_category_and_its_sub_categories_products(shop):
    store_id, merchant_id, platform_id = scope()
    with session_scope() as session:
        for sku, category in (("BEANS-1", shop["coffee"]), ("TEA-1", shop["tea"]), ("MUG-1", None)):
            form = product_form(sku=sku, title_en=sku, gtin="", category_id=str(category or ""))
            products.create_product(session, store_id, merchant_id, platform_id, form)
    listing = listing_load({"category": "drinks", "lang": "en"})
    assert sorted(item.title for item in listing.items) == ["BEANS-1", "TEA-1"]
    assert listing.heading == "Drinks"
    rename(shop["drinks"], "Beverages")
    listing = listing_load({"category": "drinks", "lang": "en"})
    assert listing.heading == "Beverages"
    assert [c["name"] for c in listing.categories] == ["Beverages", "Coffee", "Tea"]
    assert [item.title for item in listing_load({"category": "no-such", "lang": "en"}).items] == [
        "MUG-1",
        "TEA-1",
        "BEANS-1",
    ]  # an unknown category: every product, newest first


def load(listing) -> None:
    """The listing's loader again, as a client's event runs it (the guard's decision is warm)."""
    asyncio.run(handler_events(shop_state.ShopListingState.load.fn, listing))


def test_a_warm_listing_load_costs_two_statements_whatever_its_page_size(shop, monkeypatch):
    store_id, merchant_id, platform_id = scope()
    with session_scope() as session:
        for n in range(100):
            form = product_form(
                sku=f"P-{n}", title_en=f"Coffee {n}", gtin="", category_id=str(shop["coffee"])
            )
            products.create_product(session, store_id, merchant_id, platform_id, form)
    counts = {}
    for query in ({}, {"category": "drinks"}, {"q": "coffee", "sort": "name"}):
        listing = listing_load(query)
        for per_page in (12, 24, 96):
            monkeypatch.setattr(shop_state, "_page_size", lambda _platform, size=per_page: size)
            counts[(str(query), per_page)] = statements_during(lambda state=listing: load(state))
            assert len(listing.items) == per_page
            assert all(item.has_options is False for item in listing.items)
    assert set(counts.values()) == {2}, counts  # the count and the page of cards
