"""Public faces answer with frozen records, inside the caller's store, never with table rows."""

from dataclasses import FrozenInstanceError

import pytest

from modules.catalog.public import active_products, variant_ids, variants_of
from modules.inventory.public import StockRecord, adjust_stock, levels, movements
from modules.tenancy.models import Store
from modules.tenancy.public import home_platform_of_store, store_by_code, store_by_id
from orion_app.db import session_scope
from tests.integration.catalog_helpers import product_form, scope
from tests.integration.helpers import store_id


def test_a_store_is_a_frozen_record_and_a_disabled_store_is_found_only_when_asked(demo):
    cafe = store_id("cafe-lux")
    with session_scope() as session:
        store = store_by_code(session, "cafe-lux")
        assert (store.id, store.code) == (cafe, "cafe-lux")
        with pytest.raises(FrozenInstanceError):
            store.name = "Renamed"
        row = session.get(Store, cafe)
        row.is_active = False
        session.add(row)
        session.commit()
        assert store_by_id(session, cafe) is None
        assert store_by_id(session, cafe, active_only=False).code == "cafe-lux"
        assert home_platform_of_store(session, "cafe-lux") is None


def test_the_home_platform_of_a_store_comes_with_the_store(demo):
    with session_scope() as session:
        platform, store = home_platform_of_store(session, "cafe-lux")
    assert (platform.code, store.code) == ("oms", "cafe-lux")


def test_stock_and_products_cross_the_border_as_records_of_one_store_only(demo):
    from modules.catalog.services.products import create_product

    shop, merchant_id, platform_id = scope()
    other = store_id("bakery-lux")
    with session_scope() as session:
        product = create_product(session, shop, merchant_id, platform_id, product_form())
        variant = variants_of(session, shop, [product.id])[product.id]
        assert [(v.sku, v.gtin, v.options, v.price_cents, v.own_price_cents) for v in variant] == [
            (product.sku, product.gtin, (), product.price_cents, None)
        ]
        assert variant_ids(session, shop, [product.sku, "NONE"]) == {product.sku: variant[0].id}
        level = adjust_stock(session, shop, product.id, "main", delta=3, variant_id=variant[0].id)
        assert level.variant_id == variant[0].id
        assert isinstance(level, StockRecord) and level.available == 3
        assert levels(session, shop, product.id) == [level]
        assert levels(session, other, product.id) == []
        assert [m.quantity_after for m in movements(session, shop, product.id)] == [3]
        listed = [p for p in active_products(session, shop) if p.id == product.id]
        assert listed and listed[0].availability == "in_stock"
        assert all(p.id != product.id for p in active_products(session, other))
