"""A shopper on a 390×844 phone: every storefront page fits the screen's width and has one
<h1>; categories open in a drawer; breadcrumbs, sorting, pages past the end, category and
search together, a sale's struck-through price, and a 404 that leads back into the store."""

import json
import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import select

from orion_app.i18n import translate
from tests.e2e.test_mobile import OVERFLOWING, PHONE, SETTLED

pytestmark = pytest.mark.e2e
STORE = "velo-weber"
PATH = f"/platforms/oms/storefront/{STORE}/"


def fr(key: str, **values) -> str:
    """The store's default language, which a new shopper sees."""
    return translate(key, "fr", **values)


@pytest.fixture(scope="module")
def shop_data(app_server: str) -> dict:
    """From the seeded store: a sub-category with products, one of them, and a product on sale."""
    from modules.catalog.models import Product
    from modules.catalog.services.categories import category_tree
    from modules.catalog.services.storefront import category_trail
    from orion_app.db import session_scope
    from tests.integration.helpers import store_id

    shop = store_id(STORE)
    with session_scope() as session:
        tree = category_tree(session, shop, "fr")
        active = select(Product).where(Product.store_id == shop, Product.is_active.is_(True))
        product = session.exec(
            active.where(Product.category_id.in_([n.id for n in tree if n.parent_id is not None]))
        ).first()
        sale = session.exec(
            active.where(
                Product.sale_price_cents.is_not(None), Product.sale_price_cents < Product.price_cents
            )
        ).first()
        assert product is not None and sale is not None, "the demo store needs a sub-category and a sale"
        trail = category_trail(tree, product.category_id)
        return {
            "product": product.slug,
            "sale": sale.slug,
            "trail": [(n.name, n.slug) for n in trail],
        }


@pytest.fixture
def phone(browser, app_server: str) -> Iterator[Page]:
    context = browser.new_context(locale="en-GB", viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()


def open_settled(page: Page, url: str) -> None:
    page.goto(url)
    expect(page.locator("h1")).to_have_count(1)
    page.evaluate(SETTLED)


def fits(page: Page) -> str:
    """'' when the page is no wider than the screen, else what sticks out."""
    scroll_width, width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    return (
        ""
        if scroll_width <= width
        else f"{page.url}: {scroll_width}px > {width}px: {page.evaluate(OVERFLOWING)}"
    )


def test_every_storefront_page_fits_a_phone_with_one_h1(phone: Page, app_server: str, shop_data: dict):
    site = app_server + PATH
    category = shop_data["trail"][-1][1]
    pages = [
        site,
        site + "products",
        site + f"products?category={category}&q=a",
        site + f"products/{shop_data['product']}",
        site + f"products/{shop_data['sale']}",
        site + "products/no-such-product",
        site + "no-such-page",
    ]
    problems = []
    for url in pages:
        open_settled(phone, url)
        problems.append(fits(phone))
        for switcher in phone.get_by_role("combobox", name="Language").all():  # none on a bare 404
            box = switcher.bounding_box()
            assert box is not None and box["x"] + box["width"] <= PHONE["width"], url
    assert [p for p in problems if p] == []
    # The footer names the seller and links the legal pages cms publishes (platform defaults).
    open_settled(phone, site + "products")
    footer = phone.get_by_role("contentinfo")
    expect(footer).to_contain_text("Vëlo Weber SA")
    expect(footer).to_contain_text("jean@velo.lu")
    expect(footer.get_by_role("link")).to_have_count(4)  # notice, terms, privacy, withdrawal


def test_categories_open_in_a_drawer_and_keep_the_search(phone: Page, app_server: str, shop_data: dict):
    name, slug = shop_data["trail"][0]
    open_settled(phone, app_server + PATH + "products?q=e")
    # At phone width the sidebar is hidden; its links are in the drawer.
    expect(phone.get_by_role("navigation", name=fr("catalog.shop.categories"))).to_be_hidden()
    phone.get_by_role("button", name=fr("catalog.shop.categories")).click()
    drawer = phone.get_by_role("dialog", name=fr("catalog.shop.categories"))
    expect(drawer).to_be_visible()
    drawer.get_by_role("link", name=name, exact=True).click()
    expect(phone).to_have_url(re.compile(rf"\?q=e&category={slug}$"))
    expect(phone.get_by_role("dialog")).to_have_count(0)
    main = phone.get_by_role("main")
    expect(main.get_by_role("heading", level=1)).to_have_text(fr("catalog.shop.results_for", query="e"))
    expect(main.get_by_text("“e”", exact=True)).to_be_visible()  # the search shown as a filter
    # Clearing the search keeps the category.
    main.get_by_role("link", name=fr("catalog.shop.clear_search")).first.click()
    expect(phone).to_have_url(re.compile(rf"/products\?category={slug}$"))
    expect(main.get_by_role("heading", level=1)).to_have_text(name)
    # Searching inside the category keeps it.
    search = main.get_by_role("searchbox", name=fr("catalog.shop.search"))
    search.fill("a")
    search.press("Enter")
    expect(phone).to_have_url(re.compile(rf"\?q=a&category={slug}$"))
    expect(main.get_by_role("heading", level=1)).to_have_text(fr("catalog.shop.results_for", query="a"))


def test_breadcrumbs_lead_from_home_through_the_categories_to_the_product(
    phone: Page, app_server: str, shop_data: dict
):
    open_settled(phone, app_server + PATH + f"products/{shop_data['product']}")
    title = phone.get_by_role("heading", level=1).inner_text()
    crumbs = phone.get_by_role("navigation", name=fr("catalog.shop.breadcrumb"))
    names = [name for name, _ in shop_data["trail"]]
    expect(crumbs.get_by_role("listitem")).to_have_text(
        [fr("catalog.shop.home"), *[f"›{n}" for n in names], f"›{title}"]
    )
    expect(crumbs.get_by_role("link", name=fr("catalog.shop.home"))).to_have_attribute("href", PATH)
    expect(crumbs.get_by_role("link", name=names[-1])).to_have_attribute(
        "href", f"{PATH}products?category={shop_data['trail'][-1][1]}"
    )
    data = [json.loads(s) for s in phone.locator('script[type="application/ld+json"]').all_inner_texts()]
    trail = next(d for d in data if d["@type"] == "BreadcrumbList")["itemListElement"]
    assert [e["name"] for e in trail] == [fr("catalog.shop.home"), *names, title]
    assert trail[-1]["item"].endswith(f"{PATH}products/{shop_data['product']}")
    # A category's own page has the same trail, ending at that category.
    crumbs.get_by_role("link", name=names[-1]).click()
    expect(phone.get_by_role("heading", level=1)).to_have_text(names[-1])
    expect(crumbs.get_by_role("listitem").last).to_have_text(f"›{names[-1]}")


def cents(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def test_sorting_is_in_the_url_and_a_page_past_the_end_shows_the_last_page(phone: Page, app_server: str):
    listing = app_server + PATH + "products"
    open_settled(phone, listing)
    phone.get_by_label(fr("catalog.shop.sort_by")).select_option(label=fr("catalog.shop.sort.price_asc"))
    expect(phone).to_have_url(re.compile(r"/products\?sort=price_asc$"))
    expect(phone.get_by_label(fr("catalog.shop.sort_by"))).to_have_value("price_asc")
    phone.evaluate(SETTLED)
    # The price paid is the first price of each card (a sale's old price comes after it).
    prices = [
        cents(t)
        for t in phone.locator("main a[href*='/products/'] .rt-Flex > .rt-Text:first-child").all_inner_texts()
    ]
    assert len(prices) >= 10 and prices == sorted(prices)
    # Relevance is only offered while searching; an unknown sort is the default one.
    expect(phone.get_by_label(fr("catalog.shop.sort_by")).locator("option[value=relevance]")).to_have_count(0)
    open_settled(phone, listing + "?sort=cheapest")
    expect(phone.get_by_label(fr("catalog.shop.sort_by"))).to_have_value("newest")
    open_settled(phone, listing + "?page=99")
    expect(phone).to_have_url(re.compile(r"/products\?page=2$"))
    expect(phone.get_by_text(fr("orion.pager.page_of", page=2, pages=2))).to_be_visible()


def test_a_sale_shows_the_old_price_struck_through(phone: Page, app_server: str, shop_data: dict):
    open_settled(phone, app_server + PATH + f"products/{shop_data['sale']}")
    old = phone.get_by_role("main").locator("del")
    expect(old).to_have_count(1)
    expect(old).to_be_visible()
    expect(old).to_contain_text(fr("orion.old_price"))  # read out, not shown
    assert "line-through" in old.evaluate("e => getComputedStyle(e).textDecorationLine")
    paid, was = (
        phone.get_by_role("main")
        .locator("del")
        .evaluate("e => [e.parentElement.firstElementChild.innerText, e.lastChild.textContent]")
    )
    assert cents(paid) < cents(was)


def test_a_storefront_404_leads_back_into_the_store(phone: Page, app_server: str):
    for path in ("products/no-such-product", "no-such-page"):
        open_settled(phone, app_server + PATH + path)
        page = phone.get_by_test_id("not-found")
        expect(page.get_by_role("heading", level=1)).to_have_text(fr("orion.not_found.title"))
        expect(page.get_by_role("link", name=fr("orion.not_found.store_home"))).to_have_attribute(
            "href", PATH
        )
        expect(page.get_by_role("link", name=fr("orion.not_found.search"))).to_have_attribute(
            "href", PATH + "products"
        )
    phone.get_by_role("link", name=fr("orion.not_found.search")).click()
    expect(phone.get_by_role("searchbox", name=fr("catalog.shop.search"))).to_be_visible()
