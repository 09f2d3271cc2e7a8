"""upsert_variant_groups: many products' options and variants in a fixed number of statements,
the rules of set_options / generate_variants / update_variants, nothing committed."""

from sqlalchemy import event

from modules.catalog.public import (
    GroupVariant,
    Item,
    VariantGroup,
    default_variants,
    options_of,
    product_ids,
    upsert_products,
    upsert_variant_groups,
    variants_of,
)
from orion_app.db import session_scope
from tests.integration.catalog_helpers import scope

NAMES = {"color": {"fr": "Couleur", "en": "Colour"}, "size": {"fr": "Taille", "en": "Size"}}


def _products(session, skus: list[str], price: int = 2000) -> dict[str, int]:
    store_id, merchant_id, platform_id = scope()
    items = [Item(sku=s, fields={"price_cents": price}, texts={"title": f"Pull {s}"}) for s in skus]
    upsert_products(session, store_id, merchant_id, platform_id, "fr", items, source="test", warehouse="MAIN")
    return product_ids(session, store_id, skus)


def _tee(product_id: int, prefix: str, keep=frozenset()) -> VariantGroup:
    return VariantGroup(
        product_id,
        ["color", "size"],
        [
            GroupVariant(("Rouge", "S"), f"{prefix}-R-S", "4006381333931"),
            GroupVariant(("Rouge", "M"), f"{prefix}-R-M"),
            GroupVariant(("Bleu", "S"), f"{prefix}-B-S", None, 2200),
        ],
        NAMES,
        set(keep),
    )


def _count(session):
    counted = []
    engine = session.get_bind()
    listener = lambda *_a: counted.append(1)  # noqa: E731
    event.listen(engine, "before_cursor_execute", listener)
    return counted, lambda: event.remove(engine, "before_cursor_execute", listener)


def test_groups_get_options_every_combination_and_their_rows_values(demo):
    store_id = scope()[0]
    with session_scope() as session:
        ids = _products(session, ["TEE", "TB"])
        default = default_variants(session, store_id, [ids["TEE"]])[ids["TEE"]]
        size_only = VariantGroup(
            ids["TB"],
            ["size"],
            [GroupVariant(("S",), "TB-1"), GroupVariant(("L",), "TB-2", None, 2500)],
            NAMES,
        )
        tee, tb = upsert_variant_groups(session, store_id, "fr", [_tee(ids["TEE"], "TEE"), size_only])
        assert (tee.error, tee.problems, tee.deactivated, tb.error) == ("", {}, 0, "")
        assert tee.variant_ids[0] == default  # the default variant took the first combination
        variants = variants_of(session, store_id, [ids["TEE"], ids["TB"]])
        options = options_of(session, store_id, ids["TEE"])
    assert [(o.attribute, o.names["fr"], [v.labels["fr"] for v in o.values]) for o in options] == [
        ("color", "Couleur", ["Rouge", "Bleu"]),
        ("size", "Taille", ["S", "M"]),
    ]
    shown = {
        v.sku: ([o.labels["fr"] for o in v.options], v.gtin, v.own_price_cents, v.is_active)
        for v in variants[ids["TEE"]]
    }
    assert shown == {
        "TEE-R-S": (["Rouge", "S"], "4006381333931", None, True),
        "TEE-R-M": (["Rouge", "M"], "", None, True),
        "TEE-B-S": (["Bleu", "S"], "", 2200, True),
        "TEE-BLEU-M": (["Bleu", "M"], "", None, False),  # a combination no row gives: inactive
    }
    assert tee.changed == set(tee.variant_ids) | {v.id for v in variants[ids["TEE"]] if v.sku == "TEE-BLEU-M"}
    assert [(v.sku, v.price_cents) for v in variants[ids["TB"]]] == [("TB-1", 2000), ("TB-2", 2500)]


def test_the_same_groups_again_change_nothing_and_a_dropped_variant_is_deactivated(demo):
    store_id = scope()[0]
    with session_scope() as session:
        ids = _products(session, ["TEE"])
        upsert_variant_groups(session, store_id, "fr", [_tee(ids["TEE"], "TEE")])
    with session_scope() as session:
        (again,) = upsert_variant_groups(session, store_id, "fr", [_tee(ids["TEE"], "TEE")])
        assert (again.changed, again.deactivated) == (set(), 0)
        dropped = _tee(ids["TEE"], "TEE")
        dropped.variants.pop(1)  # TEE-R-M left the feed
        (outcome,) = upsert_variant_groups(session, store_id, "fr", [dropped])
        assert outcome.deactivated == 1
        active = {v.sku for v in variants_of(session, store_id, [ids["TEE"]])[ids["TEE"]] if v.is_active}
    assert active == {"TEE-R-S", "TEE-B-S"}


def test_refusals_are_per_variant_or_per_group_and_nothing_is_committed(demo):
    store_id = scope()[0]
    with session_scope() as session:
        ids = _products(session, ["TEE", "OTHER", "BIG"])
    with session_scope() as session:
        bad = _tee(ids["TEE"], "TEE")
        bad.variants[1].sku = "OTHER"  # another product's SKU
        bad.variants[2].sale_price_cents = 9000  # above the product's price it inherits
        bad.variants[2].price_cents = None
        big = VariantGroup(
            ids["BIG"],
            ["color", "size"],
            [GroupVariant((f"C{i}", f"S{i}"), f"BIG-{i}") for i in range(11)],  # 121 combinations
            NAMES,
        )
        tee, too_big = upsert_variant_groups(session, store_id, "fr", [bad, big])
        assert tee.problems == {
            1: ("sku", "catalog.error.sku_taken"),
            2: ("sale_price", "catalog.error.sale_above_price"),
        }
        assert tee.variant_ids[0] is not None and tee.variant_ids[1:] == [None, None]
        assert (too_big.error, too_big.variant_ids) == ("catalog.error.too_many_variants", [None] * 11)
        assert options_of(session, store_id, ids["BIG"]) == []
        session.rollback()  # the caller commits; it did not
        assert options_of(session, store_id, ids["TEE"]) == []


def test_statements_do_not_grow_with_the_number_of_groups(demo):
    store_id = scope()[0]
    with session_scope() as session:
        ids = _products(session, [f"P{i}" for i in range(22)])
        spent = []
        for chunk in (["P0", "P1"], [f"P{i}" for i in range(2, 22)]):
            counted, stop = _count(session)
            upsert_variant_groups(session, store_id, "fr", [_tee(ids[p], p) for p in chunk])
            stop()
            spent.append(len(counted))
    assert spent[0] == spent[1] <= 20, spent
