"""In Chromium, with the real SMTP sink: an owner invites luc2 by e-mail, and luc2 joins
with the link on a phone-sized screen."""

import re
import uuid

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_module_enablement import sign_in

pytestmark = pytest.mark.e2e
LINK = re.compile(r"https?://\S+/store/cafe-lux/invitation\?token=[\w-]+")


def test_an_owner_invites_luc2_and_luc2_joins_with_the_link(page: Page, browser, app_server: str, mail_sink):
    email = f"luc2-{uuid.uuid4().hex[:6]}@cafe-lux.lu"
    sign_in(page, app_server, "/store/cafe-lux/login", "marie@cafe-lux.lu")
    expect(page.get_by_role("heading", name="Overview")).to_be_visible()
    page.goto(f"{app_server}/store/cafe-lux/team")
    page.get_by_role("button", name="Invite").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("E-mail").fill(email)
    dialog.get_by_label("Name").fill("Luc Zwee")
    dialog.get_by_label("Role").select_option("staff")
    dialog.get_by_role("button", name="Save").click()
    expect(page.get_by_role("row").filter(has_text=email)).to_contain_text("Staff")

    message = mail_sink.wait_for(to=email, subject_contains="vous invite", timeout=30)
    link = LINK.search(message.get_body(("plain",)).get_content()).group(0)

    phone = browser.new_context(locale="en-GB", viewport={"width": 390, "height": 844}).new_page()
    phone.goto(link)
    expect(phone.get_by_role("heading", name="Join Café Lëtzebuerg")).to_be_visible()
    phone.get_by_label("Name").fill("Luc Zwee")
    phone.get_by_label("Choose a password").fill("luc2-password-1")
    phone.get_by_role("button", name="Join the team").click()
    expect(phone).to_have_url(re.compile(r"/store/cafe-lux/login\?error=joined"))
    expect(phone.get_by_text("You joined the team.")).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390

    sign_in(phone, app_server, "/store/cafe-lux/login", email, "luc2-password-1")
    expect(phone.get_by_role("heading", name="Overview")).to_be_visible()

    phone.goto(link)  # the link worked once
    expect(phone.get_by_text("This invitation has expired, was revoked or was already used.")).to_be_visible()
