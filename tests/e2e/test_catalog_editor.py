"""In Chromium: the product editor names its choices, warns about a shared GTIN, and the
drop zones of the editor and the feed import forget a file once it is sent."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_module_enablement import sign_in
from tests.integration.catalog_helpers import png_bytes

pytestmark = pytest.mark.e2e
BASE = "/store/velo-weber"
GTIN = "96385074"  # a valid EAN-8 no demo product has


@pytest.fixture
def jean(browser, app_server: str) -> Page:
    page = browser.new_context(locale="en-GB").new_page()
    page.set_default_timeout(30_000)
    sign_in(page, app_server, f"{BASE}/login", "jean@velo.lu")
    expect(page.get_by_role("heading", name="Overview")).to_be_visible()
    return page


def new_product(page: Page, app_server: str, sku: str, title: str) -> None:
    page.goto(f"{app_server}{BASE}/products/new")
    expect(page.get_by_role("heading", name="New product")).to_be_visible()
    page.get_by_role("tabpanel").get_by_label("Title", exact=True).fill(title)
    page.get_by_label("SKU").fill(sku)
    page.get_by_label("Price (VAT included)").fill("12,50")
    page.get_by_label("GTIN (EAN/UPC)").fill(GTIN)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="Edit product")).to_be_visible()


def test_the_editor_names_conditions_and_availabilities_and_warns_about_a_shared_gtin(
    jean: Page, app_server: str, tmp_path
):
    page = jean
    page.goto(f"{app_server}{BASE}/products/new")
    expect(page.get_by_label("Condition").locator("option")).to_have_text(["New", "Refurbished", "Used"])
    expect(page.get_by_label("Availability").locator("option")).to_have_text(
        ["In stock", "Out of stock", "Pre-order", "On backorder"]
    )

    new_product(page, app_server, "TWIN-A", "Sacoche double")
    expect(page.get_by_text("same GTIN")).to_have_count(0)
    new_product(page, app_server, "TWIN-B", "Sacoche double (lot)")
    expect(page.get_by_role("status").filter(has_text="same GTIN: SKU TWIN-A")).to_be_visible()

    photo = tmp_path / "sacoche.png"
    photo.write_bytes(png_bytes())
    page.locator("input[type=file]").set_input_files(str(photo))
    expect(page.get_by_text("sacoche.png")).to_be_visible()
    page.get_by_role("button", name="Upload selected photos").click()
    expect(page.get_by_role("button", name="Remove")).to_have_count(1)
    expect(page.get_by_text("sacoche.png")).to_have_count(0)


def test_the_feed_drop_zone_is_empty_again_when_the_merchant_comes_back_from_the_import(
    jean: Page, app_server: str, tmp_path
):
    page = jean
    feed = tmp_path / "small-feed.tsv"
    feed.write_text("id\ttitle\tprice\nSMALL-1\tPetit produit\t4.90 EUR\n", encoding="utf-8")
    page.goto(f"{app_server}{BASE}/marketplace/import")
    card = page.get_by_role("region", name="Upload a feed file")
    card.locator("input[type=file]").set_input_files(str(feed))
    expect(card.get_by_text(feed.name)).to_be_visible()
    card.get_by_label("Dry run").check()
    card.get_by_role("button", name="Start import").click()
    expect(page).to_have_url(re.compile(r"/marketplace/imports/\d+$"))
    page.get_by_role("link", name="All imports").click()  # in-app navigation keeps the page's state
    expect(page.get_by_role("region", name="Upload a feed file")).to_be_visible()
    expect(page.get_by_role("region", name="Upload a feed file").get_by_text(feed.name)).to_have_count(0)
    expect(page.get_by_role("link", name=feed.name)).to_be_visible()  # the history lists the import
