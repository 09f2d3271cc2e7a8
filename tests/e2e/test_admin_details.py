"""In Chromium: the admin's lists lead to a merchant, a store and a user page; an owner edits
the team; the module switch dialog names the module (and, like every e2e test, logs no
console error)."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_accounts import new_staff_member, staff_and_admin
from tests.e2e.test_module_enablement import sign_in

pytestmark = pytest.mark.e2e


def test_from_the_merchant_list_to_its_store_and_a_team_members_page(page: Page, app_server: str):
    sign_in(page, app_server, "/admin/login", "admin@orion.lu")
    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()
    page.goto(f"{app_server}/admin/merchants")
    page.get_by_role("link", name="Café Lëtzebuerg SARL").click()
    expect(page.get_by_role("heading", name="Merchant", exact=True)).to_be_visible()
    expect(page.get_by_text("Billing is not available yet")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("Marie Schmit"))).to_be_visible()

    page.get_by_role("link", name="Bäckerei Lëtzebuerg").click()
    expect(page.get_by_role("heading", name="Store", exact=True)).to_be_visible()
    expect(page.get_by_role("region", name="Platforms")).to_contain_text("Loyalty Flow")
    page.goto(f"{app_server}/admin/stores/cafe-lux")
    expect(page.get_by_text("shop.cafe-lux.localhost")).to_be_visible()
    team = page.get_by_role("region", name="Team")
    expect(team.get_by_role("row").filter(has_text="Luc Hoffmann")).to_contain_text("Staff")

    team.get_by_role("link", name="Luc Hoffmann").click()
    expect(page.get_by_role("heading", name="User", exact=True)).to_be_visible()
    expect(page.get_by_role("region", name="Roles")).to_contain_text("Store member")
    expect(page.get_by_role("region", name="Roles")).to_contain_text("Café Lëtzebuerg")


def test_an_admin_signs_a_user_out_everywhere_and_disables_him_from_his_page(browser, app_server: str):
    email, staff, admin = staff_and_admin(browser, app_server)
    admin.get_by_role("link", name=email).click()
    sessions = admin.get_by_role("region", name="Active sessions")
    expect(sessions).to_contain_text("1 active session(s)")
    sessions.get_by_role("button", name="Sign out everywhere").click()
    expect(admin.get_by_text("1 session(s) signed out.")).to_be_visible()
    expect(sessions).to_contain_text("0 active session(s)")
    staff.goto(f"{app_server}/store/cafe-lux/products")
    expect(staff).to_have_url(re.compile(r"/store/cafe-lux/login"))

    admin.get_by_role("button", name="Disable").click()
    expect(admin.get_by_role("region", name="Account")).to_contain_text("Disabled")


def test_the_owner_changes_a_role_and_removes_a_member_but_keeps_the_last_owner(page: Page, app_server: str):
    email = new_staff_member()
    sign_in(page, app_server, "/store/cafe-lux/login", "marie@cafe-lux.lu")
    expect(page.get_by_role("heading", name="Overview")).to_be_visible()
    page.goto(f"{app_server}/store/cafe-lux/team")
    member = page.get_by_role("row").filter(has_text=email)
    member.get_by_label(re.compile("Role of")).select_option("owner")
    expect(member.get_by_label(re.compile("Role of"))).to_have_value("owner")
    page.reload()
    member = page.get_by_role("row").filter(has_text=email)
    expect(member.get_by_label(re.compile("Role of"))).to_have_value("owner")

    member.get_by_label(re.compile("Role of")).select_option("viewer")
    expect(member.get_by_role("alert")).to_contain_text("A store keeps at least one owner")
    expect(member.get_by_label(re.compile("Role of"))).to_have_value("owner")

    member.get_by_role("button", name="Remove").click()
    dialog = page.get_by_role("alertdialog")
    dialog.get_by_role("button", name="Remove").click()
    expect(dialog.get_by_role("alert")).to_contain_text("A store keeps at least one owner")
    dialog.get_by_role("button", name="Cancel").click()
    expect(page.get_by_role("row").filter(has_text=email)).to_be_visible()


def test_the_module_dialog_names_the_module(page: Page, app_server: str):
    sign_in(page, app_server, "/admin/login", "admin@orion.lu")
    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()
    page.goto(f"{app_server}/admin/platforms/oms/modules")
    page.get_by_role("button", name="disable analytics").click()
    dialog = page.get_by_role("alertdialog")
    expect(dialog).to_contain_text("Analytics")
    expect(dialog.get_by_text("analytics", exact=True)).to_have_count(0)
    dialog.get_by_role("button", name="Cancel").click()
    expect(dialog).to_be_hidden()


def test_a_platform_admin_finds_no_page_for_a_store_of_another_platform(page: Page, app_server: str):
    sign_in(page, app_server, "/admin/login", "ops@omsflow.lu")
    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()
    page.goto(f"{app_server}/admin/stores/bakery-lux")
    expect(page.get_by_text("This page or item does not exist.")).to_be_visible()
    expect(page.get_by_text("Bäckerei Lëtzebuerg")).to_have_count(0)
    page.goto(f"{app_server}/admin/stores/cafe-lux")
    expect(page.get_by_role("region", name="Custom domains")).to_contain_text("shop.cafe-lux.localhost")
    expect(page.get_by_text("This page or item does not exist.")).to_have_count(0)
