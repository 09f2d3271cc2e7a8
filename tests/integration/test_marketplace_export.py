"""Letzshop feed export: cells, columns, languages, chunked reading, the job, the downloads."""

import re

import pytest
from sqlalchemy import event
from sqlmodel import select

from modules.catalog.models import Product
from modules.catalog.services.media import add_photo
from modules.marketplace.models import FeedExport
from modules.marketplace.services.export import (
    COLUMNS,
    iter_feed,
    list_exports,
    start_export,
    write_export,
)
from modules.marketplace.services.feed import _neutral
from modules.tenancy.models import Platform
from modules.tenancy.public import storefront_url
from orion_app.db import get_engine, session_scope
from orion_app.errors import FieldErrors
from orion_app.spreadsheet import neutralise
from tests.integration.catalog_helpers import VALID_GTIN, png_bytes
from tests.integration.helpers import platform_id
from tests.integration.marketplace_helpers import (
    CAFE,
    add,
    by_sku,
    export_shop,
    feed,
    import_file,
    item,
    products_of,
    rows_of,
    store_ref,
    titles_of,
    write_feed,
)


@pytest.fixture
def shop(demo, tmp_path, monkeypatch):
    return export_shop(tmp_path, monkeypatch)


# ---------------------------------------------------------------- cells


@pytest.mark.parametrize("trigger", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_a_spreadsheet_would_run_gets_a_quote_the_importer_removes(trigger):
    value = f"{trigger}HYPERLINK(1)"
    assert neutralise(value) == f"'{value}"
    assert _neutral(neutralise(value)) == value


def test_harmless_cells_stay_as_they_are():
    assert neutralise("Café 19,99 €") == "Café 19,99 €"
    assert neutralise("") == "" and neutralise(None) == "" and neutralise(12) == "12"
    assert neutralise("'quoted'") == "'quoted'"


def test_titles_descriptions_and_brands_starting_with_formula_characters_are_neutralised(shop):
    add(
        shop,
        "fr",
        item("F-1", "=SUM(A1:A9)", brand="@home", description="+33 621 000 000"),
        item("F-2", "-20 % Mug", brand="=cmd|' /C calc'!A0", description="\tindented"),
        item("F-3", "\rcarriage", brand="+plus", description="@mention"),
    )
    text = feed(shop)
    rows = by_sku(text)
    assert (rows["F-1"]["title"], rows["F-1"]["brand"], rows["F-1"]["description"]) == (
        "'=SUM(A1:A9)",
        "'@home",
        "'+33 621 000 000",
    )
    assert (rows["F-2"]["title"], rows["F-2"]["brand"], rows["F-2"]["description"]) == (
        "'-20 % Mug",
        "'=cmd|' /C calc'!A0",
        "'\tindented",
    )
    assert (rows["F-3"]["title"], rows["F-3"]["brand"], rows["F-3"]["description"]) == (
        "'\rcarriage",
        "'+plus",
        "'@mention",
    )
    for line in text.split("\r\n")[1:]:
        for cell in line.split("\t"):
            assert cell[:1] not in ("=", "+", "-", "@")


def test_line_breaks_tabs_and_quotes_inside_a_cell_are_quoted_so_each_product_stays_one_row(shop):
    add(shop, "fr", item("Q-1", 'Mug 12" "Lux"', description="Line one\r\nLine\ttwo\nthree"))
    rows = rows_of(feed(shop))
    assert len(rows) == 1
    assert rows[0]["title"] == 'Mug 12" "Lux"'
    assert rows[0]["description"] == "Line one\r\nLine\ttwo\nthree"


# ---------------------------------------------------------------- columns


def test_columns_prices_links_photos_and_availability_follow_google_shopping(shop):
    add(
        shop,
        "fr",
        item("C-1", "Café Crème", price_cents=1999, sale_price_cents=1499, brand="Röster", gtin=VALID_GTIN,
             gtin_type="EAN-13", mpn="RC-1", condition="refurbished"),
        item("C-2", "Sans stock", quantity=0, price_cents=500),
        item("C-3", "Bientôt", quantity=0, price_cents=100_000, availability="preorder"),
        item("C-4", "Commandable", quantity=None, availability="backorder"),
    )  # fmt: skip
    with session_scope() as session:
        product = session.exec(select(Product).where(Product.sku == "C-1")).one()
        first = add_photo(session, shop.id, product.id, png_bytes())
        second = add_photo(session, shop.id, product.id, png_bytes(color=(1, 2, 3)))
        slug = product.slug
    text = feed(shop)
    assert text.split("\r\n")[0].split("\t") == list(COLUMNS)
    rows = by_sku(text)
    assert rows["C-1"] == {
        "id": "C-1",
        "title": "Café Crème",
        "description": "",
        "link": f"{CAFE}products/{slug}",
        "image_link": f"{CAFE}_upload/{first.key}_lg.webp",
        "additional_image_link": f"{CAFE}_upload/{second.key}_lg.webp",
        "availability": "in stock",
        "price": "19.99 EUR",
        "sale_price": "14.99 EUR",
        "brand": "Röster",
        "gtin": VALID_GTIN,
        "mpn": "RC-1",
        "condition": "refurbished",
        "google_product_category": "",
        **dict.fromkeys(("item_group_id", "color", "size", "material", "pattern", "gender", "age_group"), ""),
    }
    assert (rows["C-2"]["availability"], rows["C-2"]["price"], rows["C-2"]["sale_price"]) == (
        "out of stock",
        "5.00 EUR",
        "",
    )
    assert (rows["C-3"]["availability"], rows["C-3"]["price"]) == ("preorder", "1000.00 EUR")
    assert rows["C-4"]["availability"] == "backorder"
    assert rows["C-4"]["image_link"] == rows["C-4"]["additional_image_link"] == ""


def test_inactive_products_and_other_stores_products_are_not_exported(shop):
    add(shop, "fr", item("A-1", "Actif"), item("A-2", "Inactif"))
    add(store_ref("velo-weber"), "fr", item("V-1", "Vélo"))
    with session_scope() as session:
        product = session.exec(select(Product).where(Product.sku == "A-2")).one()
        product.is_active = False
        session.add(product)
    assert list(by_sku(feed(shop))) == ["A-1"]


def test_the_storefront_address_is_the_stores_domain_else_its_subdomain_else_the_path(shop):
    oms, velo = platform_id("oms"), store_ref("velo-weber")
    with session_scope() as session:
        assert storefront_url(session, shop.id, oms) == CAFE
        assert storefront_url(session, velo.id, oms) == "http://velo.omsflow.localhost/"
        platform = session.get(Platform, oms)
        platform.domain = None
        session.add(platform)
        session.commit()
        assert (
            storefront_url(session, velo.id, oms, "https://orion.example/")
            == "https://orion.example/platforms/oms/storefront/velo-weber/"
        )
        platform.domain = "oms.example.lu"
        session.add(platform)
        session.commit()
        assert storefront_url(session, velo.id, oms) == "https://velo.oms.example.lu/"


# ---------------------------------------------------------------- languages


def test_texts_are_in_the_feed_language_else_the_store_default_else_any(shop):
    add(shop, "fr", item("L-1", "Tasse", description="Une tasse"), item("L-2", "Théière"))
    add(shop, "en", item("L-1", "Cup", description="A cup"))
    add(shop, "lb", item("L-3", "Taass"))
    english, german = by_sku(feed(shop, "en")), by_sku(feed(shop, "de"))
    assert (english["L-1"]["title"], english["L-1"]["description"]) == ("Cup", "A cup")
    assert english["L-2"]["title"] == "Théière"  # no English: the store's default, French
    assert english["L-3"]["title"] == "Taass"  # only Luxembourgish
    assert (german["L-1"]["title"], german["L-1"]["description"]) == ("Tasse", "Une tasse")


# ---------------------------------------------------------------- chunks


def test_a_large_catalog_is_read_in_chunks_of_products(shop):
    for start in range(0, 2500, 500):
        add(shop, "fr", *(item(f"B-{n:05d}", f"Produit {n}") for n in range(start, start + 500)))
    product_queries = []

    def count(_conn, _cursor, statement, *_args):
        if re.search(r"FROM product\b.*product\.id > ", statement, re.S):  # the keyset reads
            product_queries.append(statement)

    event.listen(get_engine(), "before_cursor_execute", count)
    try:
        with session_scope() as session:
            lines = iter_feed(session, shop.id, "fr", CAFE, chunk=300)
            assert next(lines).startswith("id\ttitle")
            assert next(lines).startswith("B-00000\tProduit 0\t")
            assert len(product_queries) == 1  # only the first chunk has been read
            rest = list(lines)
    finally:
        event.remove(get_engine(), "before_cursor_execute", count)
    assert len(rest) == 2499
    assert len(product_queries) == 10  # 9 chunks of up to 300, and the empty one that ends it
    assert rest[-1].startswith("B-02499\t")


# ---------------------------------------------------------------- the job


def test_the_job_writes_the_feed_to_the_store_export_folder(shop, tmp_path):
    add(shop, "fr", item("J-1", "Tasse"), item("J-2", "Théière"))
    with session_scope() as session:
        record = start_export(session, shop, "fr", None)
    assert record.status == "queued" and record.rq_job_id
    assert write_export(record.id, shop.platform_id) == "succeeded"
    folder = tmp_path / "files" / str(shop.id) / "exports"
    target = folder / "letzshop-cafe-lux-fr.tsv"
    with session_scope() as session:
        done = session.get(FeedExport, record.id)
    assert (done.status, done.rows, done.file_path) == ("succeeded", 2, str(target))
    assert done.finished_at is not None
    assert list(by_sku(target.read_text(encoding="utf-8"))) == ["J-1", "J-2"]
    assert write_export(record.id, shop.platform_id) == "skipped"  # a second delivery changes nothing

    add(shop, "fr", item("J-3", "Bol"))
    with session_scope() as session:
        again = start_export(session, shop, "fr", None)
    write_export(again.id, shop.platform_id)
    assert list(by_sku(target.read_text(encoding="utf-8"))) == ["J-1", "J-2", "J-3"]
    assert sorted(p.name for p in folder.iterdir()) == ["letzshop-cafe-lux-fr.tsv"]  # no temp file left
    with session_scope() as session:
        assert [e.id for e in list_exports(session, shop.id)] == [again.id, record.id]
        assert list_exports(session, store_ref("velo-weber").id) == []


def test_an_export_folder_that_cannot_be_written_fails_the_export_with_a_message(shop, tmp_path):
    add(shop, "fr", item("W-1"))
    blocker = tmp_path / "files" / str(shop.id) / "exports"
    blocker.parent.mkdir(parents=True)
    blocker.write_text("a file where the folder should be")
    with session_scope() as session:
        record = start_export(session, shop, "de", None)
    with pytest.raises(OSError):
        write_export(record.id, shop.platform_id)
    with session_scope() as session:
        failed = session.get(FeedExport, record.id)
    assert (failed.status, failed.message_key, failed.file_path) == (
        "failed",
        "marketplace.export.unwritable",
        "",
    )


def test_only_english_french_and_german_feeds_are_exported(shop):
    with session_scope() as session, pytest.raises(FieldErrors) as refused:
        start_export(session, shop, "lb", None)
    assert refused.value.errors == {"lang": "marketplace.error.lang"}


# ---------------------------------------------------------------- round trip


def test_an_exported_feed_imports_back_unchanged_and_copies_a_store(shop, tmp_path):
    add(
        shop,
        "fr",
        item("R-1", "=Mug", description='Deux lignes\r\n"guillemets"\tet tab', brand="@home",
             sale_price_cents=1499, gtin=VALID_GTIN, gtin_type="EAN-13", mpn="-M1", condition="used"),
        item("R-2", "Déjà vu", quantity=0, availability="out_of_stock"),
        item("R-3", "Précommande", quantity=0, availability="preorder", price_cents=4200),
        *(item(f"R-{n}", f"Produit {n}", price_cents=100 * n) for n in range(4, 30)),
    )  # fmt: skip
    path = write_feed(tmp_path, feed(shop), "export.tsv")

    same = import_file(path, shop)
    assert (same.status, same.created, same.updated, same.unchanged, same.rejected) == (
        "succeeded",
        0,
        0,
        29,
        0,
    )

    velo = store_ref("velo-weber")
    copy = import_file(path, velo)
    assert (copy.created, copy.rejected) == (29, 0)
    fields = ("price_cents", "sale_price_cents", "brand", "gtin", "gtin_type", "mpn", "condition")
    original, copied = products_of(shop), products_of(velo)
    for sku in original:
        assert [getattr(copied[sku], f) for f in fields] == [getattr(original[sku], f) for f in fields]
    assert titles_of(velo, "fr") == titles_of(shop, "fr")
    assert titles_of(velo, "fr")["R-1"] == "=Mug"
    assert copied["R-2"].availability == "out_of_stock" and copied["R-3"].availability == "preorder"
    rows = by_sku(feed(velo, base="http://velo.omsflow.localhost/"))
    assert rows["R-1"]["description"] == 'Deux lignes\r\n"guillemets"\tet tab'


def test_an_export_left_running_by_a_dead_worker_is_failed_by_the_reaper(shop):
    from datetime import timedelta

    from modules.marketplace.jobs import reap_abandoned_imports
    from orion_app.db import utcnow

    with session_scope() as session:
        old = FeedExport(
            store_id=shop.id, lang="fr", status="running", created_at=utcnow() - timedelta(hours=2)
        )
        fresh = FeedExport(store_id=shop.id, lang="en", status="running")
        session.add_all([old, fresh])
        session.commit()
        ids = (old.id, fresh.id)
    assert reap_abandoned_imports() == 1
    with session_scope() as session:
        assert [session.get(FeedExport, i).status for i in ids] == ["failed", "running"]
