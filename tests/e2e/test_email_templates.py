"""In Chromium: the owner of cafe-lux rewords the French verification e-mail, watches the
preview follow, and is refused a variable the e-mail does not have, named under the field."""

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_module_enablement import sign_in

pytestmark = pytest.mark.e2e
BASE = "/store/cafe-lux"


@pytest.fixture
def marie(browser, app_server: str) -> Page:
    page = browser.new_context(locale="en-GB").new_page()
    page.set_default_timeout(30_000)
    sign_in(page, app_server, f"{BASE}/login", "marie@cafe-lux.lu")
    expect(page.get_by_role("heading", name="Overview")).to_be_visible()
    return page


def test_the_owner_edits_the_french_verification_subject_with_a_live_preview(marie: Page, app_server: str):
    page = marie
    page.goto(f"{app_server}{BASE}/emails/templates")
    page.get_by_role("link", name="customers.verify_email").click()
    expect(page.get_by_role("heading", name="Edit e-mail")).to_be_visible()
    expect(page.get_by_role("button", name="FR")).to_have_attribute("aria-pressed", "true")
    preview = page.get_by_test_id("preview-subject")
    expect(preview).to_have_text("Confirmez votre adresse e-mail pour Café Lëtzebuerg")
    # The HTML body is shown in a frame with every sandbox restriction, not in the page.
    expect(page.locator('iframe[sandbox=""]')).to_have_count(1)

    subject = page.get_by_label("Subject")
    subject.fill("Bienvenue chez {{ store_name }}, {{ recipient_name }} !")
    expect(preview).to_have_text("Bienvenue chez Café Lëtzebuerg, Marie Schmit !")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Your store's text")).to_be_visible()

    subject.fill("Salut {{ nope }}")
    error = subject.locator("xpath=ancestor::label/following-sibling::*[@role='alert']")
    expect(error).to_have_text("Unknown variable: nope")
    expect(preview).to_have_text("Bienvenue chez Café Lëtzebuerg, Marie Schmit !")  # the last good one
    page.get_by_role("button", name="Save").click()
    expect(error).to_have_text("Unknown variable: nope")

    page.reload()
    expect(page.get_by_label("Subject")).to_have_value(
        "Bienvenue chez {{ store_name }}, {{ recipient_name }} !"
    )
    expect(page.get_by_role("button", name="Reset to default")).to_be_visible()

    # Back to the default text (other browser tests mail this store's French verification).
    page.get_by_role("button", name="Reset to default").click()
    expect(page.get_by_text("Back to the default text.")).to_be_visible()
    expect(page.get_by_label("Subject")).to_have_value("Confirmez votre adresse e-mail pour {{ store_name }}")
    expect(page.get_by_role("button", name="Reset to default")).to_have_count(0)
