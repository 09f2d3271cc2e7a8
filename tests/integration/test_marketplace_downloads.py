"""The two downloads of the store dashboard over HTTP: the Letzshop feed and an import's errors.

Each request is what a browser sends: the session cookie of whoever signed in.
"""

import csv
import io

import pytest

from modules.marketplace.services.export import download_path, errors_download_path
from orion_app import enablement
from orion_app.api import build_api
from orion_app.i18n import translate
from orion_app.registry import get_registry
from tests.integration.helpers import Browser, platform_id
from tests.integration.marketplace_helpers import (
    CAFE,
    add,
    by_sku,
    export_shop,
    feed_text,
    import_file,
    item,
    product_row,
    write_feed,
)


@pytest.fixture
def shop(demo, tmp_path, monkeypatch):
    return export_shop(tmp_path, monkeypatch)


@pytest.fixture
def browser(shop):
    return Browser()


def test_the_owner_downloads_the_feed_as_a_streamed_tab_separated_file(browser, shop):
    add(shop, "fr", item("D-1", "Tasse"))
    add(shop, "en", item("D-1", "Cup"))
    answer = browser.get(download_path("cafe-lux", "en"), "marie@cafe-lux.lu")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "text/tab-separated-values; charset=utf-8"
    assert answer.headers["content-disposition"] == 'attachment; filename="letzshop-cafe-lux-en.tsv"'
    assert answer.headers["cache-control"] == "no-store"
    row = by_sku(answer.text)["D-1"]
    assert row["title"] == "Cup"
    assert row["link"].startswith(f"{CAFE}products/")


def test_staff_may_download_the_feed_but_not_import_errors(browser, shop, tmp_path):
    bad = import_file(write_feed(tmp_path, feed_text([product_row(1, price="abc")])), shop)
    assert browser.get(download_path("cafe-lux", "fr"), "luc@cafe-lux.lu").status_code == 200
    assert browser.get(errors_download_path("cafe-lux", bad.id), "luc@cafe-lux.lu").status_code == 403


def test_strangers_and_anonymous_visitors_get_nothing(browser, shop, tmp_path):
    add(shop, "fr", item("S-1", "Secret"))
    bad = import_file(write_feed(tmp_path, feed_text([product_row(1, price="abc")])), shop)
    jean = "jean@velo.lu"
    assert browser.get(download_path("cafe-lux", "fr")).status_code == 401
    assert browser.get(errors_download_path("cafe-lux", bad.id)).status_code == 401
    refused = browser.get(download_path("cafe-lux", "fr"), jean)
    assert refused.status_code == 403 and "S-1" not in refused.text
    assert browser.get(errors_download_path("cafe-lux", bad.id), jean).status_code == 403
    # Jean's own store, with the id of cafe-lux's import: that import is not his store's.
    assert browser.get(errors_download_path("velo-weber", bad.id), jean).status_code == 404
    assert browser.get(download_path("velo-weber", "fr"), jean).status_code == 200


def test_unknown_stores_languages_imports_and_disabled_modules_are_not_found(browser, shop):
    marie = "marie@cafe-lux.lu"
    assert browser.get(download_path("no-such-store", "fr"), marie).status_code == 404
    assert browser.get(download_path("cafe-lux", "lb"), marie).status_code == 404
    assert browser.get(download_path("cafe-lux", "xx"), marie).status_code == 404
    assert browser.get(errors_download_path("cafe-lux", 999_999), marie).status_code == 404
    assert browser.get("/api/marketplace/stores/cafe-lux/imports/abc/errors", marie).status_code == 404
    assert browser.get(download_path("bakery-lux", "fr"), marie).status_code == 200
    enablement.apply_change(platform_id("loyalty"), "marketplace", False, None)
    assert browser.get(download_path("bakery-lux", "fr"), marie).status_code == 404


def test_import_errors_download_as_csv_in_the_users_language_with_neutralised_cells(browser, shop, tmp_path):
    rows = [product_row(1), product_row(2, id="=CMD", price="abc"), product_row(3, title="")]
    bad = import_file(write_feed(tmp_path, feed_text(rows)), shop)
    answer = browser.get(errors_download_path("cafe-lux", bad.id), "marie@cafe-lux.lu", lang="fr")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "text/csv; charset=utf-8"
    assert answer.headers["content-disposition"].startswith('attachment; filename="letzshop-cafe-lux-import-')
    assert answer.content.startswith(b"\xef\xbb\xbf")
    header, *lines = csv.reader(io.StringIO(answer.text.lstrip("\ufeff"), newline=""))
    assert header == ["Ligne", "Colonne", "Problème", "Ligne du fichier"]
    assert lines[0][:3] == ["3", "price", translate("marketplace.row.price", "fr", value="abc")]
    assert lines[0][3].startswith("'=CMD\t")
    assert lines[1][:2] == ["4", "title"]
    english = browser.get(errors_download_path("cafe-lux", bad.id), "marie@cafe-lux.lu")
    assert english.text.lstrip("\ufeff").startswith("Line,Column,Problem,Row in the file\r\n")


def test_the_links_the_dashboard_shows_are_the_paths_the_api_serves(database):
    assert download_path("cafe-lux", "fr") == "/api/marketplace/stores/cafe-lux/export/fr"
    assert errors_download_path("cafe-lux", 7) == "/api/marketplace/stores/cafe-lux/imports/7/errors"
    paths = {route.path for route in build_api(get_registry()).routes}
    assert {download_path("{store}", "{lang}"), errors_download_path("{store}", "{import_id}")} <= paths
