"""Options and variants: define, generate, edit, SKUs unique in the store, prices, stock per variant."""

import pytest
from sqlmodel import select

from modules.catalog.models import ProductVariant
from modules.catalog.public import (
    Item,
    OptionInput,
    default_variants,
    generate_variants,
    options_of,
    set_options,
    update_variants,
    upsert_products,
    variant_ids,
    variants_of,
)
from modules.catalog.services.listings import listing_cards
from modules.catalog.services.media import add_photo
from modules.catalog.services.products import create_product, delete_product, update_product
from modules.inventory.public import (
    InsufficientStock,
    adjust_stock,
    available_by_product,
    available_by_variant,
    levels,
    reserve,
)
from orion_app.db import session_scope
from orion_app.errors import FieldErrors
from tests.integration.catalog_helpers import png_bytes, product_form, scope
from tests.integration.helpers import use_media_dir

WEIGHT = OptionInput(
    {"fr": "Poids", "en": "Weight"},
    [{"fr": "250 g", "en": "250 g"}, {"fr": "500 g", "en": "500 g"}, {"fr": "1 kg", "en": "1 kg"}],
    attribute="size",
)
GRIND = OptionInput(
    {"fr": "Mouture", "en": "Grind"}, [{"fr": "Grains", "en": "Beans"}, {"fr": "Moulu", "en": "Ground"}]
)


@pytest.fixture
def moka(demo):
    """Café Moka (price 19,99, sale 14,99) with Weight × Grind: 6 variants."""
    store_id, merchant_id, platform_id = scope()
    with session_scope() as session:
        product = create_product(
            session,
            store_id,
            merchant_id,
            platform_id,
            product_form(sku="MOKA", title_fr="Café Moka", gtin=""),
        )
        default = default_variants(session, store_id, [product.id])[product.id]
        set_options(session, store_id, product.id, [WEIGHT, GRIND])
        variants = generate_variants(session, store_id, product.id)
    return store_id, product.id, default, variants


def test_weight_by_grind_makes_six_variants_and_the_default_variant_becomes_the_first(moka):
    store_id, product_id, default, variants = moka
    assert len(variants) == 6
    assert variants[0].id == default and variants[0].sku == "MOKA"
    assert [v.sku for v in variants] == [
        "MOKA",
        "MOKA-250-G-GROUND",
        "MOKA-500-G-BEANS",
        "MOKA-500-G-GROUND",
        "MOKA-1-KG-BEANS",
        "MOKA-1-KG-GROUND",
    ]
    picked = [(o.names["en"], o.labels["fr"], o.attribute) for o in variants[3].options]
    assert picked == [("Weight", "500 g", "size"), ("Grind", "Moulu", "")]
    assert all(v.price_cents == 1999 and v.sale_price_cents == 1499 and v.is_active for v in variants)
    with session_scope() as session:
        assert default_variants(session, store_id, [product_id]) == {}
        assert [o.names["fr"] for o in options_of(session, store_id, product_id)] == ["Poids", "Mouture"]
        assert generate_variants(session, store_id, product_id) == variants  # nothing left to create
        assert variant_ids(session, store_id, ["MOKA-1-KG-GROUND", "NOPE"]) == {
            "MOKA-1-KG-GROUND": variants[5].id
        }


def test_a_variant_sku_is_unique_in_the_store_across_products(moka):
    store_id, product_id, _default, variants = moka
    _, merchant_id, platform_id = scope()
    with session_scope() as session:
        other = create_product(
            session, store_id, merchant_id, platform_id, product_form(sku="FILTRE", gtin="")
        )
        with pytest.raises(FieldErrors) as taken:
            update_variants(session, store_id, product_id, {variants[1].id: {"sku": "FILTRE"}})
        with pytest.raises(FieldErrors) as twice:
            update_variants(session, store_id, product_id, {variants[1].id: {"sku": variants[2].sku}})
        with pytest.raises(FieldErrors) as product_sku:
            update_product(session, store_id, other.id, product_form(sku="MOKA-500-G-GROUND", gtin=""))
        # Swapping two SKUs within the product is one consistent change.
        swapped = update_variants(
            session,
            store_id,
            product_id,
            {variants[1].id: {"sku": variants[2].sku}, variants[2].id: {"sku": variants[1].sku}},
        )
        outcome = upsert_products(
            session,
            store_id,
            merchant_id,
            platform_id,
            "fr",
            [Item("MOKA-1-KG-GROUND", {"price_cents": 100}, {"title": "Doublon"})],
            source="test",
            warehouse="main",
        )
    assert taken.value.errors == {f"{variants[1].id}.sku": "catalog.error.sku_taken"}
    assert twice.value.errors == {f"{variants[1].id}.sku": "catalog.error.variant_sku_twice"}
    assert product_sku.value.errors == {"sku": "catalog.error.sku_taken"}
    assert (swapped[1].sku, swapped[2].sku) == (variants[2].sku, variants[1].sku)
    assert [(o.result, o.about, o.key) for o in outcome] == [("rejected", "sku", "catalog.error.sku_taken")]


def test_prices_are_inherited_unless_the_variant_sets_its_own(moka):
    store_id, product_id, _default, variants = moka
    one_kilo = variants[4].id
    with session_scope() as session:
        edited = update_variants(
            session, store_id, product_id, {one_kilo: {"price": "49,90", "weight_grams": "1000", "gtin": ""}}
        )
        with pytest.raises(FieldErrors) as bad:
            update_variants(
                session,
                store_id,
                product_id,
                {one_kilo: {"sale_price": "59", "weight_grams": "-1"}, 999_999: {"sku": "X"}},
            )
        with pytest.raises(FieldErrors) as bad_gtin:
            update_variants(session, store_id, product_id, {one_kilo: {"gtin": "4006381333932"}})
        back = update_variants(session, store_id, product_id, {one_kilo: {"price": "", "sale_price": ""}})
    assert (edited[4].price_cents, edited[4].sale_price_cents, edited[4].own_price_cents) == (
        4990,
        None,
        4990,
    )
    assert edited[4].weight_grams == 1000
    assert (edited[0].price_cents, edited[0].sale_price_cents) == (1999, 1499)  # inherits
    assert bad.value.errors == {
        f"{one_kilo}.sale_price": "catalog.error.sale_above_price",
        f"{one_kilo}.weight_grams": "catalog.error.weight",
        "999999.sku": "catalog.error.variant_unknown",
    }
    assert bad_gtin.value.errors == {f"{one_kilo}.gtin": "catalog.error.gtin_check_digit"}
    assert (back[4].price_cents, back[4].sale_price_cents, back[4].own_price_cents) == (1999, 1499, None)


def test_stock_is_kept_and_reserved_per_variant_and_summed_per_product(moka):
    store_id, product_id, _default, variants = moka
    ground_500, beans_1kg = variants[3].id, variants[4].id
    with session_scope() as session:
        adjust_stock(session, store_id, product_id, "STRASSEN", "A1", variant_id=ground_500, delta=5)
        adjust_stock(session, store_id, product_id, "STRASSEN", "A1", variant_id=variants[0].id, delta=2)
        adjust_stock(session, store_id, product_id, "BETTEMBOURG", "", variant_id=ground_500, delta=1)
        reserve(session, store_id, product_id, 6, variant_id=ground_500)
        with pytest.raises(InsufficientStock):
            reserve(session, store_id, product_id, 1, variant_id=beans_1kg)
        assert available_by_variant(session, store_id, [v.id for v in variants]) == {
            variants[0].id: 2,
            ground_500: 0,
        }
        assert available_by_product(session, store_id, [product_id]) == {product_id: 2}
        assert [
            (s.variant_id, s.warehouse, s.quantity, s.reserved) for s in levels(session, store_id, product_id)
        ] == [
            (ground_500, "BETTEMBOURG", 1, 1),
            (variants[0].id, "STRASSEN", 2, 0),
            (ground_500, "STRASSEN", 5, 5),
        ]
        assert len(levels(session, store_id, product_id, ground_500)) == 2


def test_listing_search_finds_variant_skus_and_gtins(moka):
    store_id, product_id, _default, variants = moka
    with session_scope() as session:
        update_variants(
            session, store_id, product_id, {variants[5].id: {"sku": "MK-XYZ-77", "gtin": "4006381333931"}}
        )
    for query in ("mk-xyz-77", "4006381333931"):
        cards, total = _search(store_id, query)
        assert (total, [c.id for c in cards]) == (1, [product_id])


def _search(store_id: int, query: str):
    with session_scope() as session:
        return listing_cards(session, store_id, ("fr",), query=query)


def test_option_rules_refuse_bad_input_with_field_errors_and_write_nothing(moka):
    store_id, product_id, _default, _variants = moka
    with session_scope() as session:
        current = options_of(session, store_id, product_id)
        with pytest.raises(FieldErrors) as too_many:
            set_options(session, store_id, product_id, [WEIGHT, GRIND, GRIND, WEIGHT])
        with pytest.raises(FieldErrors) as in_use:  # drop "1 kg", which two variants use
            weight = current[0]
            set_options(
                session,
                store_id,
                product_id,
                [
                    OptionInput(
                        dict(weight.names),
                        [dict(v.labels) for v in weight.values[:2]],
                        [v.id for v in weight.values[:2]],
                        id=weight.id,
                    ),
                    OptionInput(
                        dict(current[1].names),
                        [dict(v.labels) for v in current[1].values],
                        [v.id for v in current[1].values],
                        id=current[1].id,
                    ),
                ],
            )
        with pytest.raises(FieldErrors) as empty:
            set_options(session, store_id, product_id, [OptionInput({"fr": " "}, [{"fr": "A"}, {"fr": "a"}])])
        assert options_of(session, store_id, product_id) == current
    assert too_many.value.errors["options"] == "catalog.error.too_many_options"
    assert in_use.value.errors == {"options": "catalog.error.option_in_use"}
    assert empty.value.errors == {
        "options": "catalog.error.option_in_use",  # it would drop the options the variants use
        "options.0.name": "orion.error.required",
        "options.0.values.1": "catalog.error.duplicate_value",
    }


def test_a_new_option_gives_existing_variants_its_first_value_and_photos_are_the_products(
    moka, tmp_path, monkeypatch
):
    use_media_dir(monkeypatch, tmp_path)
    store_id, product_id, _default, variants = moka
    with session_scope() as session:
        current = options_of(session, store_id, product_id)
        kept = [
            OptionInput(dict(o.names), [dict(v.labels) for v in o.values], [v.id for v in o.values], id=o.id)
            for o in current
        ]
        roast = OptionInput({"en": "Roast"}, [{"en": "Light"}, {"en": "Dark"}])
        set_options(session, store_id, product_id, [*kept, roast])
        photo = add_photo(session, store_id, product_id, png_bytes())
        with pytest.raises(FieldErrors) as foreign:
            update_variants(session, store_id, product_id, {variants[1].id: {"photos": [photo.id + 1000]}})
        edited = update_variants(session, store_id, product_id, {variants[1].id: {"photos": [photo.id]}})
        assert len(generate_variants(session, store_id, product_id)) == 12
    assert [o.labels["en"] for o in edited[1].options] == ["250 g", "Ground", "Light"]
    assert edited[1].photos == (photo.key,) and edited[0].photos == ()
    assert foreign.value.errors == {f"{variants[1].id}.photos": "catalog.error.variant_photos"}


def test_deleting_a_product_deletes_its_variants_and_options(moka):
    store_id, product_id, _default, _variants = moka
    with session_scope() as session:
        delete_product(session, store_id, product_id)
        assert session.exec(select(ProductVariant).where(ProductVariant.product_id == product_id)).all() == []
        assert variants_of(session, store_id, [product_id]) == {}


def test_products_inserted_directly_get_their_default_variant_in_one_statement(demo):
    from sqlalchemy import insert

    from modules.catalog.models import Product
    from modules.catalog.services.variant_edits import create_default_variants

    store_id, _, _ = scope()
    with session_scope() as session:
        session.execute(
            insert(Product),
            [
                {"store_id": store_id, "sku": f"RAW-{n}", "slug": f"raw-{n}", "gtin": "", "price_cents": 100}
                for n in (1, 2)
            ],
        )
        made = create_default_variants(session, store_id)
        again = create_default_variants(session, store_id)
        session.commit()
        found = variants_of(session, store_id, list(made))
    assert made == again and len(made) == 2
    assert sorted(v[0].sku for v in found.values()) == ["RAW-1", "RAW-2"]
