"""Issue 15 in Chromium at 390 px, with localstripe as Stripe and the SMTP sink: a visitor
signs up for Essential on `oms` and lands in the dashboard with "30 days of trial left"; the
201st product is refused with the upgrade message; time moves (the trial job with an
injected clock) and the trial-ending mails arrive; Professional with card 4242 lifts the
limit once Stripe's webhook is in; an unpaid invoice makes the subscription past_due, and
read-only after the grace. Screens go to docs/screenshots/issue-15/ (ORION_SCREENSHOTS
overrides the folder)."""

import os
import re
import time
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import select

from modules.billing.models import Subscription
from modules.catalog.public import Item, product_ids, upsert_products
from modules.payments.models import GatewayEvent
from modules.tenancy.public import store_by_code
from orion_app.db import session_scope, utcnow
from tests.conftest import ROOT
from tests.e2e.conftest import HARNESS
from tests.integration.payments_helpers import deliver

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}
PASSWORD = "Orion-signup-2026!"


def phone_page(browser) -> Page:
    """A 390 px wide page; a loaded machine compiles a dev page on its first visit slowly."""
    page = browser.new_context(locale="en-GB", viewport=PHONE).new_page()
    page.set_default_timeout(60_000)
    page.set_default_navigation_timeout(180_000)
    return page


def shot(page: Page, name: str) -> None:
    folder = Path(os.environ.get("ORION_SCREENSHOTS") or ROOT / "docs/screenshots/issue-15")
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"billing-{name}-390.png"), full_page=True)


def backend() -> str:
    return f"http://127.0.0.1:{HARNESS[-1].backend_port}"


def subscription_of_store(code: str) -> Subscription:
    with session_scope() as session:
        store = store_by_code(session, code)
        row = session.exec(select(Subscription).where(Subscription.merchant_id == store.merchant_id)).one()
        session.expunge(row)
        return row


def wait_for(condition, what: str, timeout: float = 30):
    deadline = time.monotonic() + timeout
    while not (value := condition()):
        assert time.monotonic() < deadline, f"Still waiting for {what}"
        time.sleep(0.3)
    return value


def subscription_events() -> set[str]:
    """The ids of localstripe's signed `customer.subscription.*` webhooks recorded so far."""
    with session_scope() as session:
        return set(
            session.exec(
                select(GatewayEvent.event_id).where(GatewayEvent.type.startswith("customer.subscription."))
            ).all()
        )


def move_trial_end(code: str, *, days: int) -> None:
    """The trial ends `days` days (less an hour) from now, as if the clock had moved on."""
    row = subscription_of_store(code)
    with session_scope() as session:
        live = session.get(Subscription, row.id)
        live.trial_ends_at = utcnow() + timedelta(days=days, hours=-1)
        session.add(live)


def seed_products(code: str, count: int) -> None:
    """`count` products in the store, the way an import makes them (catalog's upsert)."""
    with session_scope() as session:
        store = store_by_code(session, code)
        sub = session.exec(select(Subscription).where(Subscription.merchant_id == store.merchant_id)).one()
        items = [Item(f"SEED-{n:04d}", {"price_cents": 990}, {"title": f"Seed {n}"}) for n in range(count)]
        outcomes = upsert_products(
            session,
            store.id,
            store.merchant_id,
            sub.platform_id,
            "en",
            items,
            source="test",
            warehouse="main",
        )
        assert {o.result for o in outcomes} == {"created"}, outcomes[:3]
        session.commit()


def sign_up(page: Page, base: str, code: str, email: str) -> None:
    page.goto(base + "/platforms/oms/pricing")
    expect(page.get_by_test_id("pricing-tier").first).to_be_visible()
    expect(page.get_by_text("on request")).to_be_visible()
    shot(page, "1-pricing")
    page.get_by_test_id("pricing-tier").filter(has_text="Essential").get_by_role(
        "button", name="Start free trial"
    ).click()
    expect(page.get_by_label("Company name")).to_be_visible()
    page.get_by_label("Company name").fill("Fleurs Lëtzebuerg SARL")
    page.get_by_label("Your name").fill("Lena Flor")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Store code").fill("admin")  # reserved: refused next to the field
    page.get_by_label("Store name").fill("Fleurs")
    page.get_by_role("button", name="Next").click()
    page.get_by_role("button", name="Create my store").click()
    expect(page.get_by_label("Store code")).to_be_visible()
    expect(page.get_by_role("alert").first).to_be_visible()
    shot(page, "2-signup-refused")
    assert page.get_by_label("Company name").input_value() == "Fleurs Lëtzebuerg SARL"
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Store code").fill(code)
    page.get_by_role("button", name="Next").click()
    shot(page, "3-signup-payment")
    page.get_by_role("button", name="Create my store").click()


def fill_card(page: Page) -> None:
    box = page.locator("#orion-card-element")
    box.get_by_placeholder("number").fill("4242424242424242")
    box.get_by_placeholder("exp_month").fill("12")
    box.get_by_placeholder("exp_year").fill("34")
    box.get_by_placeholder("cvc").fill("123")
    box.get_by_placeholder("postal_code").fill("1740")


def open_billing(page: Page, base: str, code: str) -> None:
    page.goto(f"{base}/store/{code}/billing")
    expect(page.get_by_role("heading", name="Your plan")).to_be_visible(timeout=60_000)
    expect(page.get_by_test_id("plan-card").first).to_be_visible(timeout=60_000)


def new_product(page: Page, base: str, code: str, sku: str) -> None:
    page.goto(f"{base}/store/{code}/products/new")
    expect(page.get_by_role("heading", name="New product")).to_be_visible()
    page.get_by_role("tabpanel").get_by_label("Title", exact=True).fill("Bouquet")
    page.get_by_label("SKU").fill(sku)
    page.get_by_label("Price (VAT included)").fill("12,50")
    page.get_by_role("button", name="Save").click()


def test_sign_up_trial_limit_upgrade_trial_mails_and_dunning(browser, app_server, mail_sink):
    from modules.billing import jobs

    code = f"fleurs-{uuid.uuid4().hex[:6]}"
    email = f"lena.{code}@example.lu"
    page = phone_page(browser)

    # Sign-up for Essential: the owner lands in the dashboard with the trial's days.
    sign_up(page, app_server, code, email)
    expect(page).to_have_url(re.compile(rf"/store/{code}/billing\?welcome=1"))
    expect(page.get_by_text("30 days of trial left")).to_be_visible()
    expect(page.get_by_test_id("welcome-checklist")).to_be_visible()
    shot(page, "4-welcome")
    assert subscription_of_store(code).status == "trialing"

    # Essential allows 200 products: the 201st is refused with the upgrade message.
    seed_products(code, 200)
    new_product(page, app_server, code, "ONE-TOO-MANY")
    expect(page.get_by_text("Upgrade your plan to add more.").first).to_be_visible()
    shot(page, "5-limit")

    # Time moves: 7, 3 and 1 days before the trial ends, the trial job mails the owner.
    trial_end = subscription_of_store(code).trial_ends_at
    for days in (7, 3, 1):
        jobs.check_trial_expirations(now=trial_end - timedelta(days=days) + timedelta(hours=1))
    for days in (7, 3, 1):
        mail_sink.wait_for(to=email, subject_contains=f"{days} day", timeout=60)
    # The trial's last week shows on every dashboard page (the clock moved: 5 days left).
    move_trial_end(code, days=5)
    page.goto(f"{app_server}/store/{code}/orders")
    expect(page.get_by_test_id("billing-banner").first).to_contain_text("5 days of trial left")
    shot(page, "5b-trial-banner")

    # Professional with card 4242: the card form opens (no card yet), then the upgrade.
    open_billing(page, app_server, code)
    page.get_by_test_id("plan-card").filter(has_text="Professional").get_by_role(
        "button", name="Choose"
    ).click()
    page.get_by_role("alertdialog").get_by_role("button", name="Change plan").click()
    expect(page.locator("#orion-card-element iframe, #orion-card-element input").first).to_be_visible()
    fill_card(page)
    shot(page, "6-card")
    page.get_by_role("button", name="Save card").click()
    expect(page.get_by_test_id("card-on-file")).to_contain_text("4242")
    page.get_by_test_id("plan-card").filter(has_text="Professional").get_by_role(
        "button", name="Choose"
    ).click()
    before = subscription_events()
    page.get_by_role("alertdialog").get_by_role("button", name="Change plan").click()
    expect(page.get_by_text("Your plan has been changed.")).to_be_visible()
    wait_for(lambda: subscription_events() - before, "Stripe's subscription webhook")
    assert subscription_of_store(code).status == "active"
    new_product(page, app_server, code, "NOW-ALLOWED")
    expect(page.get_by_role("heading", name="Edit product")).to_be_visible()
    assert _has_product(code, "NOW-ALLOWED")
    open_billing(page, app_server, code)
    shot(page, "7-professional")

    # An unpaid invoice: past_due with the banner, then read-only after the grace.
    row = subscription_of_store(code)
    failed = {
        "id": f"evt_{uuid.uuid4().hex[:16]}",
        "type": "invoice.payment_failed",
        "created": int(time.time()),
        "data": {
            "object": {
                "id": f"in_{uuid.uuid4().hex[:14]}",
                "object": "invoice",
                "customer": row.stripe_customer_id,
                "subscription": row.stripe_subscription_id,
                "status": "open",
                "number": "ORION-0001",
                "amount_due": 9900,
                "total": 9900,
                "currency": "eur",
                "paid": False,
                "attempted": True,
            }
        },
    }
    assert deliver(f"{backend()}/webhooks/stripe", failed).status_code == 200
    wait_for(lambda: subscription_of_store(code).status == "past_due", "past_due")
    page.goto(f"{app_server}/store/{code}/orders")
    expect(page.get_by_test_id("billing-banner").first).to_contain_text("Payment due")
    shot(page, "8-past-due")
    past_due_since = subscription_of_store(code).past_due_since
    jobs.check_trial_expirations(now=past_due_since + timedelta(days=15))
    wait_for(lambda: subscription_of_store(code).status == "read_only", "read_only")
    open_billing(page, app_server, code)
    expect(page.get_by_test_id("billing-banner").first).to_contain_text("Read-only")
    shot(page, "9-read-only")
    page.context.close()


def _has_product(code: str, sku: str) -> bool:
    with session_scope() as session:
        store = store_by_code(session, code)
        return bool(product_ids(session, store.id, [sku]))


def test_the_platform_admin_previews_a_plan_change_and_reads_the_job_runs(browser, app_server):
    from tests.e2e.test_module_enablement import sign_in

    page = phone_page(browser)
    sign_in(page, app_server, "/admin/login", "ops@omsflow.lu")
    page.goto(app_server + "/admin/plans")
    page.get_by_role("row").filter(has_text="essential").get_by_role("button", name="Edit").click()
    expect(page.get_by_label("Name (Luxembourgish)")).to_be_visible()
    page.get_by_label("Monthly price (€)").fill("fifty")
    page.get_by_role("button", name="Preview the change").click()
    expect(page.get_by_text("Write an amount like 49 or 49.00.")).to_be_visible()
    page.get_by_label("Monthly price (€)").fill("49")
    page.get_by_role("button", name="Preview the change").click()
    expect(page.get_by_test_id("plan-preview")).to_be_visible()
    shot(page, "10-admin-plan-preview")
    page.get_by_role("button", name="Cancel").click()
    from modules.billing.jobs import reset_period_counters

    reset_period_counters(now=utcnow())
    page.goto(app_server + "/admin/billing/jobs")
    expect(page.get_by_role("heading", name="Billing jobs")).to_be_visible()
    expect(page.get_by_text("reset_period_counters").first).to_be_visible()
    expect(
        page.get_by_role("cell", name=re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$")).first
    ).to_be_visible()
    shot(page, "11-admin-job-runs")
    page.context.close()
