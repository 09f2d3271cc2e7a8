"""In Chromium against a real server: sign-in, module enablement per platform, storefronts."""

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e
PASSWORD = "orion-demo-2026"


def sign_in(page: Page, base: str, login_path: str, email: str, password: str = PASSWORD) -> None:
    page.goto(base + login_path)
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def test_a_wrong_password_shows_an_error(page: Page, app_server: str):
    sign_in(page, app_server, "/admin/login", "admin@orion.lu", "not-the-password")
    expect(page.get_by_role("alert")).to_contain_text("Wrong e-mail or password")


def test_rapid_repeated_failed_sign_ins_are_refused(page: Page, app_server: str):
    for _ in range(6):
        sign_in(page, app_server, "/admin/login", "ops@omsflow.lu", "guess-again")
        expect(page.get_by_role("alert")).to_be_visible()
    expect(page.get_by_role("alert")).to_contain_text("Too many failed sign-ins")


def test_disabling_a_module_for_one_platform_hides_it_there_only(browser, app_server: str):
    admin = browser.new_context(locale="en-GB").new_page()
    sign_in(admin, app_server, "/admin/login", "admin@orion.lu")
    expect(admin.get_by_role("heading", name="Dashboard")).to_be_visible()

    owner = browser.new_context(locale="en-GB").new_page()
    sign_in(owner, app_server, "/store/cafe-lux/login", "marie@cafe-lux.lu")
    expect(owner.get_by_role("heading", name="Overview")).to_be_visible()
    nav = owner.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Reports")).to_be_visible()

    admin.goto(app_server + "/admin/platforms/oms/modules")
    admin.get_by_role("button", name="disable analytics").click()
    dialog = admin.get_by_role("alertdialog")
    expect(dialog).to_contain_text("No other module changes")
    dialog.get_by_role("button", name="Confirm").click()
    expect(admin.locator("[data-module=analytics]")).to_contain_text("Off")

    owner.goto(app_server + "/store/cafe-lux/")
    expect(owner.get_by_role("heading", name="Overview")).to_be_visible()
    expect(owner.get_by_role("navigation", name="Main").get_by_role("link", name="Reports")).to_have_count(0)
    owner.goto(app_server + "/store/cafe-lux/reports")
    expect(owner.get_by_text("Page not found")).to_be_visible()

    # the same owner's store on the loyalty platform keeps the module
    owner.goto(app_server + "/store/bakery-lux/reports")
    expect(owner.get_by_role("heading", name="Reports")).to_be_visible()

    admin.get_by_role("button", name="enable analytics").click()
    admin.get_by_role("alertdialog").get_by_role("button", name="Confirm").click()
    expect(admin.locator("[data-module=analytics]")).to_contain_text("On")
    owner.goto(app_server + "/store/cafe-lux/reports")
    expect(owner.get_by_role("heading", name="Reports")).to_be_visible()


def test_disabling_a_module_previews_its_dependents_before_changing_anything(browser, app_server: str):
    admin = browser.new_context(locale="en-GB").new_page()
    sign_in(admin, app_server, "/admin/login", "admin@orion.lu")
    expect(admin.get_by_role("heading", name="Dashboard")).to_be_visible()
    admin.goto(app_server + "/admin/platforms/loyalty/modules")
    admin.get_by_role("button", name="disable inventory").click()
    dialog = admin.get_by_role("alertdialog")
    for name in ("Catalog", "Marketplace"):
        expect(dialog.get_by_role("listitem").filter(has_text=re.compile(f"^{name}$"))).to_be_visible()
    dialog.get_by_role("button", name="Cancel").click()
    expect(admin.locator("[data-module=catalog]")).to_contain_text("On")
    # A module that is declared but not built shows as planned and has no switch.
    expect(admin.locator("[data-module=loyalty]")).to_contain_text("Planned")
    expect(admin.get_by_role("button", name="enable loyalty")).to_have_count(0)


def test_a_storefront_answers_at_its_dev_path_and_by_host(page: Page, app_server: str):
    page.goto(app_server + "/platforms/oms/storefront/cafe-lux/")
    main = page.get_by_role("main")
    expect(main.get_by_role("heading", name="Café Lëtzebuerg")).to_be_visible()
    port = app_server.rsplit(":", 1)[1]
    page.goto(f"http://cafe.omsflow.localhost:{port}/")
    expect(main.get_by_role("heading", name="Café Lëtzebuerg")).to_be_visible()
    page.goto(f"http://shop.cafe-lux.localhost:{port}/")
    expect(main.get_by_role("heading", name="Café Lëtzebuerg")).to_be_visible()
    page.goto(f"http://omsflow.localhost:{port}/")
    expect(main.get_by_role("heading", name="OMS Flow")).to_be_visible()
    expect(main.get_by_role("link", name="Vëlo Weber")).to_be_visible()


def test_an_unknown_store_shows_not_found(page: Page, app_server: str):
    page.goto(app_server + "/platforms/oms/storefront/no-such-store/")
    expect(page.get_by_text("Page not found")).to_be_visible()


def test_a_duplicate_platform_code_is_shown_next_to_the_field_and_nothing_is_saved(
    page: Page, app_server: str
):
    sign_in(page, app_server, "/admin/login", "admin@orion.lu")
    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()
    page.goto(app_server + "/admin/platforms")
    page.get_by_role("button", name="New platform").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Code").fill("oms")
    dialog.get_by_label("Name").fill("Another OMS")
    dialog.get_by_label("Domain").fill("not a domain")
    dialog.get_by_role("button", name="Save").click()
    expect(
        dialog.get_by_role("alert").filter(has_text="Another platform already uses this code")
    ).to_be_visible()
    expect(dialog.get_by_role("alert").filter(has_text="Enter a host name")).to_be_visible()
    dialog.get_by_role("button", name="Cancel").click()
    expect(page.get_by_role("cell", name="Another OMS")).to_have_count(0)


def test_an_owner_invites_a_team_member_with_a_role(page: Page, app_server: str):
    sign_in(page, app_server, "/store/velo-weber/login", "jean@velo.lu")
    expect(page.get_by_role("heading", name="Overview")).to_be_visible()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Team").click()
    page.get_by_role("button", name="Invite").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("E-mail").fill("anna@velo.lu")
    dialog.get_by_label("Name").fill("Anna Kremer")
    dialog.get_by_label("Role").select_option("manager")
    dialog.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Invitation sent to anna@velo.lu.")).to_be_visible()
    pending = page.get_by_role("row").filter(has_text="anna@velo.lu")
    expect(pending).to_contain_text("Manager")
    expect(pending.get_by_role("button", name="Re-send")).to_be_visible()


def test_the_language_switcher_translates_the_page(page: Page, app_server: str):
    page.goto(app_server + "/platforms/oms/storefront/cafe-lux/")
    main = page.get_by_role("main")
    expect(main.get_by_text("Bienvenue chez Café Lëtzebuerg.")).to_be_visible()  # fr: the store's default
    with page.expect_navigation():  # the page reloads so server-made texts follow the language
        page.get_by_label("Language").select_option("en")
    expect(main.get_by_text("Welcome to Café Lëtzebuerg.")).to_be_visible()
    page.reload()
    expect(main.get_by_text("Welcome to Café Lëtzebuerg.")).to_be_visible()  # remembered in a cookie
