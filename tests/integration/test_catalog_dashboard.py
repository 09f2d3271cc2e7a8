"""The store dashboard's product list and editor, at service level: category filter, GTIN warning."""

import pytest

from modules.catalog.services import categories, products
from orion_app.db import session_scope
from tests.integration.catalog_helpers import product_form, scope
from tests.integration.helpers import use_media_dir


@pytest.fixture
def shop(demo, tmp_path, monkeypatch):
    use_media_dir(monkeypatch, tmp_path / "media")
    return scope()


def create(shop, **overrides):
    store_id, merchant_id, platform_id = shop
    with session_scope() as session:
        return products.create_product(session, store_id, merchant_id, platform_id, product_form(**overrides))


def test_filtering_by_a_category_lists_the_products_of_its_sub_categories_too(shop):
    store_id = shop[0]
    with session_scope() as session:
        drinks = categories.create_category(session, store_id, {"en": "Drinks"}, slug="drinks-test")
        coffee = categories.create_category(
            session, store_id, {"en": "Coffee"}, drinks.id, slug="coffee-test"
        )
        beans = categories.create_category(session, store_id, {"en": "Beans"}, coffee.id, slug="beans-test")
        tea = categories.create_category(session, store_id, {"en": "Tea"}, drinks.id, slug="tea-test")
    ids = (drinks.id, coffee.id, beans.id, tea.id)
    for n, category_id in enumerate(ids):
        create(shop, sku=f"CAT-{n}", title_en=f"Product {n}", gtin="", category_id=str(category_id))
    with session_scope() as session:

        def skus(category_id: int) -> list[str]:
            found, total = products.list_products(session, store_id, category_id=category_id, sort="sku")
            assert total == len(found)
            return [p.sku for p in found]

        assert skus(drinks.id) == ["CAT-0", "CAT-1", "CAT-2", "CAT-3"]
        assert skus(coffee.id) == ["CAT-1", "CAT-2"]
        assert skus(beans.id) == ["CAT-2"]
        assert skus(tea.id) == ["CAT-3"]


def test_a_gtin_another_product_of_the_store_has_is_saved_with_a_warning_naming_its_sku(shop):
    first = create(shop, sku="BUNDLE-1", title_en="Coffee bundle")
    second = create(shop, sku="BEANS-1", title_en="Coffee beans")  # the same GTIN (product_form's)
    alone = create(shop, sku="CUP-1", title_en="Cup", gtin="96385074")
    other_store = create(scope("velo-weber"), sku="BIKE-1", title_en="Bike")  # same GTIN elsewhere
    with session_scope() as session:
        warnings = products.product_warnings(
            session, shop[0], products.get_product(session, shop[0], second.id)
        )
        assert [(w.field, w.key, w.params) for w in warnings] == [
            ("gtin", "catalog.warning.same_gtin", {"skus": "BUNDLE-1"})
        ]
        assert products.product_warnings(session, shop[0], first)[0].params == {"skus": "BEANS-1"}
        assert products.product_warnings(session, shop[0], alone) == []
        assert products.product_warnings(session, other_store.store_id, other_store) == []
        products.update_product(session, shop[0], second.id, product_form(sku="BEANS-1", gtin=""))
        assert products.product_warnings(session, shop[0], first) == []
