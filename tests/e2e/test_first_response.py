"""Storefront pages carry their content in the first HTML response (issue 11, part 1).

One production server (`reflex run --env prod`, as `make serve` runs it) on a seeded
SQLite database; plain HTTP requests without JavaScript, by dev path and by Host, then a
browser that hydrates the server's HTML and, as its first tap, uses the language switcher or
adds the product to the cart.
"""

import json
import re
import sqlite3
from html import unescape
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.e2e

STORE = "/platforms/oms/storefront/cafe-lux/"
HOST = "shop.cafe-lux.localhost"  # the demo's domain of cafe-lux


@pytest.fixture
def prod_server(production_site) -> tuple[str, Path]:
    return production_site


def _product(database: Path) -> tuple[int, str, str]:
    """(id, slug, French title) of an active cafe-lux product."""
    with sqlite3.connect(database) as db:
        return db.execute(
            "SELECT p.id, p.slug, t.title FROM product p JOIN store s ON s.id = p.store_id "
            "JOIN product_translation t ON t.product_id = p.id AND t.lang = 'fr' "
            "WHERE s.code = 'cafe-lux' AND p.is_active ORDER BY p.id LIMIT 1"
        ).fetchone()


def _json_ld(html: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]  # raises on invalid JSON


def _get(url: str, **headers: str) -> httpx.Response:
    return httpx.get(url, headers={"accept-language": "fr", **headers}, timeout=30, follow_redirects=False)


def _assert_head(html: str, lang: str, canonical: str, languages=("fr", "en", "de", "lb")) -> None:
    assert f'<html lang="{lang}"' in html
    assert f'<link rel="canonical" href="{canonical}">' in html
    for code in languages:
        assert re.search(f'<link rel="alternate" hreflang="{code}" href="[^"]+"', html), code
    assert 'hreflang="x-default"' in html
    assert '<meta property="og:title"' in html
    assert "window.__ORION_STATE__=" in html


@pytest.mark.parametrize("form", ["path", "host"])
def test_product_listing_and_home_carry_their_content(prod_server, form):
    base, database = prod_server
    _, slug, title = _product(database)
    headers = {"host": f"{HOST}:{base.rsplit(':', 1)[1]}"} if form == "host" else {}
    origin = f"http://{headers['host']}" if headers else base
    prefix = "/" if headers else STORE

    product = _get(f"{base}{prefix}products/{slug}", **headers)
    assert product.status_code == 200
    assert product.headers["content-encoding"] == "gzip"  # httpx asked for it, and unpacks it
    html = product.text
    assert re.search(r"<title>[^<]+ · Café Lëtzebuerg</title>", unescape(html))
    assert re.search(r"<h1[^>]*>" + re.escape(title) + "</h1>", unescape(html))
    assert html.count("<h1") == 1
    assert re.search(r"TVA de [0-9,]+", html) and "€" in html  # price with its VAT note
    assert re.search(r'<img[^>]+width="\d+"[^>]+height="\d+"|<img[^>]+height="\d+"[^>]+width="\d+"', html)
    _assert_head(html, "fr", f"{origin}{prefix}products/{slug}")
    kinds = {block["@type"]: block for block in _json_ld(html)}
    assert kinds["Product"]["name"] == title
    assert kinds["Product"]["offers"]["priceCurrency"] == "EUR"
    assert kinds["BreadcrumbList"]["itemListElement"][-1]["name"] == title

    listing = _get(f"{base}{prefix}products?category=equipement&page=1", **headers).text
    _assert_head(listing, "fr", f"{origin}{prefix}products?category=equipement")
    assert "<title>Produits" in listing
    assert listing.count("<h1") == 1
    assert _json_ld(listing)[0]["@type"] == "BreadcrumbList"

    home = _get(f"{base}{prefix}", **headers).text
    _assert_head(home, "fr", f"{origin}{prefix}")
    assert "Café Lëtzebuerg" in unescape(home)
    assert title in unescape(home) or "/products/" in home  # the home's product cards


def test_language_is_chosen_by_the_url_and_other_languages_are_linked(prod_server):
    base, database = prod_server
    _, slug, _title = _product(database)
    url = f"{base}{STORE}products/{slug}"
    english = _get(url + "?lang=en").text
    assert '<html lang="en"' in english
    assert f'<link rel="canonical" href="{url}?lang=en">' in english
    assert f'<link rel="alternate" hreflang="fr" href="{url}">' in english
    assert "incl." in english or "VAT" in english


def test_an_edit_shows_in_the_next_response(prod_server):
    base, database = prod_server
    product_id, slug, title = _product(database)
    with sqlite3.connect(database) as db:
        db.execute(
            "UPDATE product_translation SET title = ? WHERE product_id = ? AND lang = 'fr'",
            (title + " (nouvelle recette)", product_id),
        )
    try:
        html = unescape(_get(f"{base}{STORE}products/{slug}").text)
        assert f"{title} (nouvelle recette)" in html
    finally:
        with sqlite3.connect(database) as db:
            db.execute(
                "UPDATE product_translation SET title = ? WHERE product_id = ? AND lang = 'fr'",
                (title, product_id),
            )


def test_dead_ends_answer_with_their_status(prod_server):
    base, _ = prod_server
    missing = _get(f"{base}{STORE}products/no-such-product")
    assert missing.status_code == 404
    assert f'href="{STORE}"' in missing.text  # the 404 page leads back into the store
    past_the_end = _get(f"{base}{STORE}products?page=999")
    assert past_the_end.status_code == 302
    # 12 products fit on one page: the last page is the listing's own URL.
    assert past_the_end.headers["location"] == f"{STORE}products"
    assert _get(f"{base}/platforms/oms/storefront/no-such-store/products").status_code == 404


def test_the_browser_hydrates_the_server_html_and_the_first_tap_counts(prod_server, browser):
    base, database = prod_server
    _, slug, title = _product(database)
    context = browser.new_context(locale="fr-FR", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.add_init_script(
        "document.addEventListener('DOMContentLoaded', () => { window.__serverH1 = document.querySelector('h1'); });"
        # The scripts start at the first idle moment after load, or at the first interaction;
        # with no idle moment the shopper's tap is what starts them, the hardest case.
        "window.requestIdleCallback = () => 0;"
    )
    try:
        page.goto(f"{base}{STORE}products/{slug}", wait_until="domcontentloaded")
        assert page.evaluate("window.__serverH1.textContent") == title
        # The page is there before any of its scripts run (they start after paint)...
        assert page.evaluate("document.querySelector('script[type=module]') === null")
        # ...and the shopper's first tap then, picking English, is not lost.
        page.select_option("select", "en")
        page.wait_for_function("document.documentElement.lang === 'en'", timeout=30_000)
        assert page.locator("h1").count() == 1
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        # Hydration kept the server's nodes: after the reload the new page's h1 is its own.
        page.wait_for_function("window.__serverH1 === document.querySelector('h1')")
    finally:
        context.close()


def _in_stock_product(database: Path) -> str:
    """The slug of an active cafe-lux product without options that has units to sell."""
    with sqlite3.connect(database) as db:
        return db.execute(
            "SELECT p.slug FROM product p JOIN store s ON s.id = p.store_id "
            "JOIN product_variant v ON v.product_id = p.id AND v.combination = '' "
            "WHERE s.code = 'cafe-lux' AND p.is_active AND NOT p.is_digital AND "
            "(SELECT sum(l.quantity - l.reserved) FROM stock_level l WHERE l.variant_id = v.id) > 0 "
            "ORDER BY p.id LIMIT 1"
        ).fetchone()[0]


def test_the_first_tap_on_add_to_cart_adds_one_unit(prod_server, browser):
    """Add to cart is the page's first interaction, before any of its scripts has run. Its form
    posts to the server, so the browser's own submit is the add: the tap that started the
    scripts must not be replayed after hydration as a second post. The post is held for 3 s,
    time for the scripts to load and hydrate, so a replay would show as a second request."""
    import time

    from playwright.sync_api import expect

    base, database = prod_server
    url = f"{base}{STORE}products/{_in_stock_product(database)}"
    context = browser.new_context(locale="fr-FR", viewport={"width": 390, "height": 844})
    page = context.new_page()
    # No idle moment on the product page itself, so the tap is what starts its scripts (as in
    # the language switcher's test); the page the add comes back to, and the cart, boot as usual.
    page.add_init_script(
        "if (location.pathname.includes('/products/') && !location.search.includes('cart='))"
        " window.requestIdleCallback = () => 0;"
    )
    posts: list[str] = []

    def held(route) -> None:
        posts.append(route.request.method)
        time.sleep(3)  # the browser runs on: scripts load and hydrate meanwhile
        route.continue_()

    page.route("**/api/shop/cart/add", held)
    try:
        page.goto(url, wait_until="domcontentloaded")
        assert page.evaluate("document.querySelector('script[type=module]') === null")
        page.get_by_role("button", name="Ajouter au panier").click()
        expect(page.get_by_text("Ajouté à votre panier.")).to_be_visible(timeout=30_000)
        count = page.get_by_test_id("cart-count")
        expect(count).to_have_text("1")
        assert posts == ["POST"]
        page.goto(f"{base}{STORE}cart")  # what the server holds
        expect(page.get_by_test_id("line-quantity")).to_have_text(["1"])
        expect(count).to_have_text("1")
    finally:
        context.close()
