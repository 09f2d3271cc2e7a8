"""A French shopper picks a variant of "Café Moka" (Weight × Grind, only 500 g / Moulu in stock):
the page shows that variant's price and stock, the URL names it (?variant=), a shared link
opens it, a 1 kg / Grains link says it is sold out, and a 390 px phone never scrolls sideways."""

import re

import pytest
from playwright.sync_api import Page, expect

from orion_app.i18n import translate
from tests.conftest import ROOT
from tests.e2e.test_mobile import PHONE
from tests.e2e.test_storefront_mobile import fits, open_settled

pytestmark = pytest.mark.e2e
PATH = "/platforms/oms/storefront/cafe-lux/products/cafe-moka"
SHOTS = ROOT / "docs" / "screenshots" / "issue-17"


def fr(key: str, **values) -> str:
    return translate(key, "fr", **values)


def create_moka() -> dict:
    """Café Moka in cafe-lux (French by default), made with the catalog's services in the
    current database: Weight × Grind (6 variants), 1 kg / Grains at its own price with its own
    photo, 5 units of 500 g / Moulu and nothing else in stock."""
    from modules.catalog.public import OptionInput, generate_variants, set_options, update_variants
    from modules.catalog.services.media import add_photo
    from modules.catalog.services.products import create_product
    from modules.inventory.public import adjust_stock
    from orion_app.db import session_scope
    from tests.integration.catalog_helpers import png_bytes, product_form, scope

    store_id, merchant_id, platform_id = scope()
    form = product_form(sku="MOKA", title_fr="Café Moka", title_en="Café Moka", gtin="", sale_price="")
    with session_scope() as session:
        product = create_product(session, store_id, merchant_id, platform_id, form)
        add_photo(session, store_id, product.id, png_bytes(color=(120, 72, 40)), "Café Moka")
        kilo_photo = add_photo(session, store_id, product.id, png_bytes(color=(40, 90, 60)), "1 kg")
        weight = OptionInput(
            {"fr": "Poids", "en": "Weight"},
            [{"fr": "250 g", "en": "250 g"}, {"fr": "500 g", "en": "500 g"}, {"fr": "1 kg", "en": "1 kg"}],
            attribute="size",
        )
        grind = OptionInput(
            {"fr": "Mouture", "en": "Grind"},
            [{"fr": "Grains", "en": "Beans"}, {"fr": "Moulu", "en": "Ground"}],
        )
        set_options(session, store_id, product.id, [weight, grind])
        variants = {v.sku: v for v in generate_variants(session, store_id, product.id)}
        kilo = variants["MOKA-1-KG-BEANS"].id
        update_variants(session, store_id, product.id, {kilo: {"price": "34,50", "photos": [kilo_photo.id]}})
        ground = variants["MOKA-500-G-GROUND"].id
        adjust_stock(session, store_id, product.id, "main", variant_id=ground, delta=5)
    return {"slug": product.slug, "kilo_photo": kilo_photo.key.rsplit("/", 1)[-1]}


@pytest.fixture(scope="module")
def moka(app_server: str) -> dict:
    return create_moka()


def pick(page: Page, option: str, value: str, sku: str) -> None:
    page.get_by_role("group", name=option).get_by_role("link", name=re.compile(f"^{value}")).click()
    expect(page).to_have_url(re.compile(rf"\?variant={sku}$"))
    chosen = page.get_by_role("group", name=option).locator("a[aria-current=true]")
    expect(chosen).to_have_text(re.compile(f"^{value}( – {fr('catalog.shop.sold_out')})?$"))


def test_a_shopper_picks_500_g_ground_sees_its_price_and_stock_and_shares_the_url(
    page: Page, app_server: str, moka: dict
):
    assert moka["slug"] == "cafe-moka"
    main = page.get_by_role("main")
    open_settled(page, app_server + PATH)
    expect(main.get_by_role("heading", level=1)).to_have_text("Café Moka")
    expect(page.get_by_role("group", name="Poids")).to_be_visible()
    pick(page, "Poids", "1 kg", "MOKA-1-KG-GROUND")
    expect(main.get_by_text(fr("catalog.availability.out_of_stock"), exact=True)).to_be_visible()
    pick(page, "Poids", "500 g", "MOKA-500-G-GROUND")
    pick(page, "Mouture", "Grains", "MOKA-500-G-BEANS")
    expect(main.get_by_text(fr("catalog.availability.out_of_stock"), exact=True)).to_be_visible()
    pick(page, "Mouture", "Moulu", "MOKA-500-G-GROUND")
    expect(main.get_by_text("19,99\u00a0€", exact=True)).to_be_visible()
    expect(main.get_by_text(fr("catalog.availability.in_stock"), exact=True)).to_be_visible()
    expect(main.get_by_text("MOKA-500-G-GROUND", exact=True)).to_be_visible()
    shared = page.url
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "product-variants-desktop.png"), full_page=True)

    # The shared link, opened by someone else, shows the same variant.
    other = page.context.browser.new_context(locale="fr-FR", viewport=PHONE)
    try:
        phone = other.new_page()
        open_settled(phone, shared)
        expect(phone.get_by_text(fr("catalog.availability.in_stock"), exact=True)).to_be_visible()
        chosen = phone.locator("fieldset a[aria-current=true]")
        expect(chosen).to_have_text(["500 g", "Moulu"])
        assert fits(phone) == ""
        phone.screenshot(path=str(SHOTS / "product-variants-390.png"), full_page=True)
    finally:
        other.close()


def test_a_1_kg_beans_link_says_sold_out_with_its_own_price_and_photo(
    page: Page, app_server: str, moka: dict
):
    open_settled(page, app_server + PATH + "?variant=MOKA-1-KG-BEANS")
    main = page.get_by_role("main")
    expect(main.get_by_text(fr("catalog.availability.out_of_stock"), exact=True)).to_be_visible()
    expect(main.get_by_text("34,50\u00a0€", exact=True)).to_be_visible()
    assert moka["kilo_photo"].rsplit(".", 1)[0] in (main.locator("img").first.get_attribute("src") or "")
    # 500 g is sold out with Grains: still a link, named as sold out for screen readers.
    sold_out = page.get_by_role("group", name="Poids").get_by_role("link", name=re.compile("^500 g"))
    expect(sold_out).to_have_accessible_name(f"500 g – {fr('catalog.shop.sold_out')}")
