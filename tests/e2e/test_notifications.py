"""The notifications bell on a 390 px phone: the count, the list, mark all read, the full page."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.test_module_enablement import sign_in

pytestmark = pytest.mark.e2e
PHONE = {"width": 390, "height": 844}
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "issue-12"


def test_the_bell_counts_lists_and_clears_on_a_phone(browser, app_server):
    from sqlmodel import delete

    from modules.messaging.models.notifications import Notification
    from modules.messaging.public import notify
    from orion_app.db import session_scope
    from tests.integration.helpers import store_id

    with session_scope() as session:
        cafe = store_id("cafe-lux")
        # The session's database is shared: orders other tests placed in cafe-lux notified it too.
        session.exec(delete(Notification).where(Notification.store_id == cafe))
        notify(
            session,
            kind="inventory.low_stock",
            store_id=cafe,
            params={"product": "CAFE-001", "available": 3, "threshold": 5},
            link="inventory",
        )
        notify(
            session,
            kind="marketplace.import_finished",
            store_id=cafe,
            params={"id": 1, "file": "letzshop.tsv", "created": 28, "updated": 2, "rejected": 1},
        )
    context = browser.new_context(locale="en-GB", viewport=PHONE)
    page = context.new_page()
    sign_in(page, app_server, "/store/cafe-lux/login", "marie@cafe-lux.lu")

    bell = page.get_by_role("button", name="Notifications (2 unread)")
    expect(bell).to_be_visible()
    bell.click()
    listed = page.get_by_role("dialog")
    expect(listed.get_by_test_id("notification")).to_have_count(2)
    expect(listed).to_contain_text("Low stock: CAFE-001")
    expect(listed).to_contain_text("letzshop.tsv: 28 created, 2 updated, 1 rejected.")
    box = listed.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "notifications-bell-390.png"))

    listed.get_by_role("button", name="Mark all read").click()
    expect(page.get_by_role("button", name="Notifications (0 unread)")).to_be_visible()
    listed.get_by_role("link", name="See all notifications").click()
    expect(page).to_have_url(re.compile(r"/store/cafe-lux/notifications$"))
    expect(page.get_by_test_id("notification")).to_have_count(2)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=str(SHOTS / "notifications-page-390.png"), full_page=True)
    context.close()
