"""The billing pages as a browser reaches them: the merchant's billing page (plan, usage,
plan changes with their refusals, cancel/resume), the header banner by status, the admin's
plans with the preview of affected merchants and the job runs, the platform's pricing
context. Handlers run through the real guard (`Tab`), so a staff member without the
permission and another merchant's owner reach nothing."""

from datetime import timedelta

import pytest
import stripe
from sqlmodel import select

from modules.billing.models import Plan, Subscription
from modules.billing.state.banner import BillingBannerState
from modules.billing.state.jobs import JobRunsState
from modules.billing.state.plans import PlansAdminState, parse_cents
from modules.billing.state.pricing import PricingState
from modules.billing.state.subscription import BillingState
from modules.payments.config import get_payments_config
from modules.tenancy.public import store_by_id
from orion_app.db import session_scope, utcnow
from tests.integration.helpers import Browser, Tab, platform_id, store_id
from tests.stripe_server import SECRET_KEY, free_port

MARIE, LUC, JEAN, ADA, OSCAR = (
    "marie@cafe-lux.lu",
    "luc@cafe-lux.lu",
    "jean@velo.lu",
    "admin@orion.lu",
    "ops@omsflow.lu",
)


@pytest.fixture
def browser(demo):
    return Browser()


def billing_tab(browser: Browser, email: str, store: str = "cafe-lux", query: str = "") -> Tab:
    return Tab(
        BillingState,
        f"/store/{store}/billing{query}",
        browser.token(email),
        status="",
        plan_code="",
        plan="",
        interval="month",
        trial_days_left=0,
        period_end="",
        grace_ends="",
        cancel_at_period_end=False,
        pending_plan="",
        read_only=False,
        card="",
        usage=[],
        plans=[],
        invoices=[],
        show_yearly=False,
        welcome=False,
        store_base="",
        confirm_code="",
        confirm_text="",
        error="",
        card_status="",
        card_error="",
    )


def subscription(store: str = "cafe-lux", platform: str = "oms") -> Subscription:
    """The store's merchant's subscription on `platform`, as it is in the database now."""
    with session_scope() as session:
        merchant_id = store_by_id(session, store_id(store)).merchant_id
        row = session.exec(
            select(Subscription).where(
                Subscription.platform_id == platform_id(platform), Subscription.merchant_id == merchant_id
            )
        ).one()
        session.expunge(row)
        return row


def set_subscription(store: str = "cafe-lux", **values) -> None:
    row = subscription(store)
    with session_scope() as session:
        live = session.get(Subscription, row.id)
        for name, value in values.items():
            setattr(live, name, value)
        session.add(live)


def test_the_owner_sees_plan_status_usage_for_every_limited_feature_and_the_plans(browser):
    tab = billing_tab(browser, MARIE)
    tab.call("load")
    assert tab.plan_code == _code_of(subscription().plan_id) and tab.plan
    assert tab.status in ("trialing", "active")
    features = {row["feature"] for row in tab.usage}
    assert {"products_limit", "orders_per_month", "team_members"} <= features
    for row in tab.usage:
        assert row["count"] and row["label"] != row["feature"]
        if row["unlimited"]:
            assert "unlimited" in row["count"]
        else:
            assert " / " in row["count"]
    codes = [plan["code"] for plan in tab.plans]
    assert codes[:4] == ["essential", "professional", "business", "enterprise"]
    assert sum(plan["current"] for plan in tab.plans) == 1
    enterprise = next(plan for plan in tab.plans if plan["code"] == "enterprise")
    assert enterprise["on_request"]


def test_the_usage_bar_counts_the_team_as_used_over_limit(browser):
    tab = billing_tab(browser, MARIE)
    tab.call("load")
    team = next(row for row in tab.usage if row["feature"] == "team_members")
    used, _, limit = team["count"].partition(" / ")
    assert int(used) >= 1 and (team["unlimited"] or int(limit) >= 1)
    assert 0 <= team["percent"] <= 100


def test_staff_without_the_permission_and_another_merchants_owner_see_nothing(browser):
    for email, store in ((LUC, "cafe-lux"), (JEAN, "cafe-lux")):
        tab = billing_tab(browser, email, store)
        tab.call("load")
        assert tab.status == "" and tab.plans == [] and tab.usage == []


def test_a_downgrade_under_usage_is_refused_naming_the_limit_and_by_how_much(browser):
    with session_scope() as session:
        essential = session.exec(
            select(Plan).where(Plan.platform_id == platform_id("oms"), Plan.code == "essential")
        ).one()
        essential.limits = {**essential.limits, "team_members": 0}
        session.add(essential)
    set_subscription(status="active", plan_id=_plan_id("business"))
    tab = billing_tab(browser, MARIE)
    tab.call("load")
    tab.call("ask_change", code="essential")
    assert "Essential" in tab.confirm_text
    tab.call("change")
    assert tab.confirm_code == ""
    assert "Team" in tab.error or "team" in tab.error
    assert "allows 0" in tab.error
    assert subscription().plan_id == _plan_id("business")


def card_4242(api_base: str) -> str:
    """The token id payments' `card_token` script answers in the browser (Stripe.js
    tokenises the card; a Stripe customer takes the token as its source)."""
    client = stripe.StripeClient(SECRET_KEY, base_addresses={"api": api_base}, max_network_retries=0)
    card = {"number": "4242424242424242", "exp_month": 12, "exp_year": 2030, "cvc": "123"}
    return client.v1.tokens.create({"card": card}).id


def _code_of(plan_id: int) -> str:
    with session_scope() as session:
        return session.get(Plan, plan_id).code


def _plan_id(code: str, platform: str = "oms") -> int:
    with session_scope() as session:
        return session.exec(
            select(Plan.id).where(Plan.platform_id == platform_id(platform), Plan.code == code)
        ).one()


def test_a_card_then_an_upgrade_and_with_stripe_down_nothing_changes(browser, stripe_server, monkeypatch):
    set_subscription(store="velo-weber", status="trialing", plan_id=_plan_id("essential"))
    tab = billing_tab(browser, JEAN, "velo-weber")
    tab.call("load")
    tab.call("ask_change", code="professional")
    tab.call("change")
    assert tab.error == "Add a card first: this plan is paid from your card."
    assert subscription("velo-weber").plan_id == _plan_id("essential")

    tab.call("card_tokenised", result={"token": card_4242(stripe_server.api_base)})
    assert (tab.card, tab.card_error) == ("Visa •••• 4242", "")

    monkeypatch.setenv("PAYMENTS_STRIPE_API_BASE", f"http://127.0.0.1:{free_port()}")  # nothing listens
    get_payments_config.cache_clear()
    tab.call("ask_change", code="professional")
    tab.call("change")
    assert tab.error == "Stripe can't be reached, nothing changed. Please try again in a few minutes."
    row = subscription("velo-weber")
    assert (row.plan_id, row.status, row.stripe_subscription_id) == (_plan_id("essential"), "trialing", "")

    stripe_server.point_payments_here()
    tab.call("ask_change", code="professional")
    tab.call("change")
    assert tab.error == "" and tab.plan_code == "professional"
    assert subscription("velo-weber").stripe_subscription_id
    tab.call("load")
    assert tab.status == "active" and tab.invoices and tab.invoices[0]["amount"] == "€99.00"


def test_an_on_request_plan_cannot_be_chosen_from_the_page(browser):
    tab = billing_tab(browser, MARIE)
    tab.call("load")
    tab.call("ask_change", code="enterprise")
    assert tab.confirm_code == ""
    tab.call("ask_change", code="no-such-plan")
    assert tab.confirm_code == ""


def test_the_welcome_checklist_shows_after_sign_up(browser):
    tab = billing_tab(browser, MARIE, query="?welcome=1")
    tab.router.url.query_parameters = {"welcome": "1"}
    tab.call("load")
    assert tab.welcome and tab.store_base == "/store/cafe-lux/"


def banner_tab(browser: Browser, email: str = MARIE, store: str = "cafe-lux") -> Tab:
    tab = Tab(BillingBannerState, f"/store/{store}/orders", browser.token(email), kind="", days=0, href="")
    tab.call("load")
    return tab


@pytest.mark.parametrize(
    ("values", "kind", "days"),
    [
        ({"status": "trialing", "trial_days": 20}, "", 0),
        ({"status": "trialing", "trial_days": 5}, "trial", 5),
        ({"status": "past_due", "past_due_days": 4}, "past_due", 9),
        ({"status": "read_only", "past_due_days": 15}, "read_only", 0),
        ({"status": "active"}, "", 0),
    ],
)
def test_the_banner_shows_the_trials_last_week_payment_due_and_read_only(browser, values, kind, days):
    now = utcnow()
    changes = {"status": values["status"]}
    if "trial_days" in values:
        changes["trial_ends_at"] = now + timedelta(days=values["trial_days"], hours=-1)
    if "past_due_days" in values:
        changes["past_due_since"] = now - timedelta(days=values["past_due_days"], hours=1)
    set_subscription(**changes)
    tab = banner_tab(browser)
    assert (tab.kind, tab.days) == (kind, days)
    assert tab.href == "/store/cafe-lux/billing"


def plans_tab(browser: Browser, email: str) -> Tab:
    return Tab(
        PlansAdminState,
        "/admin/plans",
        browser.token(email),
        platforms=[],
        platform_code="",
        plans=[],
        features=[],
        modules=[],
        editing="",
        values={},
        limits={},
        included=[],
        errors={},
        affected=[],
        previewed=False,
        form_key=0,
    )


def plan_form(tab: Tab, **changes) -> dict:
    form = {name: value for name, value in tab.values.items()}
    form |= {f"limit_{code}": value for code, value in tab.limits.items()}
    form |= {f"module_{code}": "on" for code in tab.included}
    form["active"] = "on" if tab.values.get("active") == "1" else ""
    form["on_request"] = "on" if tab.values.get("on_request") == "1" else ""
    return form | changes


def test_the_plans_form_has_a_limit_for_every_declared_feature(browser):
    from orion_app.registry import get_registry

    tab = plans_tab(browser, ADA)
    tab.call("load")
    assert {f["code"] for f in tab.features} == set(get_registry().features)
    assert {p["value"] for p in tab.platforms} >= {"oms", "loyalty"}
    assert [p["code"] for p in tab.plans][:4] == ["essential", "professional", "business", "enterprise"]


def test_a_plan_change_is_previewed_with_the_merchants_over_the_new_limit_then_saved(browser):
    set_subscription(status="active", plan_id=_plan_id("professional"))
    tab = plans_tab(browser, ADA)
    tab.call("load")
    tab.call("choose_platform", code="oms")
    tab.call("edit", plan_id=str(_plan_id("professional")))
    assert tab.values["monthly"] == "99.00"
    tab.call("submit", form=plan_form(tab, limit_team_members="0", monthly="109"))
    assert tab.previewed and tab.editing
    assert any("Café" in row["name"] and "cafe-lux" in row["stores"] for row in tab.affected)
    with session_scope() as session:
        assert session.get(Plan, _plan_id("professional")).monthly_cents == 9900  # nothing saved yet
    tab.call("submit", form=plan_form(tab, limit_team_members="0", monthly="109"))
    assert tab.editing == ""
    with session_scope() as session:
        plan = session.get(Plan, _plan_id("professional"))
        assert plan.monthly_cents == 10900 and plan.limits["team_members"] == 0


def test_bad_prices_and_limits_are_refused_next_to_their_fields(browser):
    tab = plans_tab(browser, ADA)
    tab.call("load")
    tab.call("choose_platform", code="oms")
    tab.call("edit", plan_id=str(_plan_id("essential")))
    tab.call("submit", form=plan_form(tab, monthly="forty", limit_products_limit="many"))
    assert set(tab.errors) >= {"monthly", "limit_products_limit"}
    assert not tab.previewed
    assert parse_cents("49") == 4900 and parse_cents("1990,5") == 199050 and parse_cents("x") is None


def test_a_platform_admin_edits_only_the_plans_of_their_platform(browser):
    tab = plans_tab(browser, OSCAR)
    tab.call("load")
    assert [p["value"] for p in tab.platforms] == ["oms"]
    tab.call("choose_platform", code="loyalty")
    assert tab.plans == [] and tab.platform_code == ""
    tab.platform_code = "oms"
    tab.call("edit", plan_id=str(_plan_id("essential", "loyalty")))
    assert tab.editing == ""


def test_merchants_reach_no_admin_page(browser):
    for state, fields in ((PlansAdminState, {"plans": [], "platforms": []}), (JobRunsState, {"runs": []})):
        tab = Tab(state, "/admin/plans", browser.token(MARIE), **fields)
        tab.call("load")
        assert all(getattr(tab, name) == [] for name in fields)


def test_the_pricing_page_lists_the_tiers_with_prices_in_the_readers_language(browser):
    tab = Tab(PricingState, "/platforms/oms/pricing", "", plans=[], show_yearly=False)
    tab.lang = "fr"
    tab.call("load")
    essential = next(plan for plan in tab.plans if plan["code"] == "essential")
    assert essential["monthly"] == "49,00\u00a0€" and essential["yearly"] == "490,00\u00a0€"
    assert essential["href"] == "/platforms/oms/signup?plan=essential"
    assert any("200" in line for line in essential["lines"])
    enterprise = next(plan for plan in tab.plans if plan["code"] == "enterprise")
    assert enterprise["on_request"] and enterprise["href"].startswith("mailto:")


def test_admins_read_each_job_run_with_its_slot_counts_and_end(browser):
    from modules.billing.jobs import check_trial_expirations

    check_trial_expirations(now=utcnow())
    tab = Tab(JobRunsState, "/admin/billing/jobs", browser.token(ADA), runs=[])
    tab.call("load")
    run = tab.runs[0]
    assert run["job"] == "check_trial_expirations" and run["status"] == "done"
    assert run["started"] and run["finished"] and run["slot"].endswith("01:00")
