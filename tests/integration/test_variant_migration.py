"""catalog_004_variants + inventory_002_variants on a populated database, SQLite and PostgreSQL.

The database is filled at the previous heads (catalog_003, inventory_001): products made
by the editor's service, stock in several bins with reservations, and movements. After the
upgrade every product has exactly one default variant (its SKU and GTIN, no own prices),
and every level and movement is still there, unchanged, pointing at that variant.
"""

import sqlalchemy

from modules.catalog.services.products import create_product
from orion_app.db import engine_for, session_scope
from orion_app.migrations import downgrade, upgrade
from tests.integration.catalog_helpers import VALID_GTIN, product_form, scope

LEVEL_COLUMNS = "id, store_id, product_id, warehouse, bin, quantity, reserved, low_stock_threshold"
MOVE_COLUMNS = (
    "id, store_id, product_id, warehouse, bin, kind, quantity_before, quantity_after, "
    "reserved_before, reserved_after, reason"
)


def _rows(url: str, sql: str) -> list[tuple]:
    engine = engine_for(url)
    engine.dispose()  # no pooled connection remembers the old schema
    with engine.connect() as connection:
        return [tuple(row) for row in connection.execute(sqlalchemy.text(sql))]


def _execute(url: str, sql: str, rows: list[dict]) -> None:
    with engine_for(url).begin() as connection:
        connection.execute(sqlalchemy.text(sql), rows)


def _populate_at_previous_heads(url: str, store_id: int, other_store: int, product_ids: list[int]) -> None:
    levels = [
        {"store": store, "product": pid, "wh": wh, "bin": bin_, "q": q, "r": r, "t": t}
        for store, pid, wh, bin_, q, r, t in [
            (store_id, product_ids[0], "STRASSEN", "A1", 12, 3, None),
            (store_id, product_ids[0], "STRASSEN", "A2", 5, 0, 4),
            (store_id, product_ids[0], "BETTEMBOURG", "", 0, 0, None),
            (store_id, product_ids[1], "STRASSEN", "A1", 7, 7, 2),
            (store_id, product_ids[2], "BETTEMBOURG", "B7", 1000, 1, None),
            (other_store, product_ids[3], "MAIN", "", 9, 2, None),
        ]
    ]
    _execute(
        url,
        "INSERT INTO stock_level (store_id, product_id, warehouse, bin, quantity, reserved, "
        "low_stock_threshold, updated_at) VALUES (:store, :product, :wh, :bin, :q, :r, :t, CURRENT_TIMESTAMP)",
        levels,
    )
    moves = [
        {"store": store, "product": pid, "wh": wh, "kind": kind, "qb": qb, "qa": qa, "rb": rb, "ra": ra}
        for store, pid, wh, kind, qb, qa, rb, ra in [
            (store_id, product_ids[0], "STRASSEN", "adjust", 0, 12, 0, 0),
            (store_id, product_ids[0], "STRASSEN", "reserve", 12, 12, 0, 3),
            (store_id, product_ids[1], "STRASSEN", "import", 0, 7, 0, 0),
            (store_id, product_ids[1], "STRASSEN", "reserve", 7, 7, 0, 7),
            (other_store, product_ids[3], "MAIN", "adjust", 0, 9, 0, 0),
        ]
    ]
    _execute(
        url,
        "INSERT INTO stock_movement (store_id, product_id, warehouse, bin, kind, quantity_before, "
        "quantity_after, reserved_before, reserved_after, reason, created_at) "
        "VALUES (:store, :product, :wh, 'A1', :kind, :qb, :qa, :rb, :ra, 'before variants', CURRENT_TIMESTAMP)",
        moves,
    )


def test_stock_and_movements_survive_the_move_to_variants(demo):
    store_id, merchant_id, platform_id = scope()
    other_store, other_merchant, _ = scope("bakery-lux")
    with session_scope() as session:
        ids = [
            create_product(
                session, store_id, merchant_id, platform_id, product_form(sku=f"MOKA-{n}", gtin=gtin)
            ).id
            for n, gtin in ((1, VALID_GTIN), (2, ""), (3, ""))
        ]
        ids.append(
            create_product(
                session, other_store, other_merchant, platform_id, product_form(sku="PAIN-1", gtin="")
            ).id
        )
    downgrade("catalog_003_search_index", demo)
    assert not {"product_variant", "product_option"} & set(
        sqlalchemy.inspect(engine_for(demo)).get_table_names()
    )
    _populate_at_previous_heads(demo, store_id, other_store, ids)
    levels_before = _rows(demo, f"SELECT {LEVEL_COLUMNS} FROM stock_level ORDER BY id")
    moves_before = _rows(demo, f"SELECT {MOVE_COLUMNS} FROM stock_movement ORDER BY id")
    assert len(levels_before) == 6 and len(moves_before) == 5

    upgrade(demo)

    variants = _rows(
        demo,
        "SELECT product_id, id, store_id, sku, gtin, combination, price_cents, sale_price_cents "
        "FROM product_variant ORDER BY product_id",
    )
    assert [
        (pid, store, sku, gtin, combo, price, sale)
        for pid, _id, store, sku, gtin, combo, price, sale in variants
    ] == [
        (ids[0], store_id, "MOKA-1", VALID_GTIN, "", None, None),
        (ids[1], store_id, "MOKA-2", "", "", None, None),
        (ids[2], store_id, "MOKA-3", "", "", None, None),
        (ids[3], other_store, "PAIN-1", "", "", None, None),
    ]
    default = {pid: vid for pid, vid, *_ in variants}
    levels_after = _rows(demo, f"SELECT {LEVEL_COLUMNS}, variant_id FROM stock_level ORDER BY id")
    moves_after = _rows(demo, f"SELECT {MOVE_COLUMNS}, variant_id FROM stock_movement ORDER BY id")
    assert [row[:-1] for row in levels_after] == levels_before
    assert [row[:-1] for row in moves_after] == moves_before
    assert all(row[-1] == default[row[2]] for row in levels_after + moves_after)

    # Levels are now unique per variant and bin: the same bin twice for one variant is refused.
    try:
        _execute(
            demo,
            "INSERT INTO stock_level (store_id, product_id, variant_id, warehouse, bin, quantity, reserved, "
            "updated_at) VALUES (:s, :p, :v, 'STRASSEN', 'A1', 1, 0, CURRENT_TIMESTAMP)",
            [{"s": store_id, "p": ids[0], "v": default[ids[0]]}],
        )
    except sqlalchemy.exc.IntegrityError:
        pass
    else:
        raise AssertionError("a second level for the same variant and bin was accepted")


def test_downgrade_folds_a_products_variants_back_into_one_level_per_bin(demo):
    from modules.catalog.services.variant_edits import generate_variants, set_options
    from modules.catalog.services.variants import OptionInput, variants_of
    from modules.inventory.services import adjust_stock

    store_id, merchant_id, platform_id = scope()
    with session_scope() as session:
        product = create_product(session, store_id, merchant_id, platform_id, product_form(sku="MOKA"))
        set_options(
            session, store_id, product.id, [OptionInput({"en": "Weight"}, [{"en": "250 g"}, {"en": "1 kg"}])]
        )
        first, second = generate_variants(session, store_id, product.id)
        for variant, units in ((first, 4), (second, 6)):
            adjust_stock(session, store_id, product.id, "MAIN", "A1", variant_id=variant.id, delta=units)
        assert [v.sku for v in variants_of(session, store_id, [product.id])[product.id]] == [
            "MOKA",
            "MOKA-1-KG",
        ]
    downgrade("catalog_003_search_index", demo)
    assert _rows(demo, "SELECT product_id, warehouse, bin, quantity, reserved FROM stock_level") == [
        (product.id, "MAIN", "A1", 10, 0)
    ]
    upgrade(demo)
