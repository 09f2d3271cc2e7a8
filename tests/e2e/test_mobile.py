"""On a 390×844 phone: every admin and store dashboard page fits the screen's width, the menu
opens in a drawer, and an owner of several stores switches between them."""

import io
import os
import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import select

from orion_app.i18n import catalogs
from orion_app.registry import Frontend, get_registry
from orion_app.routes import build_routes
from tests.e2e.test_module_enablement import sign_in

pytestmark = pytest.mark.e2e
PHONE = {"width": 390, "height": 844}
STORE = "cafe-lux"

# Resolves once the page has not changed for 300 ms: the page's own loads have arrived.
SETTLED = """() => new Promise(resolve => {
  let timer;
  const observer = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(done, 300); });
  function done() { observer.disconnect(); resolve(true); }
  observer.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
  timer = setTimeout(done, 300);
})"""
# The innermost elements reaching past the right edge, to name in a failure.
OVERFLOWING = """() => {
  const edge = window.innerWidth;
  const wide = [...document.body.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > edge + 1);
  return wide.filter(e => !wide.some(o => o !== e && e.contains(o))).slice(0, 5).map(e => {
    const name = e.tagName.toLowerCase() + (e.className && e.className.baseVal === undefined
      ? '.' + String(e.className).trim().split(/\\s+/).slice(0, 2).join('.') : '');
    return `${name} "${(e.innerText || '').trim().slice(0, 40)}" right=${Math.round(e.getBoundingClientRect().right)}`;
  });
}"""


def staff_pages(frontend: Frontend) -> list[tuple[str, str, bool]]:
    """(path pattern, English title, public) of every page of `frontend`, from the registry."""
    titles = catalogs()["en"]
    return [
        (route.path, titles.get(entry.page.title_key, entry.page.title_key), entry.page.public)
        for route in build_routes(get_registry())
        for entry in route.entries
        if entry.page.frontend == frontend
    ]


@pytest.fixture(scope="module")
def record_ids(app_server: str, tmp_path_factory) -> dict[str, str]:
    """A real id for each dynamic segment of a dashboard path, from the seeded database, and
    a paid order of one of its demo customers (so the order page shows its fulfilment form and
    the customer page its orders)."""
    from modules.catalog.models import Product
    from modules.customers.models import Customer
    from modules.marketplace.services.imports import start_import
    from modules.orders.public import place_order
    from modules.payments.public import mark_paid
    from modules.tenancy.models import Merchant, User
    from orion_app.db import session_scope
    from tests.integration.helpers import store_id
    from tests.integration.marketplace_helpers import store_ref
    from tests.integration.orders_helpers import placement, stocked
    from tests.integration.payments_helpers import offer_bank_transfer

    previous = os.environ.get("MARKETPLACE_FILES_DIR")
    os.environ["MARKETPLACE_FILES_DIR"] = str(tmp_path_factory.mktemp("feeds"))
    try:
        with session_scope() as session:
            job = start_import(session, store_ref(STORE), lang="fr", upload=io.BytesIO(b"id\ttitle\n"))
            product = session.exec(select(Product.id).where(Product.store_id == store_id(STORE))).first()
            merchant = session.exec(select(Merchant.id).order_by(Merchant.id)).first()
            user = session.exec(select(User.id).where(User.email == "marie@cafe-lux.lu")).one()
            customer = session.exec(
                select(Customer).where(Customer.store_id == store_id(STORE)).order_by(Customer.id)
            ).first()
            customer_id, email = customer.id, customer.email
        offer_bank_transfer(store_id(STORE))
        variant = stocked("E2E-PHONE-WALK", "12,50", 5)[1]
        with session_scope() as session:
            order = place_order(session, placement([(variant, 2)], customer_id=customer_id, email=email))
        with session_scope() as session:
            mark_paid(session, store_id=order.store_id, payment_id=order.payment.id, actor="Marie Schmit")
    finally:
        if previous is None:
            os.environ.pop("MARKETPLACE_FILES_DIR", None)
        else:
            os.environ["MARKETPLACE_FILES_DIR"] = previous
    return {
        "store": STORE,
        "platform": "oms",
        "product": str(product),
        "job": str(job.id),
        "merchant": str(merchant),
        "user": str(user),
        "customer": str(customer_id),
        "order": str(order.id),
        "kind": "orders.confirmation",  # a kind a store may override, so both editors open it
    }


def concrete(pattern: str, ids: dict[str, str]) -> str:
    """`/store/[store]/products/[product]` with real ids; an unknown segment fails the test,
    so a new page with a new kind of id gets one here instead of going unwalked."""
    unknown = [name for name in re.findall(r"\[(\w+)\]", pattern) if name not in ids]
    if unknown:
        pytest.fail(f"{pattern}: give the segment(s) {unknown} a real id in record_ids().")
    return re.sub(r"\[(\w+)\]", lambda m: ids[m.group(1)], pattern)


def title_pattern(title: str) -> re.Pattern:
    """A page title whose `{placeholders}` match anything ("Import #{id}")."""
    return re.compile("^" + re.sub(r"\\\{\w+\\\}", ".*", re.escape(title)))


@pytest.fixture
def phone(browser, app_server: str) -> Iterator:
    """New phone-sized contexts for this test, closed after it."""
    contexts = []

    def open_page() -> Page:
        # Not `is_mobile`: Chromium would then zoom out to fit a too-wide page, and
        # innerWidth would grow with it, hiding the very overflow this file looks for.
        context = browser.new_context(locale="en-GB", viewport=PHONE)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(30_000)
        return page

    yield open_page
    for context in contexts:
        context.close()


def walk(page: Page, site: str, frontend: Frontend, ids: dict[str, str]) -> list[str]:
    """Opens every page of `frontend`; what reaches past the screen's right edge, and a page
    without exactly one <h1> (the shell's store or Orion name is not one), per page."""
    problems = []
    pages = staff_pages(frontend)
    assert len(pages) >= 5, pages
    for pattern, title, public in pages:
        path = concrete(pattern, ids)
        page.goto(site + path)
        expect(page, f"{path} did not load").to_have_title(title_pattern(title))
        # A sign-in page is headed by the store's or Orion's name; the others by their title.
        heading = page.get_by_role("heading", name=None if public else title_pattern(title))
        expect(heading.first).to_be_visible()
        expect(page.get_by_test_id("not-found")).to_have_count(0)
        expect(page.get_by_test_id("forbidden")).to_have_count(0)
        page.evaluate(SETTLED)
        scroll_width, width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        if scroll_width > width:
            problems.append(f"{path}: {scroll_width}px > {width}px: {page.evaluate(OVERFLOWING)}")
        headings = page.locator("h1").all_text_contents()
        if len(headings) != 1:
            problems.append(f"{path}: {len(headings)} <h1> {headings}")
    return problems


def test_every_admin_page_fits_a_phone_and_the_menu_opens_in_a_drawer(phone, app_server, record_ids):
    admin = phone()
    sign_in(admin, app_server, "/admin/login", "admin@orion.lu")
    expect(admin.get_by_role("heading", name="Dashboard")).to_be_visible()
    expect(admin.get_by_role("navigation", name="Main")).to_be_hidden()  # no sidebar on a phone

    admin.get_by_role("button", name="Menu").click()
    drawer = admin.get_by_role("dialog")
    drawer.get_by_role("navigation", name="Main").get_by_role("link", name="Platforms").click()
    expect(admin).to_have_url(re.compile(r"/admin/platforms$"))
    expect(admin.get_by_role("heading", name="Platforms")).to_be_visible()
    expect(admin.get_by_role("dialog")).to_have_count(0)  # closed on navigation

    assert walk(admin, app_server, Frontend.ADMIN, record_ids) == []


def test_every_store_dashboard_page_fits_a_phone(phone, app_server, record_ids):
    marie = phone()
    sign_in(marie, app_server, f"/store/{STORE}/login", "marie@cafe-lux.lu")
    expect(marie.get_by_role("heading", name="Overview")).to_be_visible()
    assert walk(marie, app_server, Frontend.STORE, record_ids) == []


def test_an_owner_of_two_stores_switches_between_them_from_the_drawer(phone, app_server):
    marie = phone()
    sign_in(marie, app_server, f"/store/{STORE}/login", "marie@cafe-lux.lu")
    expect(marie.get_by_role("heading", name="Overview")).to_be_visible()
    marie.goto(f"{app_server}/store/{STORE}/products")
    expect(marie.get_by_role("heading", name="Products")).to_be_visible()

    marie.get_by_role("button", name="Menu").click()
    switcher = marie.get_by_role("dialog").get_by_label("Store")
    expect(switcher.get_by_role("option")).to_have_text(["Bäckerei Lëtzebuerg", "Café Lëtzebuerg"])
    switcher.select_option(label="Bäckerei Lëtzebuerg")
    expect(marie).to_have_url(re.compile(r"/store/bakery-lux/products$"))
    expect(marie.get_by_role("heading", name="Products")).to_be_visible()
    expect(marie.get_by_role("dialog")).to_have_count(0)


def test_a_member_of_one_store_gets_no_switcher_and_a_refused_page_offers_a_way_back(phone, app_server):
    luc = phone()
    sign_in(luc, app_server, f"/store/{STORE}/login", "luc@cafe-lux.lu")
    expect(luc.get_by_role("heading", name="Overview")).to_be_visible()
    luc.get_by_role("button", name="Menu").click()
    expect(luc.get_by_role("dialog").get_by_role("navigation", name="Main")).to_be_visible()
    expect(luc.get_by_role("dialog").get_by_label("Store")).to_have_count(0)
    luc.keyboard.press("Escape")

    luc.goto(f"{app_server}/admin/")
    refused = luc.get_by_test_id("forbidden")
    expect(refused.get_by_role("heading", name="No access")).to_be_visible()
    expect(refused.get_by_role("link", name="Sign in with another account")).to_have_attribute(
        "href", "/admin/login"
    )
    refused.get_by_role("link", name="Open Café Lëtzebuerg").click()
    expect(luc.get_by_role("heading", name="Overview")).to_be_visible()
    expect(luc).to_have_url(re.compile(rf"/store/{STORE}/$"))
