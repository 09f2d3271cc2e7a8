"""The product editor's Variants section, as its handlers run it: the options form, the variant
grid with stock per bin (all or nothing) and bulk price changes, through the services."""

from decimal import Decimal

import pytest

from modules.catalog.public import generate_variants, options_of, variants_of
from modules.catalog.services.products import create_product
from modules.catalog.services.variant_edits import set_options
from modules.catalog.services.variant_prices import (
    apply_price_change,
    changed_cents,
    parse_change,
    plan_price_change,
)
from modules.catalog.state.variants import (
    locations_of,
    option_form,
    option_inputs,
    save_grid,
    slot_errors,
    stock_cells,
)
from modules.inventory.public import adjust_stock, levels, movements
from orion_app.db import session_scope
from orion_app.errors import FieldErrors, NotFound
from tests.integration.catalog_helpers import product_form, scope

LANGS = ["fr", "en", "de"]
FORM = {
    "o0.name.fr": "Poids",
    "o0.values.fr": "250 g\n500 g\n1 kg\n",
    "o0.name.en": "Weight",
    "o1.name.fr": "Mouture",
    "o1.values.fr": "Grains\nMoulu",
    "o1.values.en": "Beans\nGround",
}


@pytest.fixture
def moka(demo):
    store_id, merchant_id, platform_id = scope()
    with session_scope() as session:
        product = create_product(
            session,
            store_id,
            merchant_id,
            platform_id,
            product_form(sku="MOKA", title_fr="Café Moka", gtin=""),
        )
    return store_id, product.id


def save_options(store_id, product_id, form):
    with session_scope() as session:
        inputs, slots, errors = option_inputs(form, LANGS, options_of(session, store_id, product_id))
        if errors:
            raise FieldErrors(errors)
        try:
            return set_options(session, store_id, product_id, inputs)
        except FieldErrors as error:
            raise FieldErrors(slot_errors(error.errors, slots, inputs, LANGS)) from None


def generated(store_id, product_id):
    save_options(store_id, product_id, FORM)
    with session_scope() as session:
        variants = generate_variants(session, store_id, product_id)
    return {" / ".join(o.labels["fr"] for o in v.options): v for v in variants}


def test_the_options_form_saves_ordered_translated_values_and_shows_them_again(moka):
    store_id, product_id = moka
    options = save_options(store_id, product_id, FORM)
    assert [o.names for o in options] == [{"fr": "Poids", "en": "Weight"}, {"fr": "Mouture"}]
    assert [v.labels for v in options[1].values] == [
        {"fr": "Grains", "en": "Beans"},
        {"fr": "Moulu", "en": "Ground"},
    ]
    shown = option_form(options, LANGS)
    assert shown["o0.values.fr"] == "250 g\n500 g\n1 kg"
    assert shown["o1.values.en"] == "Beans\nGround"
    assert shown["o2.name.fr"] == "" and shown["o0.values.de"] == "\n\n"

    ids = [v.id for v in options[0].values]
    # Renamed in place and moved: each value keeps its id, so its variants keep it too.
    options = save_options(store_id, product_id, {**FORM, "o0.values.fr": "1 kg\n250 grammes\n500 g"})
    assert [(v.id, v.labels["fr"]) for v in options[0].values] == [
        (ids[2], "1 kg"),
        (ids[0], "250 grammes"),
        (ids[1], "500 g"),
    ]


def test_option_errors_land_next_to_the_slot_the_merchant_typed_in(moka):
    store_id, product_id = moka
    form = {"o2.name.fr": "Mouture", "o2.values.fr": "Grains\nMoulu\ngrains"}  # slots 0 and 1 left empty
    with pytest.raises(FieldErrors) as error:
        save_options(store_id, product_id, form)
    assert error.value.errors == {"o2.values": "grains: catalog.error.duplicate_value"}

    with pytest.raises(FieldErrors) as error:
        save_options(store_id, product_id, {"o0.values.fr": "A\nB", "o1.name.fr": "X", "o1.values.fr": "Y"})
    assert error.value.errors == {"o0.name": "orion.error.required"}

    with pytest.raises(FieldErrors) as error:  # three English values for two French ones
        save_options(store_id, product_id, {**FORM, "o1.values.en": "Beans\nGround\nFine"})
    assert error.value.errors == {"o1.values": "catalog.variants.error.values_count"}
    with session_scope() as session:
        assert options_of(session, store_id, product_id) == []


def test_the_grid_saves_fields_and_stock_per_bin_and_leaves_untouched_cells_alone(moka):
    store_id, product_id = moka
    by_label = generated(store_id, product_id)
    assert len(by_label) == 6
    moulu, grains = by_label["500 g / Moulu"], by_label["250 g / Grains"]
    places = [("STRASSEN", ""), ("BERTRANGE", "A-1")]
    with session_scope() as session:
        shown = stock_cells(session, store_id, product_id, places)
    assert len(shown) == 12 and set(shown.values()) == {"0"}
    form = {k: v for k, v in shown.items()}
    for v in by_label.values():
        form |= {f"{v.id}.sku": v.sku, f"{v.id}.gtin": "", f"{v.id}.price": "", f"{v.id}.sale_price": ""}
        form[f"{v.id}.is_active"] = "1"
    form |= {f"{moulu.id}.stock.0": "5", f"{grains.id}.stock.1": "3", f"{moulu.id}.price": "24,90"}
    form |= {f"{grains.id}.sku": "MOKA-250-G"}
    del form[f"{by_label['1 kg / Grains'].id}.is_active"]
    with session_scope() as session:
        changed = save_grid(session, store_id, product_id, form, places, shown, user_id=None, may_stock=True)
        assert changed == 2
        stock = {
            (s.variant_id, s.warehouse, s.bin): s.quantity for s in levels(session, store_id, product_id)
        }
        assert stock == {(moulu.id, "STRASSEN", ""): 5, (grains.id, "BERTRANGE", "A-1"): 3}
        assert locations_of(session, store_id, product_id) == [("BERTRANGE", "A-1"), ("STRASSEN", "")]
        after = {v.id: v for v in variants_of(session, store_id, [product_id])[product_id]}
        assert after[moulu.id].own_price_cents == 2490 and after[moulu.id].sale_price_cents is None
        assert after[grains.id].sku == "MOKA-250-G" and after[grains.id].price_cents == 1999
        assert not after[by_label["1 kg / Grains"].id].is_active
        assert {m.reason for m in movements(session, store_id, product_id)} == {"variant grid"}

    # The grid shows 5 now; someone else counts 7 in that bin meanwhile, and the merchant
    # saves a price: the untouched cell does not put 5 back.
    with session_scope() as session:
        shown = stock_cells(session, store_id, product_id, places)
        assert shown[f"{moulu.id}.stock.0"] == "5"
        adjust_stock(session, store_id, product_id, "STRASSEN", variant_id=moulu.id, set_to=7)
        form = {**form, **shown, f"{grains.id}.price": "9,90"}
        assert (
            save_grid(session, store_id, product_id, form, places, shown, user_id=None, may_stock=True) == 0
        )
        assert {s.quantity for s in levels(session, store_id, product_id, moulu.id)} == {7}


def test_one_bad_cell_saves_nothing_and_names_each_cell(moka):
    store_id, product_id = moka
    by_label = generated(store_id, product_id)
    a, b = by_label["500 g / Moulu"], by_label["1 kg / Grains"]
    places = [("STRASSEN", "")]
    with session_scope() as session:
        shown = stock_cells(session, store_id, product_id, places)
    good = {f"{a.id}.sku": a.sku, f"{a.id}.gtin": "", f"{a.id}.price": "21,00", f"{a.id}.sale_price": ""}
    cases = [
        ({f"{b.id}.sku": b.sku, f"{b.id}.gtin": "12345", f"{a.id}.stock.0": "4"}, {f"{b.id}.gtin"}),
        ({f"{b.id}.sku": a.sku, f"{b.id}.sale_price": "99"}, {f"{b.id}.sku", f"{b.id}.sale_price"}),
        ({f"{a.id}.stock.0": "-2", f"{b.id}.stock.0": "x"}, {f"{a.id}.stock.0", f"{b.id}.stock.0"}),
    ]
    for bad, keys in cases:
        with session_scope() as session, pytest.raises(FieldErrors) as error:
            save_grid(
                session,
                store_id,
                product_id,
                {**shown, **good, **bad},
                places,
                shown,
                user_id=None,
                may_stock=True,
            )
        assert set(error.value.errors) == keys
    with session_scope() as session:
        assert levels(session, store_id, product_id) == []
        assert {v.own_price_cents for v in variants_of(session, store_id, [product_id])[product_id]} == {None}
        with pytest.raises(FieldErrors) as error:  # stock needs inventory's permission
            save_grid(
                session,
                store_id,
                product_id,
                {**shown, f"{a.id}.stock.0": "4"},
                places,
                shown,
                user_id=None,
                may_stock=False,
            )
        assert error.value.errors == {f"{a.id}.stock.0": "orion.error.forbidden"}


def test_the_grid_reads_variants_from_the_product_never_ids_of_another(moka):
    store_id, product_id = moka
    generated(store_id, product_id)
    other_store, merchant_id, platform_id = scope("velo-weber")
    with session_scope() as session:
        bike = create_product(
            session, other_store, merchant_id, platform_id, product_form(sku="BIKE", gtin="")
        )
        bike_variant = variants_of(session, other_store, [bike.id])[bike.id][0]
        form = {f"{bike_variant.id}.sku": "STOLEN", f"{bike_variant.id}.stock.0": "9"}
        assert (
            save_grid(
                session, store_id, product_id, form, [("STRASSEN", "")], {}, user_id=None, may_stock=True
            )
            == 0
        )
        assert variants_of(session, other_store, [bike.id])[bike.id][0].sku == "BIKE"
        with pytest.raises(NotFound):  # the other store's product from this store
            save_grid(session, store_id, bike.id, form, [("STRASSEN", "")], {}, user_id=None, may_stock=True)
        with pytest.raises(FieldErrors) as error:
            plan_price_change(session, store_id, product_id, [bike_variant.id], "percent", "10")
        assert error.value.errors == {"bulk.variants": "catalog.error.variant_unknown"}


def test_price_changes_round_to_the_cent_half_away_from_zero():
    assert changed_cents(1999, "percent", parse_change("percent", "+10")) == 2199  # 2198.9
    assert changed_cents(1999, "percent", parse_change("percent", "-12,5")) == 1749  # 1749.125
    assert changed_cents(15, "percent", parse_change("percent", "10")) == 17  # 16.5
    assert changed_cents(1999, "amount", parse_change("amount", "-1,50")) == 1849
    assert changed_cents(1999, "amount", parse_change("amount", "+0.01 €")) == 2000
    assert parse_change("percent", " -5 % ") == Decimal(-5)
    for mode, raw, key in [
        ("percent", "", "orion.error.required"),
        ("percent", "0", "catalog.variants.error.bulk_value"),
        ("percent", "ten", "catalog.variants.error.bulk_value"),
        ("percent", "5000", "catalog.variants.error.bulk_value"),
        ("amount", "1,505", "catalog.variants.error.bulk_cents"),
        ("amount", "NaN", "catalog.variants.error.bulk_value"),
    ]:
        with pytest.raises(FieldErrors) as error:
            parse_change(mode, raw)
        assert error.value.errors == {"bulk.value": key}, raw
    with pytest.raises(FieldErrors) as error:
        parse_change("double", "2")
    assert error.value.errors == {"bulk.mode": "catalog.variants.error.bulk_mode"}


def test_bulk_prices_change_the_chosen_variants_keep_their_sale_and_refuse_negative_results(moka):
    store_id, product_id = moka  # product: 19,99, on sale at 14,99
    by_label = generated(store_id, product_id)
    a, b = by_label["250 g / Grains"], by_label["1 kg / Moulu"]
    with session_scope() as session:
        plan = plan_price_change(session, store_id, product_id, [a.id, b.id], "percent", "+10")
        assert [(p.variant_id, p.price_after, p.sale_after) for p in plan] == [
            (a.id, 2199, 1649),
            (b.id, 2199, 1649),
        ]
        assert {v.own_price_cents for v in variants_of(session, store_id, [product_id])[product_id]} == {None}

        with pytest.raises(FieldErrors) as error:  # 14,99 - 15,00 < 0: the sale price too
            plan_price_change(session, store_id, product_id, None, "amount", "-15")
        assert error.value.errors["bulk.value"] == "catalog.variants.error.negative_result"
        assert f"{a.id}.sale_price" in error.value.errors and f"{a.id}.price" not in error.value.errors
        with pytest.raises(FieldErrors) as error:
            plan_price_change(session, store_id, product_id, [], "percent", "5")
        assert error.value.errors == {"bulk.variants": "catalog.variants.error.bulk_none"}

        apply_price_change(session, store_id, product_id, [a.id, b.id], "percent", "+10")
        after = {v.id: v for v in variants_of(session, store_id, [product_id])[product_id]}
        assert (after[a.id].price_cents, after[a.id].sale_price_cents) == (2199, 1649)
        assert (after[b.id].own_price_cents, after[b.id].own_sale_price_cents) == (2199, 1649)
        assert after[by_label["500 g / Moulu"].id].own_price_cents is None
        apply_price_change(session, store_id, product_id, None, "amount", "-1,99")
        after = {v.id: v for v in variants_of(session, store_id, [product_id])[product_id]}
        assert (after[a.id].price_cents, after[a.id].sale_price_cents) == (2000, 1450)
        assert after[by_label["500 g / Moulu"].id].price_cents == 1800
