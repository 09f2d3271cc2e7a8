"""In Chromium: a merchant creates a product with photos and stock; shoppers find it."""

import pytest
from playwright.sync_api import expect

from tests.e2e.test_module_enablement import sign_in
from tests.integration.catalog_helpers import png_bytes

pytestmark = pytest.mark.e2e


def test_a_new_product_with_photos_and_stock_shows_on_the_storefront_in_french_and_english(
    browser, app_server: str, tmp_path
):
    page = browser.new_context(locale="en-GB").new_page()
    page.set_default_timeout(30_000)
    sign_in(page, app_server, "/store/velo-weber/login", "jean@velo.lu")
    expect(page.get_by_role("heading", name="Overview")).to_be_visible()
    page.goto(app_server + "/store/velo-weber/products/new")
    expect(page.get_by_role("heading", name="New product")).to_be_visible()

    page.get_by_role("tabpanel").get_by_label("Title", exact=True).fill("Café Vëlo Bidon")  # French tab first
    page.get_by_role("tab", name="English").click()
    page.get_by_role("tabpanel").get_by_label("Title", exact=True).fill("Café Bike Bottle")
    page.get_by_label("SKU").fill("BIDON-1")
    page.get_by_label("Price (VAT included)").fill("24,90")
    page.get_by_label("Sale price").fill("30")
    page.get_by_label("GTIN (EAN/UPC)").fill("4006381333932")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The sale price must not be above the price.")).to_be_visible()
    expect(page.get_by_text("check digit is wrong")).to_be_visible()

    page.get_by_label("Sale price").fill("19.90")
    page.get_by_label("GTIN (EAN/UPC)").fill("4006381333931")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="Edit product")).to_be_visible()

    photos = [tmp_path / "a.png", tmp_path / "b.png"]
    photos[0].write_bytes(png_bytes(color=(200, 30, 30)))
    photos[1].write_bytes(png_bytes(color=(30, 30, 200)))
    page.locator("input[type=file]").set_input_files([str(p) for p in photos])
    page.get_by_role("button", name="Upload selected photos").click()
    expect(page.get_by_role("button", name="Remove")).to_have_count(2)

    page.get_by_label("Warehouse").fill("strassen")
    page.get_by_label("Bin").fill("sa-10-02")
    page.get_by_label("Change (+/- units)").fill("12")
    page.get_by_role("button", name="Apply").click()
    expect(page.get_by_role("cell", name="SA-10-02")).to_be_visible()
    expect(page.get_by_role("cell", name="STRASSEN")).to_be_visible()

    shopper = browser.new_context(locale="fr-FR").new_page()
    shopper.set_default_timeout(30_000)
    shopper.goto(app_server + "/platforms/oms/storefront/velo-weber/products?q=cafe")
    card = shopper.get_by_role("link", name="Café Vëlo Bidon")
    expect(card).to_be_visible()
    card.click()
    main = shopper.get_by_role("main")
    expect(main.get_by_role("heading", name="Café Vëlo Bidon")).to_be_visible()
    expect(main.get_by_text("19,90\u00a0€")).to_be_visible()
    expect(main.get_by_role("deletion")).to_contain_text("24,90\u00a0€")
    expect(main.get_by_text("En stock")).to_be_visible()
    expect(main.get_by_role("img", name="Café Vëlo Bidon")).to_have_count(3)  # main photo + 2 thumbnails
    with shopper.expect_navigation():
        shopper.get_by_label("Language").select_option("en")
    expect(main.get_by_role("heading", name="Café Bike Bottle")).to_be_visible()


def test_a_disabled_catalog_hides_every_catalog_page_of_the_platform(browser, app_server: str):
    admin = browser.new_context(locale="en-GB").new_page()
    sign_in(admin, app_server, "/admin/login", "admin@orion.lu")
    expect(admin.get_by_role("heading", name="Dashboard")).to_be_visible()
    admin.goto(app_server + "/admin/platforms/loyalty/modules")
    admin.get_by_role("button", name="disable catalog").click()
    admin.get_by_role("alertdialog").get_by_role("button", name="Confirm").click()
    expect(admin.locator("[data-module=catalog]")).to_contain_text("Off")
    try:
        shopper = browser.new_context(locale="en-GB").new_page()
        for path in ("products", "products/anything"):
            shopper.goto(f"{app_server}/platforms/loyalty/storefront/bakery-lux/{path}")
            expect(shopper.get_by_test_id("not-found")).to_be_visible()
        expect(shopper.get_by_role("navigation", name="Main").get_by_role("link")).to_have_count(0)
        shopper.goto(app_server + "/platforms/loyalty/storefront/bakery-lux/")
        main_menu = shopper.get_by_role("navigation", name="Main")
        expect(main_menu.get_by_role("link")).to_have_count(2)  # home and the shopper's account
        expect(main_menu.locator('a[href$="/bakery-lux/account"]')).to_have_count(1)  # in Luxembourgish
        shopper.goto(app_server + "/platforms/oms/storefront/cafe-lux/products")
        expect(shopper.get_by_role("main").get_by_role("heading", name="Tous les produits")).to_be_visible()
        admin.get_by_role("button", name="enable catalog").click()
        admin.get_by_role("alertdialog").get_by_role("button", name="Confirm").click()
        expect(admin.locator("[data-module=catalog]")).to_contain_text("On")
    finally:
        # Disabling catalog also took down its dependents; give the platform back as it was.
        from orion_app.enablement import apply_change
        from tests.integration.helpers import platform_id

        apply_change(platform_id("loyalty"), "marketplace", True, None)


def test_a_merchant_cannot_open_another_merchants_product(browser, app_server: str):
    page = browser.new_context(locale="en-GB").new_page()
    sign_in(page, app_server, "/store/cafe-lux/login", "marie@cafe-lux.lu")
    expect(page.get_by_role("heading", name="Overview")).to_be_visible()
    page.goto(app_server + "/store/velo-weber/products")
    expect(page.get_by_text("No access")).to_be_visible()


def test_a_store_cannot_open_another_stores_product_by_id(browser, app_server: str):
    from sqlmodel import select

    from modules.catalog.models import Product
    from orion_app.db import session_scope
    from tests.integration.helpers import store_id

    with session_scope() as session:
        foreign = session.exec(select(Product.id).where(Product.store_id == store_id("cafe-lux"))).first()
    page = browser.new_context(locale="en-GB").new_page()
    sign_in(page, app_server, "/store/velo-weber/login", "jean@velo.lu")
    expect(page.get_by_role("heading", name="Overview")).to_be_visible()
    page.goto(f"{app_server}/store/velo-weber/products/{foreign}")
    expect(page.get_by_test_id("not-found")).to_be_visible()
    expect(page.get_by_label("SKU")).to_have_count(0)
