"""In Chromium, behind a load balancer: a merchant and a shopper carry on when their tab's
websocket is cut and reconnects to another backend process.

Two backend processes (as `make serve` runs them) share the e2e database and keep every
tab's state in one Redis. The proxy the frontend talks to first sends everything to the
first process, then cuts the connections and sends new ones to the second.
"""

import os

import pytest
from playwright.sync_api import expect

from tests.e2e.test_module_enablement import PASSWORD, sign_in
from tests.integration.live_backend import Backend

pytestmark = pytest.mark.e2e


@pytest.fixture
def processes(load_balancer):
    redis = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    first, second = Backend(REFLEX_REDIS_URL=redis), Backend(REFLEX_REDIS_URL=redis)
    load_balancer.route_to(first.port)
    yield first, second
    for backend in (first, second):
        backend.stop()


# A 1x1 transparent PNG.
PIXEL = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63606060"
    "60000000050001a5f645400000000049454e44ae426082"
)


def move_to(load_balancer, backend) -> int:
    """Cut every open connection; from now on they reach `backend`. Returns how many
    connections `backend` had taken before."""
    before = load_balancer.accepted.get(backend.port, 0)
    load_balancer.route_to(backend.port)
    return before


def test_a_merchants_filtered_list_survives_a_move_to_another_process(
    browser, app_server, load_balancer, processes
):
    first, second = processes
    page = browser.new_context(locale="en-GB").new_page()
    page.set_default_timeout(30_000)
    sign_in(page, app_server, "/store/cafe-lux/login", "marie@cafe-lux.lu", PASSWORD)
    expect(page.get_by_role("heading", name="Overview")).to_be_visible()
    page.goto(f"{app_server}/store/cafe-lux/products")
    expect(page.locator("tbody").get_by_role("checkbox").nth(2)).to_be_visible()  # an unfiltered list
    page.get_by_role("searchbox").fill("CL-GIFT-01")
    page.get_by_role("button", name="Apply").click()
    expect(page.get_by_text("1 product(s)")).to_be_visible()
    assert load_balancer.accepted.get(first.port, 0) > 0

    page.wait_for_load_state("networkidle")  # cut the websocket, not a photo download
    before = move_to(load_balancer, second)
    # A reconnect sends the page's hydrate and on_load again, now to the second process: the
    # list it loads is still the filtered one, because the filter came along in Redis.
    page.locator("tbody").get_by_role("checkbox").first.click()
    # The second process answers its first event cold (imports, first connections): under CI
    # load that takes longer than expect's 5 s default.
    expect(page.get_by_text("1 selected")).to_be_visible(timeout=30_000)
    expect(page.get_by_text("1 product(s)")).to_be_visible()
    assert load_balancer.accepted.get(second.port, 0) > before
    page.context.close()


def test_a_shopper_switches_language_on_another_process(browser, app_server, load_balancer, processes):
    first, second = processes
    shopper = browser.new_context(locale="fr-FR").new_page()
    shopper.set_default_timeout(30_000)
    # Photos come from here, not through the proxy: cutting every connection must cut the
    # websocket, and a card photo that a phone-sized layout or a lazy load fetches at that
    # moment would fail half-read (a console error that has nothing to do with this test).
    shopper.route("**/_upload/**", lambda route: route.fulfill(body=PIXEL, content_type="image/png"))
    shopper.goto(f"{app_server}/platforms/oms/storefront/velo-weber/products")
    main = shopper.get_by_role("main")
    expect(main.get_by_role("heading", name="Tous les produits")).to_be_visible()
    assert load_balancer.accepted.get(first.port, 0) > 0

    shopper.wait_for_load_state("networkidle")
    before = move_to(load_balancer, second)
    # The second process checks the choice against the store's languages, which the first
    # process loaded into the tab's state: without shared state it would refuse.
    with shopper.expect_navigation():
        shopper.get_by_label("Language").select_option("en")
    expect(main.get_by_role("heading", name="All products")).to_be_visible(timeout=30_000)  # a cold process
    expect(main.get_by_role("link").first).to_be_visible()
    assert load_balancer.accepted.get(second.port, 0) > before
    shopper.context.close()
