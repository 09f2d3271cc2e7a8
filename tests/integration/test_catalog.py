"""Catalog services: validation, translations, media, storefront search, plan limit, isolation."""

import pytest
from sqlalchemy import event, func
from sqlmodel import select

from modules.catalog.models import Product, ProductMedia
from modules.catalog.services import listings, media, products, storefront
from modules.catalog.services.values import ValueProblem, fold, gtin_type, parse_price
from modules.contracts.features import LimitReached, feature_limit
from orion_app.db import get_engine, session_scope
from orion_app.enablement import save_module_config
from orion_app.errors import FieldErrors, NotFound
from tests.integration.billing_helpers import without_subscription
from tests.integration.catalog_helpers import VALID_GTIN, png_bytes, product_form, scope
from tests.integration.helpers import platform_id, use_media_dir


@pytest.fixture
def shop(demo, tmp_path, monkeypatch):
    use_media_dir(monkeypatch, tmp_path / "media")
    return scope()


def create(shop, **overrides) -> Product:
    store_id, merchant_id, platform_id = shop
    with session_scope() as session:
        return products.create_product(session, store_id, merchant_id, platform_id, product_form(**overrides))


def count(store_id: int) -> int:
    with session_scope() as session:
        return products.count_products(session, store_id)


@pytest.mark.parametrize(
    ("raw", "cents"),
    [("19.99", 1999), ("19,99", 1999), ("19.99 EUR", 1999), ("1.234,50 €", 123450), ("0", 0), ("7", 700)],
)
def test_prices_are_read_the_way_merchants_write_them(raw, cents):
    assert parse_price(raw)[0] == cents


@pytest.mark.parametrize("raw", ["-5", "abc", "19.999", "", "12,3,4"])
def test_bad_prices_are_refused(raw):
    with pytest.raises(ValueProblem):
        parse_price(raw)


def test_gtin_check_digits_are_verified():
    assert gtin_type(VALID_GTIN) == "EAN-13"
    assert gtin_type("96385074") == "EAN-8"
    with pytest.raises(ValueProblem, match="check_digit"):
        gtin_type("4006381333932")


def test_search_text_ignores_accents_and_case():
    assert fold("Café CRÈME Lëtzebuerg") == "cafe creme letzebuerg"


def test_a_product_is_created_with_texts_in_two_languages_prices_in_cents(shop):
    product = create(shop)
    assert (product.price_cents, product.sale_price_cents, product.gtin_type, product.vat_rate) == (
        1999,
        1499,
        "EAN-13",
        17,
    )
    assert product.slug == "organic-cafe-creme" or product.slug == "cafe-creme-bio"
    with session_scope() as session:
        texts = products.translations(session, [product.id])[product.id]
    assert {lang: t.title for lang, t in texts.items()} == {
        "fr": "Café Crème Bio",
        "en": "Organic Café Crème",
    }


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"price": "-1"}, "price", "catalog.error.price_format"),
        ({"price": "cheap"}, "price", "catalog.error.price_format"),
        ({"sale_price": "25.00"}, "sale_price", "catalog.error.sale_above_price"),
        ({"gtin": "4006381333932"}, "gtin", "catalog.error.gtin_check_digit"),
        ({"vat_rate": "20"}, "vat_rate", "catalog.error.vat_rate"),
        ({"title_fr": "", "title_en": "", "description_fr": ""}, "title_en", "catalog.error.title_needed"),
    ],
)
def test_bad_fields_are_reported_next_to_the_field_and_nothing_is_saved(shop, overrides, field, message):
    before = count(shop[0])
    with pytest.raises(FieldErrors) as caught:
        create(shop, **overrides)
    assert caught.value.errors[field] == message
    assert count(shop[0]) == before


def test_a_sku_is_unique_per_store_but_may_repeat_in_another_store(shop):
    create(shop)
    with pytest.raises(FieldErrors) as caught:
        create(shop, title_fr="Autre")
    assert caught.value.errors == {"sku": "catalog.error.sku_taken"}
    other = scope("velo-weber")
    assert create(other).sku == "CAFE-001"


def test_photos_are_stored_in_three_sizes_and_non_images_are_refused(shop, tmp_path):
    product = create(shop)
    with session_scope() as session:
        row = media.add_photo(session, shop[0], product.id, png_bytes())
        with pytest.raises(FieldErrors) as not_image:
            media.add_photo(session, shop[0], product.id, b"<html>not a photo</html>")
        with pytest.raises(FieldErrors) as too_big:
            media.add_photo(session, shop[0], product.id, b"\x89PNG" + b"0" * (media.MAX_BYTES + 1))
    assert not_image.value.errors == {"photos": "catalog.error.not_an_image"}
    assert too_big.value.errors == {"photos": "catalog.error.image_too_large"}
    for size in media.SIZES:
        assert (media.media_root() / media.variant_path(row.key, size)).exists()
    with session_scope() as session:
        assert session.exec(select(func.count(ProductMedia.id))).one() == 1


def test_storefront_search_finds_cafe_for_cafe_by_title_brand_sku_and_gtin(shop):
    create(shop)
    create(
        shop, sku="TEA-7", title_fr="Thé vert", title_en="Green tea", gtin="", sale_price="", brand="Tëschen"
    )
    langs = ("fr", "en")
    with session_scope() as session:
        for query in ("cafe", "CAFÉ", "creme bio", "letzebuerger", "cafe-001", VALID_GTIN):
            found, _ = listings.listing_cards(session, shop[0], langs, query=query)
            assert [c.title for c in found] == ["Café Crème Bio"], query
        assert listings.listing_cards(session, shop[0], langs, query="teschen")[1] == 1
        assert listings.listing_cards(session, shop[0], langs, query="chocolat")[1] == 0


def test_shoppers_see_texts_in_their_language_with_a_fallback(shop):
    product = create(shop)
    with session_scope() as session:
        assert (
            storefront.product_page(session, shop[0], product.slug, ("en", "fr")).card.title
            == "Organic Café Crème"
        )
        assert (
            storefront.product_page(session, shop[0], product.slug, ("de", "fr")).card.title
            == "Café Crème Bio"
        )


def test_inactive_unknown_and_other_stores_products_are_not_found(shop):
    product = create(shop)
    other = scope("velo-weber")
    with session_scope() as session:
        with pytest.raises(NotFound):
            storefront.product_page(session, other[0], product.slug, ("fr",))
        with pytest.raises(NotFound):
            storefront.product_page(session, shop[0], "no-such-product", ("fr",))
        products.set_active(session, shop[0], [product.id], False)
        with pytest.raises(NotFound):
            storefront.product_page(session, shop[0], product.slug, ("fr",))
        assert listings.listing_cards(session, shop[0], ("fr",))[1] == 0


def test_another_store_cannot_read_change_or_delete_a_product(shop):
    product = create(shop)
    other = scope("velo-weber")
    with session_scope() as session:
        with pytest.raises(NotFound):
            products.get_product(session, other[0], product.id)
        with pytest.raises(NotFound):
            products.update_product(session, other[0], product.id, product_form(title_fr="Hijack"))
        with pytest.raises(NotFound):
            products.delete_product(session, other[0], product.id)
        with pytest.raises(NotFound):
            media.add_photo(session, other[0], product.id, png_bytes())
        assert products.set_active(session, other[0], [product.id], False) == 0
        assert products.list_products(session, other[0])[1] == 0
    with session_scope() as session:
        assert session.get(Product, product.id).is_active is True


def test_the_product_limit_comes_from_the_declared_default_and_is_enforced(demo):
    shop = scope("bakery-lux", "loyalty")  # the demo lifts the limit on oms, not on loyalty
    store_id, merchant_id, platform_id = shop
    without_subscription(merchant_id)  # no plan: contracts' fallback, the declared default
    assert feature_limit(merchant_id, platform_id, "products_limit") == 200
    with session_scope() as session:
        session.add_all(
            Product(store_id=store_id, sku=f"BULK-{i}", slug=f"bulk-{i}", price_cents=100) for i in range(200)
        )
        session.commit()
    with pytest.raises(LimitReached) as caught:
        create(shop)
    assert caught.value.limit == 200 and caught.value.message_key == "contracts.limit_reached"
    assert count(store_id) == 200


def test_a_platform_setting_overrides_the_declared_limit_and_env(demo, monkeypatch):
    _, merchant_id, loyalty = scope("bakery-lux", "loyalty")
    without_subscription(merchant_id)  # a plan's limit would win over the platform's setting
    monkeypatch.setenv("CONTRACTS_LIMITS", '{"products_limit": 50}')
    assert feature_limit(merchant_id, loyalty, "products_limit") == 50
    save_module_config(loyalty, "contracts", {"limits": {"products_limit": 1000}}, None)
    assert feature_limit(merchant_id, loyalty, "products_limit") == 1000
    assert feature_limit(merchant_id, platform_id("oms"), "products_limit") is None  # the demo's setting


def test_a_listing_page_costs_the_same_number_of_queries_whatever_its_size(shop):
    for i in range(30):
        create(shop, sku=f"P-{i}", title_fr=f"Produit {i}", gtin="", sale_price="")
    statements: list[str] = []

    def count_statement(*_args):
        statements.append("x")

    engine = get_engine()
    event.listen(engine, "before_cursor_execute", count_statement)
    try:
        sizes = {}
        for per_page in (5, 25):
            statements.clear()
            with session_scope() as session:
                found, _ = listings.listing_cards(session, shop[0], ("fr",), per_page=per_page)
            assert len(found) == per_page
            sizes[per_page] = len(statements)
    finally:
        event.remove(engine, "before_cursor_execute", count_statement)
    assert sizes[5] == sizes[25] <= 6
