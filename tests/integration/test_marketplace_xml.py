"""Google Shopping XML feeds (RSS 2.0 and Atom): what the reader carries, what it refuses and
never reads, that it streams, and that XML imports go through the same import as text feeds
(same products, idempotent, dry run, photos and categories, kill -9 and resume).

The bad-feed corpus (tests/fixtures/feeds/corpus.py) holds each XML file's exact outcome;
these are the properties a table cannot state.
"""

import time
from xml.sax.saxutils import escape

import pytest
from lxml import etree
from sqlmodel import select

from modules.marketplace.models import PhotoTask
from modules.marketplace.services import runner, xml_feed
from modules.marketplace.services.categories import list_mappings
from modules.marketplace.services.feed import FeedProblem, open_feed
from orion_app.db import session_scope
from tests.fixtures.feeds.corpus import FEEDS
from tests.integration.marketplace_helpers import (
    GTINS,
    HEADER,
    errors_of,
    feed_text,
    import_file,
    product_row,
    products_of,
    reload,
    store_ref,
    titles_of,
    unlimited_products,
    use_files_dir,
    write_feed,
)
from tests.integration.test_marketplace_reliability import counts, kill_9_mid_import, resume_abandoned, start
from tests.local_http import QuietHandler, local_server

G = "http://base.google.com/ns/1.0"


def rss_text(rows: list[list[str]], header: list[str] | None = None, prolog: str = "") -> str:
    """The rows of a text feed as an RSS 2.0 Google Shopping feed (empty cells left out)."""
    items = []
    for row in rows:
        cells = "".join(
            f"<g:{name}>{escape(value)}</g:{name}>"
            for name, value in zip(header or HEADER, row, strict=True)
            if value
        )
        items.append(f"<item>{cells}</item>\n")
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n{prolog}<rss version="2.0" xmlns:g="{G}">\n'
        f"<channel><title>Boutique</title>\n{''.join(items)}</channel>\n</rss>\n"
    )


@pytest.fixture
def shop(demo, tmp_path, monkeypatch):
    use_files_dir(monkeypatch, tmp_path / "files")
    unlimited_products(monkeypatch)
    monkeypatch.setenv("MARKETPLACE_BATCH_SIZE", "7")
    return store_ref()


# ---------------------------------------------------------------- the reader (no database)


def test_rss_items_carry_the_group_the_variant_attributes_and_the_links():
    rows = list(open_feed(FEEDS / "rss.xml").rows())
    assert rows[0].extras == {
        "image_link": "https://kaffi.example.lu/img/moka.jpg",
        "additional_image_link": "https://kaffi.example.lu/img/moka-2.jpg,https://kaffi.example.lu/img/moka-3.jpg",
        "google_product_category": "Food, Beverages & Tobacco > Beverages > Coffee",
        "link": "https://kaffi.example.lu/moka-250",
        "product_type": "Café > Grains",
        "shipping_weight": "0.3 kg",
        "item_group_id": "MOKA",
        "size": "250 g",
        "color": "brun",
    }
    # RSS's own <link> stands in for g:link; g:quantity is the stock, as a text feed's quantity.
    # What other items have and this one has not is an empty cell, as in a text feed.
    assert rows[1].extras == {
        **dict.fromkeys(("image_link", "additional_image_link", "google_product_category"), ""),
        **dict.fromkeys(("product_type", "shipping_weight", "color"), ""),
        "item_group_id": "MOKA",
        "size": "1 kg",
        "link": "https://kaffi.example.lu/moka-1kg",
    }
    assert rows[1].values["quantity"] == 0
    assert [row.line for row in rows] == [1, 2, 3, 4, 5, 6, 7]


def test_atom_entries_carry_their_attributes_and_atom_link():
    rows = list(open_feed(FEEDS / "atom.xml").rows())
    assert rows[0].extras == {
        "image_link": "https://mosel.example.lu/vase.jpg",
        "material": "grès",
        "pattern": "uni",
        "link": "https://mosel.example.lu/vase",
        **dict.fromkeys(("item_group_id", "color", "gender", "age_group"), ""),
    }
    assert rows[1].extras == {
        **dict.fromkeys(("image_link", "material", "pattern"), ""),
        "link": "https://mosel.example.lu/bol",
        "item_group_id": "BOL",
        "color": "vert sauge",
        "gender": "unisex",
        "age_group": "adult",
    }


def test_a_text_feed_carries_the_same_fields_and_still_lists_them_as_not_imported(tmp_path):
    header = ["id", "title", "price", "item_group_id", "color", "size", "link"]
    path = write_feed(
        tmp_path, feed_text([["T-1", "Tee", "9.90", "TEE", "bleu", "M", "https://x.lu/t"]], header)
    )
    feed = open_feed(path)
    (row,) = list(feed.rows())
    assert row.extras == {"item_group_id": "TEE", "color": "bleu", "size": "M", "link": "https://x.lu/t"}
    assert feed.notices == [
        {"key": "marketplace.notice.ignored", "params": {"columns": "item_group_id, color, size, link"}}
    ]


def _all_text(path) -> str:
    """Everything the safe parser itself makes of the file, read to the end or to its error."""
    parts = []
    try:
        for _event, element in xml_feed._parser(path, None, ("end",)):
            parts.append(etree.tostring(element, encoding="unicode"))
    except etree.XMLSyntaxError as error:
        parts.append(str(error))
    return "".join(parts)


def test_an_external_entity_is_refused_and_even_the_parser_alone_never_reads_the_file():
    for name in ("external_entity.xml", "external_entity_late.xml"):
        with pytest.raises(FeedProblem) as refused:
            open_feed(FEEDS / name)
        assert refused.value.message_key == "marketplace.feed.xml_entities"
        text = _all_text(FEEDS / name)  # past the refusal: the parser's own settings
        assert "root:" not in text and "/bin/" not in text
        assert "&secret;" in text  # the reference is kept as it is, never substituted


def test_an_external_dtd_is_neither_fetched_nor_opened(tmp_path):
    class Dtd(QuietHandler):
        def do_GET(self):
            self.server.hits.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b'<!ENTITY title "from the network">')

    with local_server(Dtd) as httpd:
        for system in (f"http://127.0.0.1:{httpd.server_port}/feed.dtd", "file:///etc/passwd"):
            prolog = f'<!DOCTYPE rss SYSTEM "{system}">\n'
            path = write_feed(tmp_path, rss_text([product_row(1)], prolog=prolog), "dtd.xml")
            (row,) = list(open_feed(path).rows())
            assert (row.sku, row.errors) == ("SKU-00001", [])
            assert "root:" not in row.raw
        # A parameter entity pulling a DTD from the network: refused, and not even the parser
        # alone (past the refusal) asks the server for it.
        url = f"http://127.0.0.1:{httpd.server_port}/evil.dtd"
        prolog = f'<!DOCTYPE rss [<!ENTITY % remote SYSTEM "{url}"> %remote;]>\n'
        path = write_feed(tmp_path, rss_text([product_row(1)], prolog=prolog), "pe.xml")
        with pytest.raises(FeedProblem) as refused:
            open_feed(path)
        assert refused.value.message_key == "marketplace.feed.xml_entities"
        assert "from the network" not in _all_text(path)
        assert httpd.hits == []


def test_a_billion_laughs_is_refused_at_once_and_the_parser_alone_does_not_expand_it():
    started = time.perf_counter()
    with pytest.raises(FeedProblem) as refused:
        open_feed(FEEDS / "billion_laughs.xml")
    assert refused.value.message_key == "marketplace.feed.xml_entities"
    started = time.perf_counter()
    text = _all_text(FEEDS / "billion_laughs.xml")
    assert time.perf_counter() - started < 2
    assert "lol" * 100 not in text  # not expanded, not even once per level


@pytest.mark.parametrize(
    "start, kind",
    [
        ("\ufeff  \n<?xml version='1.0'?>\n<!-- exported -->\n<?style x?>\n<rss", None),
        ('<!DOCTYPE rss [\n<!ELEMENT rss ANY>\n]>\n<rss version="2.0"', None),
        (
            '<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "x">\n<html',
            "web page (HTML)",
        ),
        ("<!-- login -->\n<html", "web page (HTML)"),
    ],
)
def test_xml_is_sniffed_after_bom_declaration_comments_and_doctype(tmp_path, start, kind):
    body = f' xmlns:g="{G}"><channel><item><g:id>S-1</g:id><g:title>T</g:title></item></channel></rss>'
    if kind:
        body = "><body><form></form></body></html>"
    path = write_feed(tmp_path, start + body, "sniff.xml")
    if kind:
        with pytest.raises(FeedProblem) as refused:
            open_feed(path)
        assert refused.value.params == {"kind": kind}
    else:
        assert [row.sku for row in open_feed(path).rows()] == ["S-1"]


def test_html_inside_the_first_item_does_not_make_a_feed_a_web_page(tmp_path):
    rows = [product_row(1, description="<html><body>Fiche</body></html>")]
    (row,) = list(open_feed(write_feed(tmp_path, rss_text(rows), "html.xml")).rows())
    assert row.values["description"] == "<html><body>Fiche</body></html>"


def test_a_long_channel_before_the_first_item_is_read_through(tmp_path):
    """What comes before the first item is dropped as it is read (a channel of 60,000 elements)."""
    prolog = "".join(f"<category>Rubrique {n}</category>" for n in range(60_000))
    text = rss_text([product_row(1), product_row(2)]).replace("<title>Boutique</title>", prolog)
    feed = open_feed(write_feed(tmp_path, text, "long.xml"))
    assert [row.sku for row in feed.rows()] == ["SKU-00001", "SKU-00002"]
    with_no_items = rss_text([]).replace("<title>Boutique</title>", prolog)
    with pytest.raises(FeedProblem) as refused:
        open_feed(write_feed(tmp_path, with_no_items, "none.xml"))
    assert refused.value.message_key == "marketplace.feed.xml_no_items"


def test_the_tree_never_holds_more_than_the_item_being_read(tmp_path):
    """Constant memory: every item before the one being read is dropped; what follows it is
    only what the parser's last read of the file (a few kilobytes) has built ahead."""
    rows = [product_row(n) for n in range(1, 20001)]
    feed = open_feed(write_feed(tmp_path, rss_text(rows), "big.xml"))
    seen, held = 0, []
    for number, element, broken in feed._items():
        assert broken is None and number == seen + 1
        if number > 1:  # of what came before, only the last item is left, cleared and empty
            previous = element.getprevious()
            assert (len(previous), previous.text, previous.getprevious()) == (0, None, None)
        held.append(len(element.getparent()))
        seen = number
    assert seen == 20000
    assert max(held) < 200 and max(held[-1000:]) <= max(held[:1000]) + 5  # bounded, not growing
    generator = feed.rows()
    assert next(generator).sku == "SKU-00001"  # the first row before the file is read
    generator.close()


# ---------------------------------------------------------------- imports (database)


def test_the_same_products_in_xml_are_unchanged_after_the_text_feed(shop, tmp_path):
    rows = [
        product_row(n, gtin=GTINS[n % len(GTINS)], sale_price="9,99 EUR" if n % 3 else "")
        for n in range(1, 31)
    ]
    first = import_file(write_feed(tmp_path, feed_text(rows)), shop)
    assert (first.created, first.rejected) == (30, 0)
    before = {sku: p.updated_at for sku, p in products_of(shop).items()}

    xml = write_feed(tmp_path, rss_text(rows), "feed.xml")
    for _ in range(2):  # from the text feed, then from itself: nothing to change
        again = import_file(xml, shop)
        assert (again.status, again.rows_total, again.rows_done) == ("succeeded", 30, 30)
        assert (again.created, again.updated, again.unchanged, again.rejected) == (0, 0, 30, 0)
        assert again.notices == [{"key": "marketplace.notice.xml", "params": {"format": "RSS 2.0"}}]
    assert {sku: p.updated_at for sku, p in products_of(shop).items()} == before

    rows[4] = product_row(5, price="77,00", title="Produit cinq")
    changed = import_file(write_feed(tmp_path, rss_text(rows), "v2.xml"), shop)
    assert (changed.updated, changed.unchanged) == (1, 29)
    assert products_of(shop)["SKU-00005"].price_cents == 7700
    assert titles_of(shop, "fr")["SKU-00005"] == "Produit cinq"


def test_an_element_some_items_have_is_an_empty_cell_in_the_others_one_no_item_has_is_left_alone(
    shop, tmp_path
):
    """As a text feed's columns: XML exporters leave empty elements out, so an item without
    g:sale_price, in a file where other items have one, has no sale (it ends)."""
    rows = [product_row(n, sale_price="5.00 EUR", brand="Maison") for n in (1, 2)]
    import_file(write_feed(tmp_path, rss_text(rows), "sale.xml"), shop)
    assert [(p.sale_price_cents, p.brand) for p in products_of(shop).values()] == [(500, "Maison")] * 2

    rows = [product_row(1, sale_price="", brand=""), product_row(2, sale_price="4.00 EUR", brand="")]
    again = import_file(write_feed(tmp_path, rss_text(rows), "ended.xml"), shop)
    assert (again.updated, again.rejected) == (2, 0)
    products = products_of(shop)
    assert (products["SKU-00001"].sale_price_cents, products["SKU-00002"].sale_price_cents) == (None, 400)
    assert {p.brand for p in products.values()} == {"Maison"}  # no item has g:brand: left alone

    rows = [product_row(1, price=""), product_row(2)]  # other items have g:price: refused, not kept
    third = import_file(write_feed(tmp_path, rss_text(rows), "price.xml"), shop)
    assert errors_of(third.id) == [(1, "g:price", "marketplace.row.price_missing")]


def test_an_xml_dry_run_counts_and_writes_nothing(shop, tmp_path):
    import_file(write_feed(tmp_path, rss_text([product_row(n) for n in range(1, 4)]), "a.xml"), shop)
    rows = [
        product_row(1, price="1.00"),
        product_row(2),
        product_row(4),
        product_row(5, price="abc"),
        product_row(2),
    ]
    dry = import_file(write_feed(tmp_path, rss_text(rows), "dry.xml"), shop, dry_run=True)
    assert (dry.status, dry.created, dry.updated, dry.unchanged, dry.rejected) == ("succeeded", 1, 1, 1, 2)
    assert errors_of(dry.id) == [
        (4, "g:price", "marketplace.row.price"),
        (5, "g:id", "marketplace.row.duplicate_item"),
    ]
    assert set(products_of(shop)) == {"SKU-00001", "SKU-00002", "SKU-00003"}
    assert products_of(shop)["SKU-00001"].price_cents != 100


def test_xml_photos_and_categories_go_where_a_text_feeds_go(shop, tmp_path):
    # rss.xml without its item_group_id (items 1 and 2 form a group the import refuses)
    text = (
        (FEEDS / "rss.xml").read_text(encoding="utf-8").replace("<g:item_group_id>MOKA</g:item_group_id>", "")
    )
    record = import_file(write_feed(tmp_path, text, "rss.xml"), shop)
    with session_scope() as session:
        tasks = session.exec(
            select(PhotoTask).where(PhotoTask.import_id == record.id).order_by(PhotoTask.id)
        ).all()
        mappings = [m.feed_category for m in list_mappings(session, shop.id)]
    assert [(t.sku, t.line, t.url) for t in tasks] == [
        ("RSS-1", 1, "https://kaffi.example.lu/img/moka.jpg"),
        ("RSS-1", 1, "https://kaffi.example.lu/img/moka-2.jpg"),
        ("RSS-1", 1, "https://kaffi.example.lu/img/moka-3.jpg"),
    ]
    assert mappings == ["Food, Beverages & Tobacco > Beverages > Coffee"]


def test_a_killed_worker_on_an_xml_feed_is_resumed_exactly(shop, tmp_path, monkeypatch):
    total = 4000
    monkeypatch.setenv("MARKETPLACE_BATCH_SIZE", "25")
    header = ["id", "title", "price", "quantity"]
    rows = [[f"X-{n:06d}", f"Article {n}", f"{n % 90 + 1},50", str(n % 7)] for n in range(total)]
    record = start(write_feed(tmp_path, rss_text(rows, header), "big.xml"), shop)
    done = kill_9_mid_import(record.id)
    killed = reload(record.id)
    assert killed.status == "running" and done <= killed.rows_done < total
    assert killed.rows_total == total
    assert counts(shop)[0] == killed.created

    finished = resume_abandoned(shop, record.id)
    assert finished.status == "succeeded", (finished.message_key, finished.message_params)
    assert (finished.rows_done, finished.created, finished.updated, finished.rejected) == (total, total, 0, 0)
    assert finished.rows_at_start == killed.rows_done
    assert counts(shop) == (total, total, total)  # products, distinct SKUs, one stock movement each
    assert products_of(shop)["X-000123"].price_cents == 3450


def test_an_xml_import_delivered_twice_runs_once(shop, tmp_path):
    record = start(write_feed(tmp_path, rss_text([product_row(n) for n in range(1, 6)]), "twice.xml"), shop)
    assert runner.run_import(record.id) == "succeeded"
    assert runner.run_import(record.id) == "skipped"
    assert reload(record.id).created == 5 and counts(shop)[0] == 5
