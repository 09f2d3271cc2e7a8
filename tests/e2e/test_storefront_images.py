"""Storefront photos on a phone (issue 11, part 2): the browser picks a file of the right size
(`srcset`/`sizes`), the largest paint loads first (`loading="eager"`, `fetchpriority="high"`),
photos further down wait (`loading="lazy"`), and every photo has `width`/`height`, so nothing
moves when it arrives."""

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_storefront_mobile import PATH, open_settled, phone, shop_data  # noqa: F401

pytestmark = pytest.mark.e2e

ATTRIBUTES = """(selector) => [...document.querySelectorAll(selector)].map(img => ({
    src: img.getAttribute('src'), srcset: img.getAttribute('srcset') || '',
    sizes: img.getAttribute('sizes') || '', loading: img.getAttribute('loading'),
    priority: img.getAttribute('fetchpriority'), width: img.getAttribute('width'),
    height: img.getAttribute('height'), current: img.currentSrc, shown: img.clientWidth,
}))"""


def photos(page: Page, selector: str = "main img") -> list[dict]:
    return page.evaluate(ATTRIBUTES, selector)


def test_listing_cards_offer_small_files_and_load_the_first_row_first(
    phone: Page,  # noqa: F811
    app_server: str,
):
    open_settled(phone, f"{app_server}{PATH}products")
    expect(phone.locator("main img").first).to_be_visible()
    cards = photos(phone)
    assert len(cards) >= 6, cards
    for card in cards:
        assert card["width"] and card["height"], card
        small, medium = card["srcset"].split(", ")
        assert small.endswith("_sm.webp 320w") and medium.endswith("_md.webp 800w"), card
        assert card["sizes"], card
    # By the card's place in the grid (a product another test made may have no photo):
    # the first row (2 on a phone) loads at once and first, the next row too, the rest lazily.
    # A grid cell is the card's link, or the card itself when an action (add to cart) sits under the link.
    places = phone.evaluate(
        "[...document.querySelectorAll('main .rt-Grid > :is(a, .rt-Card)')]"
        ".map(cell => cell.querySelector('img')?.getAttribute('src'))"
    )
    for card in cards:
        place = places.index(card["src"])
        assert card["loading"] == ("eager" if place < 4 else "lazy"), (place, card)
        assert card["priority"] == ("high" if place < 2 else "auto"), (place, card)
    assert any(places.index(c["src"]) < 2 for c in cards)  # a photo in the first row was checked
    # A card is about 170 px wide on a 390 px phone: the 320 px file is enough (DPR 1 here).
    first = phone.locator("main img").first
    first.evaluate("img => img.decode()")
    assert photos(phone)[0]["current"].endswith("_sm.webp"), photos(phone)[0]


def test_product_photo_is_the_first_paint_and_thumbnails_wait(
    phone: Page,  # noqa: F811
    app_server: str,
    shop_data: dict,  # noqa: F811
):
    open_settled(phone, f"{app_server}{PATH}products/{shop_data['product']}")
    main, *thumbs = photos(phone)
    assert main["loading"] == "eager" and main["priority"] == "high", main
    assert (main["width"], main["height"]) == ("800", "800"), main
    assert [part.rsplit(" ", 1)[1] for part in main["srcset"].split(", ")] == ["320w", "800w", "1600w"], main
    assert main["sizes"], main
    # 390 px at DPR 1: the 800 px file, not the 1,600 px one in `src`.
    phone.locator("main img").first.evaluate("img => img.decode()")
    assert photos(phone)[0]["current"].endswith("_md.webp"), photos(phone)[0]
    for thumb in thumbs:
        assert thumb["loading"] == "lazy" and (thumb["width"], thumb["height"]) == ("64", "64"), thumb
