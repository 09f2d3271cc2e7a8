"""On a 390 px phone, a merchant on Essential opens the reports (Analytics, outside the plan):
the upgrade page inside the dashboard, fitting the screen, with the way to the Billing page,
and the menu entry badged "Upgrade"."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_mobile import OVERFLOWING, PHONE, SETTLED
from tests.e2e.test_module_enablement import sign_in
from tests.integration.test_plan_access import subscribe

pytestmark = pytest.mark.e2e
SHOTS = "docs/screenshots/issue-15"


def test_an_essential_merchant_sees_the_upgrade_page_and_badge_on_a_phone(browser, app_server):
    subscribe("velo-weber", "essential")
    context = browser.new_context(locale="en-GB", viewport=PHONE)
    page: Page = context.new_page()
    page.set_default_timeout(90_000)  # a loaded machine (the first page a dev server builds)
    try:
        sign_in(page, app_server, "/store/velo-weber/login", "jean@velo.lu")
        expect(page).to_have_url(re.compile(r"/store/velo-weber/$"))
        page.goto(app_server + "/store/velo-weber/reports")
        upgrade = page.get_by_test_id("upgrade")
        expect(upgrade).to_be_visible()
        expect(upgrade.get_by_role("heading")).to_have_text("Upgrade to use Analytics")
        expect(upgrade).to_contain_text("Your plan does not include Analytics.")
        expect(page.get_by_test_id("upgrade-link")).to_have_attribute("href", "/store/velo-weber/billing")
        page.evaluate(SETTLED)
        scroll_width, width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert scroll_width <= width, page.evaluate(OVERFLOWING)
        page.screenshot(path=f"{SHOTS}/plan-access-upgrade-page-390.png")

        page.get_by_role("button", name="Menu").click()
        drawer = page.get_by_role("dialog")
        entry = drawer.get_by_role("link", name="Reports")
        expect(entry.get_by_test_id("upgrade-badge")).to_have_text("Upgrade")
        expect(drawer.get_by_role("link", name="Overview").get_by_test_id("upgrade-badge")).to_have_count(0)
        page.evaluate(SETTLED)  # the drawer has slid in
        page.screenshot(path=f"{SHOTS}/plan-access-menu-badge-390.png")
    finally:
        context.close()
        subscribe("velo-weber", "business")
