"""In Chromium: marie creates "Café Moka" with Weight × Grind (6 variants), stocks two of them,
saves, reloads and sees them; bulk prices with a preview; the grid on a 390 px phone.

With ORION_SCREENSHOTS=<folder> set, the grid's screenshots (desktop, 390 px) go there."""

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_module_enablement import sign_in

pytestmark = pytest.mark.e2e
BASE = "/store/cafe-lux"


@pytest.fixture
def marie(browser, app_server: str) -> Page:
    page = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900}).new_page()
    page.set_default_timeout(30_000)
    sign_in(page, app_server, f"{BASE}/login", "marie@cafe-lux.lu")
    expect(page.get_by_role("heading", name="Overview")).to_be_visible()
    return page


def shot(page: Page, name: str, *, whole_section: bool = True) -> None:
    """The Variants section (or, on a phone, the screen at its grid) into ORION_SCREENSHOTS."""
    folder = os.environ.get("ORION_SCREENSHOTS")
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    variants = page.get_by_role("region", name="Variants")
    if whole_section:
        variants.screenshot(path=str(Path(folder) / name))
    else:
        variants.get_by_role("button", name="Save variants").scroll_into_view_if_needed()
        page.screenshot(path=str(Path(folder) / name))


def test_marie_creates_cafe_moka_with_six_variants_and_stocks_two(marie: Page, app_server: str):
    page = marie
    page.goto(f"{app_server}{BASE}/products/new")
    expect(page.get_by_role("heading", name="New product")).to_be_visible()
    page.get_by_role("tabpanel").get_by_label("Title", exact=True).fill("Café Moka")
    # Not "MOKA": the storefront's browser tests make their own Café Moka with that SKU in
    # the same store, and a SKU is unique per store.
    page.get_by_label("SKU").fill("MARIE-MOKA")
    page.get_by_label("Price (VAT included)").fill("19,99")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="Edit product")).to_be_visible()

    variants = page.get_by_role("region", name="Variants")
    expect(variants.get_by_text("No variants yet")).to_be_visible()
    variants.get_by_label("Option 1: name", exact=True).fill("Poids")
    variants.get_by_label("Option 1: values, one per line", exact=True).fill("250 g\n500 g\n1 kg")
    variants.get_by_label("Option 2: name", exact=True).fill("Mouture")
    variants.get_by_label("Option 2: values, one per line", exact=True).fill("Grains\nMoulu")
    variants.get_by_role("button", name="Save options").click()
    expect(variants.get_by_role("button", name="Generate combinations")).to_be_enabled()
    variants.get_by_role("button", name="Generate combinations").click()
    expect(variants.get_by_label(re.compile(r"^SKU of "))).to_have_count(6)
    expect(variants.get_by_label("SKU of 500 g / Moulu")).to_have_value(re.compile(r"^MARIE-MOKA-500"))
    expect(variants.get_by_label("Price of 1 kg / Grains", exact=True)).to_have_attribute(
        "placeholder", "19,99"
    )

    variants.get_by_label("Warehouse").fill("strassen")
    variants.get_by_role("button", name="Add a stock location").click()
    variants.get_by_label("Stock in STRASSEN of 500 g / Moulu").fill("5")
    variants.get_by_label("Stock in STRASSEN of 250 g / Grains").fill("3")
    variants.get_by_label("GTIN of 1 kg / Moulu").fill("12345")  # not a GTIN: nothing is saved
    variants.get_by_role("button", name="Save variants").click()
    expect(variants.get_by_role("alert").filter(has_text="GTIN")).to_have_count(1)
    variants.get_by_label("GTIN of 1 kg / Moulu").fill("")
    variants.get_by_role("button", name="Save variants").click()
    expect(variants.get_by_role("alert")).to_have_count(0)
    expect(page.get_by_text("Saved").first).to_be_visible()

    page.reload()
    variants = page.get_by_role("region", name="Variants")
    expect(variants.get_by_label("Stock in STRASSEN of 500 g / Moulu")).to_have_value("5")
    expect(variants.get_by_label("Stock in STRASSEN of 250 g / Grains")).to_have_value("3")
    expect(variants.get_by_label("Stock in STRASSEN of 1 kg / Moulu")).to_have_value("0")
    expect(variants.get_by_label(re.compile(r"^SKU of "))).to_have_count(6)
    stock = page.get_by_role("region", name="Stock", exact=True).get_by_role("row")
    expect(stock.filter(has_text="500 g / Moulu")).to_contain_text("STRASSEN")
    expect(stock.filter(has_text="500 g / Moulu").get_by_role("cell").nth(3)).to_have_text("5")
    expect(stock.filter(has_text="Grains")).to_have_count(1)  # 250 g / Grains: 3; no row for 0
    shot(page, "variant-grid-desktop.png")

    # Bulk: +10 % on two ticked variants, previewed first.
    variants.get_by_label("Select 250 g / Grains").click()
    variants.get_by_label("Select 1 kg / Moulu").click()
    expect(variants.get_by_text("Applies to the 2 selected variants.")).to_be_visible()
    variants.get_by_label("Change (+/-)").fill("+10")
    variants.get_by_role("button", name="Show new prices").click()
    preview = variants.get_by_role("region", name=re.compile("New prices"))
    expect(preview.get_by_role("row")).to_have_count(2)
    expect(preview.get_by_text("19,99 → 21,99")).to_have_count(2)
    expect(variants.get_by_label("Price of 1 kg / Moulu", exact=True)).to_have_value("")  # not yet
    preview.get_by_role("button", name="Apply these prices").click()
    expect(variants.get_by_label("Price of 1 kg / Moulu", exact=True)).to_have_value("21,99")
    expect(variants.get_by_label("Price of 500 g / Moulu", exact=True)).to_have_value("")
    variants.get_by_label("Change (+/-)").fill("-200")
    variants.get_by_role("button", name="Show new prices").click()
    expect(variants.get_by_role("alert").filter(has_text="negative")).to_be_visible()

    # A phone: the grid scrolls inside its own box, the page never sideways.
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    variants = page.get_by_role("region", name="Variants")
    expect(variants.get_by_label("Stock in STRASSEN of 500 g / Moulu")).to_have_value("5")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert variants.locator("table").first.bounding_box()["width"] > 390  # scrolled inside its box
    shot(page, "variant-grid-390.png", whole_section=False)
