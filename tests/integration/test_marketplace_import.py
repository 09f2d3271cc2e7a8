"""Feed import end to end through the services: create, update, unchanged, dry run, limits."""

import pytest

from modules.catalog.services.values import gtin_type
from tests.integration.billing_helpers import set_plan_limit
from tests.integration.marketplace_helpers import (
    GTINS,
    errors_of,
    feed_text,
    import_file,
    product_row,
    products_of,
    stock_of,
    store_ref,
    titles_of,
    unlimited_products,
    use_files_dir,
    write_feed,
)


@pytest.fixture
def shop(demo, tmp_path, monkeypatch):
    use_files_dir(monkeypatch, tmp_path / "files")
    unlimited_products(monkeypatch)
    monkeypatch.setenv("MARKETPLACE_BATCH_SIZE", "7")
    return store_ref()


def test_first_import_creates_then_same_file_changes_nothing(shop, tmp_path):
    rows = [product_row(n, gtin=GTINS[n % len(GTINS)]) for n in range(1, 31)]
    path = write_feed(tmp_path, feed_text(rows))
    first = import_file(path, shop)
    assert (first.status, first.rows_total, first.rows_done) == ("succeeded", 30, 30)
    assert (first.created, first.updated, first.unchanged, first.rejected) == (30, 0, 0, 0)
    products = products_of(shop)
    assert products["SKU-00001"].price_cents == 1199
    assert products["SKU-00001"].source == "letzshop"
    assert gtin_type(products["SKU-00002"].gtin) == products["SKU-00002"].gtin_type
    assert titles_of(shop, "fr")["SKU-00030"] == "Produit 30"

    before = {sku: p.updated_at for sku, p in products.items()}
    again = import_file(write_feed(tmp_path, feed_text(rows), "again.tsv"), shop)
    assert (again.created, again.updated, again.unchanged, again.rejected) == (0, 0, 30, 0)
    assert {sku: p.updated_at for sku, p in products_of(shop).items()} == before


def test_changed_rows_update_and_other_language_adds_texts(shop, tmp_path):
    rows = [product_row(n) for n in range(1, 11)]
    import_file(write_feed(tmp_path, feed_text(rows)), shop)
    rows[0] = product_row(1, price="99,50")
    rows[1] = product_row(2, title="Produit deux")
    result = import_file(write_feed(tmp_path, feed_text(rows), "v2.tsv"), shop)
    assert (result.created, result.updated, result.unchanged) == (0, 2, 8)
    assert products_of(shop)["SKU-00001"].price_cents == 9950
    english = [product_row(n, title=f"Product {n}", description="") for n in range(1, 11)]
    result = import_file(write_feed(tmp_path, feed_text(english), "en.tsv"), shop, lang="en")
    assert (result.created, result.updated) == (0, 10)
    assert titles_of(shop, "en")["SKU-00003"] == "Product 3"
    assert titles_of(shop, "fr")["SKU-00003"] == "Produit 3"
    assert "product 3" in products_of(shop)["SKU-00003"].search_text


def test_dry_run_counts_and_writes_nothing(shop, tmp_path):
    import_file(write_feed(tmp_path, feed_text([product_row(n) for n in range(1, 6)])), shop)
    rows = [product_row(n) for n in range(1, 6)] + [product_row(n) for n in range(6, 9)]
    rows[0] = product_row(1, price="1.00")
    rows.append(product_row(9, price="abc"))
    dry = import_file(write_feed(tmp_path, feed_text(rows), "dry.tsv"), shop, dry_run=True)
    assert (dry.status, dry.created, dry.updated, dry.unchanged, dry.rejected) == ("succeeded", 3, 1, 4, 1)
    assert errors_of(dry.id) == [(10, "price", "marketplace.row.price")]
    assert len(products_of(shop)) == 5
    assert products_of(shop)["SKU-00001"].price_cents != 100


def test_quantity_column_sets_stock_with_movements(shop, tmp_path):
    header = ["id", "title", "price", "quantity"]
    rows = [["Q-1", "Mug", "12.00", "5"], ["Q-2", "Cup", "8.00", "0"], ["Q-3", "Pot", "30.00", "x"]]
    result = import_file(write_feed(tmp_path, feed_text(rows, header)), shop)
    assert (result.created, result.rejected) == (2, 1)
    products = products_of(shop)
    stock = stock_of(shop)
    assert stock[products["Q-1"].id] == 5 and stock[products["Q-2"].id] == 0
    rows[0][3] = "7"
    result = import_file(write_feed(tmp_path, feed_text(rows, header), "v2.tsv"), shop)
    assert (result.updated, result.unchanged, result.rejected) == (1, 1, 1)
    assert stock_of(shop)[products["Q-1"].id] == 7


def test_plan_limit_rejects_rows_beyond_it(demo, tmp_path, monkeypatch):
    use_files_dir(monkeypatch, tmp_path / "files")
    shop = store_ref()
    set_plan_limit(shop.merchant_id, shop.platform_id, "products_limit", 4)  # the merchant's plan
    result = import_file(write_feed(tmp_path, feed_text([product_row(n) for n in range(1, 7)])), shop)
    assert (result.created, result.rejected) == (4, 2)
    assert [e[2] for e in errors_of(result.id)] == ["contracts.limit_reached"] * 2
