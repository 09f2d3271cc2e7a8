"""In Chromium with a real RQ worker: a merchant imports a Letzshop feed and exports it again."""

import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import rq_worker
from tests.e2e.test_module_enablement import sign_in
from tests.integration.catalog_helpers import png_bytes

pytestmark = pytest.mark.e2e
BASE = "/store/cafe-lux"
ROWS = 300
# (line in the file, what is wrong): the header is line 1, so product n is on line n + 1.
BAD_LINES = {51: "price", 121: "gtin", 201: "title", 251: "duplicate"}
EXPECTED_GOOD = ROWS - len(BAD_LINES)


@pytest.fixture(scope="module")
def worker(app_server: str, tmp_path_factory) -> Iterator[None]:
    """An RQ worker on the app's database, Redis prefix and feed folder, for this module only."""
    with rq_worker(tmp_path_factory.mktemp("marketplace")):
        yield


@pytest.fixture
def site(app_server: str) -> str:
    """The app on the backend's host name: downloads are backend URLs that need the session
    cookie, and a cookie goes to the host that set it (AppHarness serves the pages on
    `localhost` and the backend on `127.0.0.1`; a deployment serves both on one host)."""
    return app_server.replace("//localhost:", "//127.0.0.1:")


@pytest.fixture
def marie(browser, site: str, worker) -> Iterator[Page]:
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(30_000)
    sign_in(page, site, f"{BASE}/login", "marie@cafe-lux.lu")
    expect(page.get_by_role("heading", name="Overview")).to_be_visible()
    yield page
    context.close()


def feed_file(folder: Path) -> Path:
    header = ["id", "title", "description", "availability", "price", "brand", "gtin", "condition", "quantity"]
    lines = ["\t".join(header)]
    for n in range(1, ROWS + 1):
        row = {
            "id": f"MP-{n:05d}",
            "title": f"Feed product {n}",
            "description": f"Imported from Letzshop, product {n}",
            "availability": "in stock",
            "price": f"{5 + n % 40}.90 EUR",
            "brand": "Café Lux",
            "gtin": "",
            "condition": "new",
            "quantity": str(n % 12),
        }
        problem = BAD_LINES.get(n + 1)
        if problem == "price":
            row["price"] = "cheap"
        elif problem == "gtin":
            row["gtin"] = "12345"
        elif problem == "title":
            row["title"] = ""
        elif problem == "duplicate":
            row["id"] = "MP-00010"
        lines.append("\t".join(row[name] for name in header))
    path = folder / "letzshop-feed.tsv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def start_upload(page: Page, site: str, path: Path, *, dry_run: bool = False) -> None:
    page.goto(f"{site}{BASE}/marketplace/import")
    card = page.get_by_role("region", name="Upload a feed file")
    expect(card).to_be_visible()
    card.locator("input[type=file]").set_input_files(str(path))
    expect(card.get_by_text(path.name)).to_be_visible()
    card.get_by_label("Language of the texts").select_option("fr")
    if dry_run:
        card.get_by_label("Dry run").check()
    card.get_by_role("button", name="Start import").click()
    expect(page).to_have_url(re.compile(r"/marketplace/imports/\d+$"))
    expect(page.get_by_role("heading", name=re.compile(r"^Import #\d+$"))).to_be_visible()


def stat(page: Page, label: str):
    return page.locator(".rt-Card", has=page.get_by_text(label, exact=True)).get_by_test_id("stat-value")


def test_a_merchant_checks_a_feed_imports_it_and_reimporting_changes_nothing(
    marie: Page, site: str, tmp_path
):
    feed = feed_file(tmp_path)

    start_upload(marie, site, feed, dry_run=True)
    expect(marie.get_by_test_id("outcome")).to_contain_text("This was a dry run: nothing was saved.")
    expect(stat(marie, "Would be created")).to_have_text(str(EXPECTED_GOOD))
    expect(stat(marie, "Would be rejected")).to_have_text(str(len(BAD_LINES)))
    rejected = marie.get_by_role("region", name="Rejected rows")
    for line in BAD_LINES:
        expect(rejected.get_by_role("cell", name=str(line), exact=True)).to_be_visible()
    expect(rejected).to_contain_text("'cheap' is not a price")
    expect(rejected).to_contain_text("This SKU already appears on line 11")

    start_upload(marie, site, feed)
    expect(marie.get_by_test_id("outcome")).to_contain_text("Import finished")
    expect(marie.get_by_text("100 %")).to_be_visible()
    expect(marie.get_by_test_id("rows-done")).to_have_text(f"{ROWS} of {ROWS} rows")
    expect(stat(marie, "Created")).to_have_text(str(EXPECTED_GOOD))
    expect(stat(marie, "Rejected")).to_have_text(str(len(BAD_LINES)))

    href = marie.get_by_role("link", name="Download rejected rows (CSV)").get_attribute("href")
    response = marie.request.get(href)
    assert response.status == 200, response.text()
    assert response.headers["content-type"].startswith("text/csv")
    lines = {row.split(",", 1)[0] for row in response.text().lstrip("\ufeff").splitlines()[1:]}
    assert lines == {str(line) for line in BAD_LINES}

    start_upload(marie, site, feed)
    expect(marie.get_by_test_id("outcome")).to_have_text(
        "Nothing changed: every product was already up to date."
    )
    expect(stat(marie, "Unchanged")).to_have_text(str(EXPECTED_GOOD))

    marie.get_by_role("link", name="All imports").click()
    history = marie.get_by_role("region", name="Recent imports")
    # Other browser tests import into the same store: count this file's imports.
    mine = history.get_by_role("row").filter(has_text=feed.name)
    expect(mine).to_have_count(3)
    expect(mine.filter(has_text="Dry run")).to_have_count(1)


def test_a_file_that_is_not_a_feed_fails_with_one_clear_sentence(marie: Page, site: str, tmp_path):
    marie.goto(f"{site}{BASE}/marketplace/import")
    card = marie.get_by_role("region", name="Upload a feed file")
    card.get_by_role("button", name="Start import").click()
    expect(card.get_by_role("alert")).to_have_text("Choose the feed file to import first.")

    picture = tmp_path / "shop-front.png"
    picture.write_bytes(png_bytes())
    start_upload(marie, site, picture)
    expect(marie.get_by_role("alert")).to_have_text(
        "This file is a PNG image, not a product feed: use the tab-separated text file Letzshop describes."
    )
    expect(marie.get_by_text("Failed", exact=True)).to_be_visible()
    expect(marie.get_by_test_id("outcome")).to_have_count(0)
    expect(marie.get_by_role("button", name="Retry")).to_have_count(0)  # the file is gone with it


def test_an_import_is_not_found_under_another_store_of_the_same_owner(marie: Page, site: str):
    from modules.marketplace.services.imports import start_import
    from orion_app.db import session_scope
    from tests.integration.marketplace_helpers import store_ref

    with session_scope() as session:
        record = start_import(session, store_ref("cafe-lux"), lang="fr", upload=io.BytesIO(b"id\ttitle\n"))
    import_id = record.id
    marie.goto(f"{site}/store/bakery-lux/marketplace/imports/{import_id}")
    expect(marie.get_by_test_id("not-found")).to_be_visible()
    marie.goto(f"{site}{BASE}/marketplace/imports/{import_id}")
    expect(marie.get_by_role("heading", name=f"Import #{import_id}")).to_be_visible()


def test_a_merchant_downloads_the_feed_and_writes_it_to_the_export_folder(marie: Page, site: str):
    marie.goto(f"{site}{BASE}/marketplace/export")
    expect(marie.get_by_role("heading", name="Letzshop export")).to_be_visible()
    french = marie.get_by_role("region", name="Français")
    href = french.get_by_role("link", name="Download feed (TSV)").get_attribute("href")
    response = marie.request.get(href)
    assert response.status == 200
    text = response.text()
    assert text.startswith("id\ttitle\t")
    assert "MP-00002\tFeed product 2\t" in text

    french.get_by_role("button", name="Write to export folder").click()
    files = marie.get_by_role("region", name="Files written to the export folder")
    expect(files.get_by_text("Finished", exact=True)).to_be_visible()
    expect(files.get_by_role("cell", name="FR", exact=True)).to_be_visible()
