"""In Chromium on a phone-sized screen: a guest adds one product from the listing and another
from its product page, sees 2 in the header's cart, raises a quantity on the cart page and
removes a line; the page never gets wider than the phone."""

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e
CAFE = "/platforms/oms/storefront/cafe-lux/"


def fits(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


@pytest.fixture
def phone(browser, app_server):
    context = browser.new_context(locale="en-GB", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()


def test_a_guest_adds_from_the_listing_and_the_product_page_then_changes_and_removes(phone: Page, app_server):
    count = phone.get_by_test_id("cart-count")
    phone.goto(f"{app_server}{CAFE}products?lang=en")
    add_buttons = phone.get_by_role("button", name="Add to cart")
    second_card = add_buttons.nth(1).locator("xpath=ancestor::div[contains(@class, 'rt-Card')][1]//a").first
    product_href = second_card.get_attribute("href")
    expect(count).to_have_text("0")
    fits(phone)

    add_buttons.first.click()
    expect(phone.get_by_text("Added to your cart.")).to_be_visible()
    expect(count).to_have_text("1")
    expect(phone).to_have_url(re.compile(r"/cafe-lux/products\?lang=en$"))  # ?cart=added tidied away

    phone.goto(f"{app_server}{product_href}")
    phone.get_by_role("button", name="Add to cart").click()
    expect(phone.get_by_text("Added to your cart.")).to_be_visible()
    expect(count).to_have_text("2")

    phone.get_by_role("link", name="Cart").click()
    lines = phone.get_by_test_id("cart-line")
    expect(lines).to_have_count(2)
    fits(phone)
    lines.first.get_by_role("button", name="One more").click()
    expect(lines.first.get_by_test_id("line-quantity")).to_have_text("2")
    expect(count).to_have_text("3")
    lines.nth(1).get_by_role("button", name="Remove").click()
    expect(lines).to_have_count(1)
    expect(count).to_have_text("2")
    expect(phone.get_by_role("link", name="Checkout")).to_have_attribute(
        "href", re.compile(r"/cafe-lux/checkout$")
    )
    fits(phone)
