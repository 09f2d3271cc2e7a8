"""The product rules the editor, the bulk upsert and the feed reader share."""

from modules.catalog.models import Product, ProductTranslation
from modules.catalog.public import product_rules


def test_field_limits_are_the_lengths_the_tables_declare():
    limits = product_rules().limits
    assert limits["sku"] == Product.__table__.c.sku.type.length == 64
    assert limits["title"] == ProductTranslation.__table__.c.title.type.length == 200
    assert (limits["description"], limits["brand"], limits["mpn"]) == (10_000, 120, 70)


def test_a_text_longer_than_its_column_is_too_long_and_one_that_fits_is_not():
    rules = product_rules()
    assert rules.too_long("mpn", "x" * 71)
    assert not rules.too_long("mpn", "x" * 70)


def test_a_sale_price_may_equal_the_price_but_not_exceed_it():
    rules = product_rules()
    assert rules.sale_above_price(1000, 1001)
    assert not rules.sale_above_price(1000, 1000)
    assert not rules.sale_above_price(1000, None)
    assert not rules.sale_above_price(None, 1001)
