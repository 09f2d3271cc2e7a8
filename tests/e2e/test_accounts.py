"""In Chromium: an admin disables an account, and a person changes their own password."""

import re
import uuid

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_module_enablement import PASSWORD, sign_in

pytestmark = pytest.mark.e2e


def new_staff_member(password: str = "first-password-1") -> str:
    """A fresh staff account of cafe-lux that joined through an invitation link (tests must
    not change the demo accounts)."""
    from modules.tenancy.models import UserToken
    from modules.tenancy.services.invitations import INVITATION, accept_invitation
    from orion_app.db import session_scope
    from orion_app.session_tokens import issue_one_time
    from tests.integration.helpers import store_id

    email = f"staff-{uuid.uuid4().hex[:6]}@cafe-lux.lu"
    cafe = store_id("cafe-lux")
    with session_scope() as session:
        token = issue_one_time(
            session, UserToken, INVITATION, 1, store_id=cafe, email=email, name="Temp Staff", role="staff"
        )
        session.commit()
        accept_invitation(session, cafe, token, {"name": "Temp Staff", "password": password})
    return email


def staff_and_admin(browser, app_server: str) -> tuple[str, Page, Page]:
    """A new staff member signed in to the dashboard, and the super admin on the users list."""
    email = new_staff_member()
    staff = browser.new_context(locale="en-GB").new_page()
    sign_in(staff, app_server, "/store/cafe-lux/login", email, "first-password-1")
    expect(staff.get_by_role("heading", name="Overview")).to_be_visible()

    admin = browser.new_context(locale="en-GB").new_page()
    sign_in(admin, app_server, "/admin/login", "admin@orion.lu", PASSWORD)
    admin.goto(f"{app_server}/admin/users")
    return email, staff, admin


def test_an_admin_disables_an_account_and_its_open_session_ends(browser, app_server: str):
    email, staff, admin = staff_and_admin(browser, app_server)
    row = admin.get_by_role("row").filter(has_text=email)
    row.get_by_role("button", name="Disable").click()
    expect(admin.get_by_text(f"{email} is disabled")).to_be_visible()
    expect(row.get_by_text("Disabled")).to_be_visible()

    staff.goto(f"{app_server}/store/cafe-lux/products")
    expect(staff).to_have_url(re.compile(r"/store/cafe-lux/login"))

    row.get_by_role("button", name="Enable").click()
    staff.goto(f"{app_server}/store/cafe-lux/products")
    expect(staff).to_have_url(re.compile(r"/store/cafe-lux/login"))  # no old session comes back


def test_changing_ones_password_signs_out_everywhere_and_the_new_one_works(page: Page, app_server: str):
    email = new_staff_member()
    sign_in(page, app_server, "/store/cafe-lux/login", email, "first-password-1")
    page.goto(f"{app_server}/store/cafe-lux/account")
    page.get_by_label("Current password").fill("not-my-password")
    page.get_by_label("New password").fill("second-password-2")
    page.get_by_role("button", name="Change password").click()
    expect(page.get_by_text("This is not your current password.")).to_be_visible()

    page.get_by_label("Current password").fill("first-password-1")
    page.get_by_label("New password").fill("second-password-2")
    page.get_by_role("button", name="Change password").click()
    expect(page).to_have_url(re.compile(r"/store/cafe-lux/login\?error=password_changed"))
    expect(page.get_by_text("Your password was changed")).to_be_visible()

    sign_in(page, app_server, "/store/cafe-lux/login", email, "second-password-2")
    expect(page.get_by_role("heading", name="Overview")).to_be_visible()
