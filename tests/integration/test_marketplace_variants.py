"""Feed rows grouped by item_group_id into products with variants, on SQLite and PostgreSQL:
options derived, the title rule, the group errors, re-imports by SKU, deactivation, export."""

import csv
import io

import pytest
from sqlmodel import select

from modules.catalog.models import Product
from modules.catalog.public import options_of, product_ids, variants_of
from modules.inventory.public import bin_levels
from modules.marketplace.services.variant_groups import MAX_GROUP_ROWS
from orion_app.db import session_scope
from tests.integration.marketplace_helpers import (
    errors_of,
    feed_text,
    import_file,
    store_ref,
    titles_of,
    unlimited_products,
    use_files_dir,
    write_feed,
)
from tests.integration.marketplace_helpers import (
    reload as reload_record,
)

HEADER = ["id", "title", "description", "price", "sale_price", "item_group_id", "color", "size", "quantity"]
ROWS = [
    ["TEE-R-S", "T-shirt Lux - Rouge / S", "Coton bio", "20.00 EUR", "", "TEE", "Rouge", "S", "3"],
    ["TEE-R-M", "T-shirt Lux - Rouge / M", "Coton bio", "20.00 EUR", "", "TEE", "Rouge", "M", "0"],
    ["TEE-B-M", "T-shirt Lux - Bleu / M", "Coton bio", "22.00 EUR", "", "TEE", "Bleu", "M", "5"],
    ["MUG-1", "Tasse", "Grès", "9.00 EUR", "", "", "", "", "4"],
]


@pytest.fixture
def shop(demo, tmp_path, monkeypatch):
    use_files_dir(monkeypatch, tmp_path / "files")
    unlimited_products(monkeypatch)
    monkeypatch.setenv("MARKETPLACE_BATCH_SIZE", "2")  # groups cross batch boundaries
    return store_ref()


def run(tmp_path, rows, header=HEADER, name="feed.tsv", **kwargs):
    return import_file(write_feed(tmp_path, feed_text(rows, header), name), kwargs.pop("store"), **kwargs)


def variants(store, sku: str) -> dict[str, object]:
    """Variant SKU -> its record, of the product `sku`."""
    with session_scope() as session:
        product_id = product_ids(session, store.id, [sku])[sku]
        return {v.sku: v for v in variants_of(session, store.id, [product_id])[product_id]}


def labels(variant) -> dict[str, str]:
    return {o.attribute: o.labels["fr"] for o in variant.options}


def test_a_group_becomes_one_product_with_its_options_variants_prices_and_stock(shop, tmp_path):
    record = run(tmp_path, ROWS, store=shop)

    assert (record.status, record.created, record.updated, record.rejected) == ("succeeded", 4, 0, 0)
    assert record.rows_done == record.rows_total == 4
    assert errors_of(record.id) == []
    with session_scope() as session:
        skus = set(session.exec(select(Product.sku).where(Product.store_id == shop.id)))
        product_id = product_ids(session, shop.id, ["TEE"])["TEE"]
        options = options_of(session, shop.id, product_id)
    assert {"TEE", "MUG-1"} <= skus and not skus & {"TEE-R-S", "TEE-R-M", "TEE-B-M"}
    assert [(o.attribute, o.names["fr"], o.names["de"]) for o in options] == [
        ("color", "Couleur", "Farbe"),
        ("size", "Taille", "Größe"),
    ]
    assert [v.labels["fr"] for v in options[0].values] == ["Rouge", "Bleu"]
    assert titles_of(shop, "fr")["TEE"] == "T-shirt Lux"  # the titles less their option values
    tee = variants(shop, "TEE")
    active = {sku: v for sku, v in tee.items() if v.is_active}
    assert set(active) == {"TEE-R-S", "TEE-R-M", "TEE-B-M"}
    # Bleu / S is no row of the feed: generated with the others, then switched off.
    assert [labels(v) for v in tee.values() if not v.is_active] == [{"color": "Bleu", "size": "S"}]
    assert labels(active["TEE-B-M"]) == {"color": "Bleu", "size": "M"}
    assert (active["TEE-R-S"].own_price_cents, active["TEE-R-S"].price_cents) == (None, 2000)
    assert (active["TEE-B-M"].own_price_cents, active["TEE-B-M"].price_cents) == (2200, 2200)
    with session_scope() as session:
        stock = bin_levels(session, shop.id, [v.id for v in active.values()], "main")
    assert {sku: stock[v.id].quantity for sku, v in active.items()} == {
        "TEE-R-S": 3,
        "TEE-R-M": 0,
        "TEE-B-M": 5,
    }


def test_reimport_matches_by_sku_and_deactivates_what_the_feed_dropped(shop, tmp_path):
    run(tmp_path, ROWS, store=shop)
    again = run(tmp_path, ROWS, store=shop, name="again.tsv")
    assert (again.created, again.updated, again.unchanged, again.deactivated) == (0, 0, 4, 0)

    changed = [[*ROWS[0][:3], "21.00 EUR", *ROWS[0][4:]], ROWS[2], ROWS[3]]  # TEE-R-M is gone
    record = run(tmp_path, changed, store=shop, name="changed.tsv")

    assert (record.created, record.updated, record.unchanged, record.deactivated) == (0, 1, 2, 1)
    tee = variants(shop, "TEE")
    assert not tee["TEE-R-M"].is_active and tee["TEE-R-S"].is_active  # kept, not deleted
    assert tee["TEE-R-S"].price_cents == 2100
    back = run(tmp_path, ROWS, store=shop, name="back.tsv")
    assert (back.created, back.deactivated) == (0, 0) and variants(shop, "TEE")["TEE-R-M"].is_active
    dry = run(tmp_path, ROWS[2:], store=shop, name="dry.tsv", dry_run=True)
    assert (dry.status, dry.deactivated) == ("succeeded", 2)
    assert variants(shop, "TEE")["TEE-R-S"].is_active  # a dry run writes nothing


def test_group_errors_carry_their_lines_and_the_rest_imports(shop, tmp_path):
    rows = [
        ["MIX-1", "Pull", "", "30.00", "", "MIX", "Vert", "M", ""],
        ["MIX-2", "Pull", "", "30.00", "", "MIX", "Gris", "", ""],  # no size: the group is refused
        ["DUP-1", "Bol bleu", "", "8.00", "", "DUP", "Bleu", "", ""],
        ["DUP-2", "Bol bleu bis", "", "8.00", "", "DUP", "bleu", "", ""],  # same combination
        ["DUP-3", "Grand bol rouge", "", "8.00", "", "DUP", "Rouge", "", ""],
        ["MUG-1", "Tasse", "", "9.00", "", "", "", "", ""],
        ["TAKEN", "Bol vert", "", "8.00", "", "DUP", "Vert", "", ""],  # MUG-1's neighbour below
    ]
    first = run(tmp_path, [["TAKEN", "Autre", "", "5.00", "", "", "", "", ""]], store=shop, name="one.tsv")
    assert first.created == 1
    record = run(tmp_path, rows, store=shop)

    assert errors_of(record.id) == [
        (2, "item_group_id", "marketplace.row.group_options_differ"),
        (3, "item_group_id", "marketplace.row.group_options_differ"),
        (5, "item_group_id", "marketplace.row.duplicate_combination"),
        (8, "id", "marketplace.row.variant_sku_taken"),
    ]
    assert (record.created, record.rejected) == (3, 4)
    assert {sku for sku, v in variants(shop, "DUP").items() if v.is_active} == {"DUP-1", "DUP-3"}
    assert titles_of(shop, "fr")["DUP"] == "Bol bleu"  # titles differ by more than the values
    with session_scope() as session:
        assert product_ids(session, shop.id, ["MIX"]) == {}


def test_non_contiguous_groups_and_a_group_too_big(shop, tmp_path):
    rows = [
        ["A-1", "Chaise - Chêne", "", "90.00", "", "CH", "Chêne", "", ""],
        ["B-1", "Table - S", "", "200.00", "", "TB", "", "S", ""],
        ["MUG-1", "Tasse", "", "9.00", "", "", "", "", ""],
        ["A-2", "Chaise - Noyer", "", "95.00", "", "CH", "Noyer", "", ""],
        ["B-2", "Table - L", "", "250.00", "", "TB", "", "L", ""],
    ]
    record = run(tmp_path, rows, store=shop)
    assert (record.created, record.rejected, record.rows_done) == (5, 0, 5)
    assert set(variants(shop, "CH")) == {"A-1", "A-2"} and set(variants(shop, "TB")) == {"B-1", "B-2"}
    assert titles_of(shop, "fr")["CH"] == "Chaise"

    big = [[f"G-{n}", "Gros", "", "1.00", "", "BIG", "", str(n), ""] for n in range(MAX_GROUP_ROWS + 1)]
    record = run(tmp_path, big, store=shop, name="big.tsv")
    assert record.rejected == MAX_GROUP_ROWS + 1
    assert {key for _line, _col, key in errors_of(record.id)} == {"marketplace.row.group_too_big"}


def test_export_writes_one_row_per_variant(shop, tmp_path, client_for_export=None):
    from modules.marketplace.services.export import iter_feed

    run(tmp_path, ROWS, store=shop)
    with session_scope() as session:
        lines = "".join(iter_feed(session, shop.id, "fr", "https://shop.example/"))
    table = list(csv.DictReader(io.StringIO(lines), delimiter="\t"))
    rows = {row["id"]: row for row in table}
    assert {"TEE-R-S", "TEE-R-M", "TEE-B-M", "MUG-1"} <= set(rows)
    assert "TEE" not in rows and not any(sku.startswith("TEE-BLEU") for sku in rows)  # inactive left out
    tee = rows["TEE-B-M"]
    assert (tee["item_group_id"], tee["color"], tee["size"]) == ("TEE", "Bleu", "M")
    assert tee["title"] == "T-shirt Lux" and tee["price"] == "22.00 EUR"
    assert tee["link"].endswith("/products/t-shirt-lux?variant=TEE-B-M")
    assert (tee["availability"], rows["TEE-R-M"]["availability"]) == ("in stock", "out of stock")
    assert rows["MUG-1"]["item_group_id"] == "" and "?variant" not in rows["MUG-1"]["link"]


def test_a_killed_worker_on_a_grouped_feed_is_resumed_exactly(shop, tmp_path, monkeypatch):
    """Groups of 5 variants, each pair of groups interleaved (non-contiguous), batches of 25."""
    from modules.inventory.models import StockMovement
    from tests.integration.test_marketplace_reliability import kill_9_mid_import, resume_abandoned, start

    monkeypatch.setenv("MARKETPLACE_BATCH_SIZE", "25")
    sizes = ("XS", "S", "M", "L", "XL")
    rows = []
    for pair in range(200):  # 400 groups, 2000 rows: A0 B0 A1 B1 ... of two groups at a time
        for n, size in enumerate(sizes):
            for group in (2 * pair, 2 * pair + 1):
                price = f"{10 + group % 50}.00" if n < 4 else f"{11 + group % 50}.00"
                rows.append(
                    [f"V{group}-{size}", f"Pull {group} {size}", "", price, "", f"G{group}", "", size, str(n)]
                )
    total = len(rows)
    record = start(write_feed(tmp_path, feed_text(rows, HEADER)), shop)
    done = kill_9_mid_import(record.id, rows=300)
    killed = reload_record(record.id)
    assert killed.status == "running" and done <= killed.rows_done < total
    assert killed.rows_done % 5 == 0  # batches end on whole units (a group: 5 rows)

    finished = resume_abandoned(shop, record.id)
    assert finished.status == "succeeded", (finished.message_key, finished.message_params)
    assert (finished.rows_done, finished.rejected, finished.deactivated) == (total, 0, 0)
    assert finished.created + finished.updated + finished.unchanged == total
    with session_scope() as session:
        ids = product_ids(session, shop.id, [f"G{g}" for g in range(400)])
        variants = [v for vs in variants_of(session, shop.id, list(ids.values())).values() for v in vs]
        moves = session.exec(select(StockMovement).where(StockMovement.store_id == shop.id)).all()
    assert len(ids) == 400 and len(variants) == total and all(v.is_active for v in variants)
    assert {v.sku: v.own_price_cents for v in variants}["V7-XL"] == 1800
    assert {v.sku: v.own_price_cents for v in variants}["V7-S"] is None
    # one movement per variant (a bin the feed names is created even at 0), none doubled
    assert len(moves) == total
