"""Marie (cafe-lux) uploads an image, gives the store a primary and an accent colour, is
refused a too-light one with its contrast ratio, and the storefront shows the new colours
(computed styles) on a 390 px phone, with no console errors."""

import io
import re

import pytest
from PIL import Image
from playwright.sync_api import Page, expect

from tests.conftest import ROOT
from tests.e2e.test_mobile import PHONE, SETTLED
from tests.e2e.test_module_enablement import sign_in
from tests.e2e.test_storefront_mobile import fits

pytestmark = pytest.mark.e2e
SHOTS = ROOT / "docs" / "screenshots" / "issue-16"
STOREFRONT = "/platforms/oms/storefront/cafe-lux/"
PRIMARY, ACCENT = "#1d4ed8", "#8a1538"


def settle(page: Page) -> None:
    page.evaluate(SETTLED)


def test_marie_changes_the_primary_colour_and_the_storefront_shows_it(page: Page, app_server: str, tmp_path):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.set_default_navigation_timeout(120_000)  # the first dev-server pages compile on demand
    page.set_viewport_size(PHONE)
    sign_in(page, app_server, "/store/cafe-lux/login", "marie@cafe-lux.lu")
    expect(page).to_have_url(re.compile(r"/store/cafe-lux/"))

    # An image for the library, by the upload zone's file input.
    photo = tmp_path / "terrace.png"
    buffer = io.BytesIO()
    Image.new("RGB", (400, 300), (30, 90, 160)).save(buffer, "PNG")
    photo.write_bytes(buffer.getvalue())
    page.goto(app_server + "/store/cafe-lux/media")
    expect(page.get_by_role("heading", name="Media library")).to_be_visible()
    page.locator("input[type=file]").set_input_files(str(photo))
    page.get_by_test_id("media-upload").click()
    card = page.get_by_test_id("media-card")
    expect(card).to_have_count(1)
    expect(card.get_by_text("terrace.png")).to_be_visible()
    expect(card.get_by_text("400 × 300 · Not used")).to_be_visible()
    settle(page)
    assert fits(page) == ""
    page.screenshot(path=str(SHOTS / "media-library-390.png"), full_page=True)

    page.goto(app_server + "/store/cafe-lux/theme")
    primary = page.get_by_label("Primary colour")
    expect(primary).to_be_visible()
    settle(page)
    primary.fill("#aaaaaa")
    page.get_by_test_id("theme-save").click()
    expect(page.get_by_role("alert").filter(has_text="only 2.32:1")).to_be_visible()
    assert fits(page) == ""
    page.screenshot(path=str(SHOTS / "theme-contrast-refused-390.png"), full_page=True)

    primary.fill(PRIMARY)
    page.get_by_label("Accent colour").fill(ACCENT)
    page.get_by_label("Font").select_option("lora")
    page.get_by_test_id("theme-save").click()
    expect(page.get_by_text("Theme saved")).to_be_visible()
    expect(page.get_by_role("alert").filter(has_text="2.32:1")).to_have_count(0)

    shop = page.context.browser.new_page(viewport=PHONE, locale="fr-FR")
    try:
        shop.set_default_navigation_timeout(120_000)
        shop.goto(app_server + STOREFRONT)
        expect(shop.locator("h1")).to_have_count(1)
        settle(shop)
        root = shop.locator(".orion-look")
        expect(root).to_have_count(1)
        assert root.evaluate("e => getComputedStyle(e).getPropertyValue('--accent-9').trim()") == PRIMARY
        assert "Lora Variable" in root.evaluate("e => getComputedStyle(e).fontFamily")
        header = shop.locator(".orion-look > header")
        assert header.evaluate("e => getComputedStyle(e).borderBottomColor") == "rgb(138, 21, 56)"
        # A link in the primary's text step: Radix components read the overridden scale.
        colour = shop.evaluate(
            "() => { const a = document.createElement('span'); a.style.color = 'var(--accent-9)';"
            " document.querySelector('.orion-look main').appendChild(a);"
            " const c = getComputedStyle(a).color; a.remove(); return c; }"
        )
        assert colour == "rgb(29, 78, 216)"
        assert fits(shop) == ""
        shop.screenshot(path=str(SHOTS / "storefront-themed-390.png"), full_page=False)
    finally:
        shop.close()


def test_the_first_server_rendered_response_already_carries_the_theme(production_site):
    """No flash of the default look: the production server's first HTML has the store's
    colours, font rules (swap) with the font preloaded in the head, and the centred header."""
    import sqlite3

    import httpx

    from orion_app import access_cache

    base, database = production_site
    with sqlite3.connect(database) as db:
        store = db.execute("SELECT id FROM store WHERE code = 'cafe-lux'").fetchone()[0]
        db.execute(
            'INSERT INTO store_theme (store_id, "primary", accent, font, header_layout, updated_at)'
            " VALUES (?, ?, ?, 'lora', 'centered', CURRENT_TIMESTAMP)",
            (store, PRIMARY, ACCENT),
        )
    # Written beside the app, not through it: announce it as a commit through cms's models
    # would (the server keeps a store's look in memory, access_cache scope "cms"; it shares
    # this process's Redis and prefix).
    access_cache.invalidate("cms")
    try:
        html = httpx.get(base + STOREFRONT, headers={"accept-language": "fr"}, timeout=60).text
    finally:
        with sqlite3.connect(database) as db:
            db.execute("DELETE FROM store_theme WHERE store_id = ?", (store,))
        access_cache.invalidate("cms")
    head, _, body = html.partition("</head>")
    assert f"--accent-9:{PRIMARY}" in body and f"--orion-accent:{ACCENT}" in body
    assert "font-family:Lora Variable;font-style:normal;font-display:swap" in body
    assert 'class="orion-look' in body or "orion-look " in body
    preload = re.search(r'<link[^>]*href="/fonts/lora-latin-wght-normal.woff2"[^>]*>', head)
    assert preload, "the font is preloaded from the head"
    assert 'rel="preload"' in preload.group(0) and 'as="font"' in preload.group(0)
