"""Billing on Stripe (localstripe): a card, an upgrade at once (prorated as localstripe does
it: the previous invoice credited whole), Stripe down changes nothing, a downgrade refused
over a limit or applied at the period's end by the hourly sync, cancel and resume, webhooks
deduplicated and order-independent, a dropped webhook repaired by the sync."""

import time
import uuid
from datetime import timedelta

import pytest
import stripe
from sqlmodel import select

from modules.billing.jobs import sync_stripe_status
from modules.billing.models import BillingInvoice, JobRun, Plan, Subscription
from modules.billing.public import (
    DowngradeRefused,
    cancel,
    change_plan,
    invoices_of,
    resume,
    save_card,
    subscription_of,
)
from modules.catalog.models import Product
from modules.contracts.public import feature_limit
from modules.payments.config import get_payments_config
from modules.payments.public import GatewayUnavailable
from orion_app.db import session_scope, utcnow
from orion_app.i18n import translate
from tests.integration.catalog_helpers import scope
from tests.integration.payments_helpers import deliver, gateway_events
from tests.stripe_server import SECRET_KEY, free_port

VELO = "velo-weber"


def card_token(api_base: str, number: str = "4242424242424242") -> str:
    """What Stripe.js answers in the merchant's browser: a card token."""
    client = stripe.StripeClient(SECRET_KEY, base_addresses={"api": api_base}, max_network_retries=0)
    card = {"number": number, "exp_month": 12, "exp_year": 2030, "cvc": "123"}
    return client.v1.tokens.create({"card": card}).id


def stripe_client(api_base: str) -> stripe.StripeClient:
    return stripe.StripeClient(SECRET_KEY, base_addresses={"api": api_base}, max_network_retries=0)


def plan_id(code: str, platform: int) -> int:
    with session_scope() as session:
        return session.exec(select(Plan.id).where(Plan.platform_id == platform, Plan.code == code)).one()


def row_of(merchant_id: int, platform: int) -> Subscription:
    with session_scope() as session:
        return session.exec(
            select(Subscription).where(
                Subscription.merchant_id == merchant_id, Subscription.platform_id == platform
            )
        ).one()


def on_trial(code: str = "essential") -> tuple[int, int]:
    """Vëlo Weber's merchant on a trial of `code` on oms (the demo has it on Business)."""
    _store, merchant_id, oms = scope(VELO)
    with session_scope() as session:
        row = session.exec(select(Subscription).where(Subscription.merchant_id == merchant_id)).one()
        row.plan_id, row.status = plan_id(code, oms), "trialing"
        row.trial_ends_at = utcnow() + timedelta(days=20)
        session.add(row)
        session.commit()
    return merchant_id, oms


def subscribed(api_base: str, code: str = "professional") -> tuple[int, int]:
    """Vëlo Weber with a card and a Stripe subscription on `code` (an upgrade from Essential)."""
    merchant_id, oms = on_trial()
    with session_scope() as session:
        save_card(session, merchant_id, oms, card_token(api_base))
        change_plan(session, merchant_id, oms, code)
        session.commit()
    return merchant_id, oms


def test_a_card_then_an_upgrade_at_once_prorated(demo, stripe_server):
    merchant_id, oms = on_trial()
    with session_scope() as session:
        record = save_card(session, merchant_id, oms, card_token(stripe_server.api_base))
        session.commit()
    assert (record.card_brand, record.card_last4, record.status) == ("Visa", "4242", "trialing")
    assert record.plan.code == "essential" and not record.has_stripe_subscription
    assert row_of(merchant_id, oms).stripe_customer_id.startswith("cus_")

    # From the trial: Stripe's subscription starts now, the first month invoiced and paid.
    with session_scope() as session:
        record = change_plan(session, merchant_id, oms, "professional")
        session.commit()
    assert (record.plan.code, record.status, record.has_stripe_subscription) == (
        "professional",
        "active",
        True,
    )
    assert feature_limit(merchant_id, oms, "orders_per_month") == 500
    with session_scope() as session:
        assert [(i.amount_cents, i.status) for i in invoices_of(session, merchant_id, oms)] == [
            (9900, "paid")
        ]

    # Upgrade: at once; the proration is invoiced and charged now. localstripe credits the
    # whole previous invoice ("Unused time"): 199.00 - 99.00.
    with session_scope() as session:
        record = change_plan(session, merchant_id, oms, "business")
        session.commit()
    assert (record.plan.code, record.status, record.pending_plan) == ("business", "active", None)
    assert feature_limit(merchant_id, oms, "orders_per_month") == 2000
    sub = stripe_client(stripe_server.api_base).v1.subscriptions.retrieve(
        row_of(merchant_id, oms).stripe_subscription_id
    )
    with session_scope() as session:
        business = session.get(Plan, plan_id("business", oms))
        assert sub["items"].data[0].plan.id == business.stripe_plan_monthly
        invoices = invoices_of(session, merchant_id, oms)
    assert sorted((i.amount_cents, i.status) for i in invoices) == [(9900, "paid"), (10000, "paid")]


def test_with_stripe_down_an_upgrade_changes_nothing(demo, stripe_server, monkeypatch):
    merchant_id, oms = subscribed(stripe_server.api_base)
    before = row_of(merchant_id, oms)
    monkeypatch.setenv("PAYMENTS_STRIPE_API_BASE", f"http://127.0.0.1:{free_port()}")  # nothing listens
    get_payments_config.cache_clear()
    try:
        with session_scope() as session, pytest.raises(GatewayUnavailable):
            change_plan(session, merchant_id, oms, "business")
    finally:
        stripe_server.point_payments_here()
    after = row_of(merchant_id, oms)
    assert (after.plan_id, after.status, after.pending_plan_id, after.updated_at) == (
        before.plan_id,
        before.status,
        None,
        before.updated_at,
    )
    with session_scope() as session:
        assert session.get(Plan, plan_id("business", oms)).stripe_plan_monthly == ""
        assert len(invoices_of(session, merchant_id, oms)) == 1


def test_a_downgrade_over_a_limit_is_refused_with_the_numbers(demo):
    merchant_id, oms = on_trial("professional")
    store_id = scope(VELO)[0]
    with session_scope() as session:
        session.add_all(
            Product(store_id=store_id, sku=f"V-{i}", slug=f"v-{i}", price_cents=100) for i in range(203)
        )
        session.commit()
    with session_scope() as session, pytest.raises(DowngradeRefused) as refused:
        change_plan(session, merchant_id, oms, "essential")
    assert (refused.value.feature, refused.value.used, refused.value.limit) == ("products_limit", 203, 200)
    assert refused.value.params["over"] == 3
    text = translate(refused.value.message_key, "en", **refused.value.params)
    assert "203" in text and "200" in text and "Remove 3" in text
    assert row_of(merchant_id, oms).plan_id == plan_id("professional", oms)


def test_a_downgrade_waits_for_the_period_end_then_the_sync_applies_it(demo, stripe_server):
    merchant_id, oms = subscribed(stripe_server.api_base, "business")
    with session_scope() as session:
        record = change_plan(session, merchant_id, oms, "professional")
        session.commit()
    assert record.plan.code == "business" and record.pending_plan.code == "professional"
    assert feature_limit(merchant_id, oms, "orders_per_month") == 2000  # until the period ends
    row = row_of(merchant_id, oms)

    assert sync_stripe_status(now=utcnow()).counts.get("downgrades") is None  # not yet
    run = sync_stripe_status(now=row.current_period_end + timedelta(hours=2))
    assert run.status == "done" and run.counts["downgrades"] == 1
    assert any("downgraded to professional" in fix for fix in run.fixes)
    with session_scope() as session:
        record = subscription_of(session, merchant_id, oms)
        professional = session.get(Plan, plan_id("professional", oms))
    assert (record.plan.code, record.pending_plan) == ("professional", None)
    sub = stripe_client(stripe_server.api_base).v1.subscriptions.retrieve(row.stripe_subscription_id)
    assert sub["items"].data[0].plan.id == professional.stripe_plan_monthly
    assert feature_limit(merchant_id, oms, "orders_per_month") == 500


def test_cancel_at_period_end_then_resume(demo, stripe_server):
    merchant_id, oms = subscribed(stripe_server.api_base)
    stripe_id = row_of(merchant_id, oms).stripe_subscription_id
    client = stripe_client(stripe_server.api_base)
    with session_scope() as session:
        record = cancel(session, merchant_id, oms)
        session.commit()
    assert record.cancel_at_period_end and record.status == "active"
    assert client.v1.subscriptions.retrieve(stripe_id).cancel_at_period_end is True
    with session_scope() as session:
        record = resume(session, merchant_id, oms)
        session.commit()
    assert not record.cancel_at_period_end and record.status == "active"
    assert client.v1.subscriptions.retrieve(stripe_id).cancel_at_period_end is False


def test_a_dropped_webhook_is_repaired_by_the_hourly_sync(demo, stripe_server):
    merchant_id, oms = subscribed(stripe_server.api_base)
    stripe_server.point_webhooks_at(f"http://127.0.0.1:{free_port()}/webhooks/stripe")  # lost
    try:
        row = row_of(merchant_id, oms)
        with session_scope() as session:
            business = session.get(Plan, plan_id("business", oms))
            if not business.stripe_plan_monthly:  # made at Stripe like billing makes its plans
                business.stripe_plan_monthly = (
                    stripe_client(stripe_server.api_base)
                    .v1.plans.create(
                        {
                            "amount": 19900,
                            "currency": "eur",
                            "interval": "month",
                            "product": {"name": "Business"},
                        }
                    )
                    .id
                )
                session.add(business)
                session.commit()
            stripe_plan = business.stripe_plan_monthly
        # Changed at Stripe (its dashboard, say), the event never reaches us.
        client = stripe_client(stripe_server.api_base)
        item = client.v1.subscriptions.retrieve(row.stripe_subscription_id)["items"].data[0].id
        client.v1.subscriptions.update(
            row.stripe_subscription_id,
            {"items": [{"id": item, "plan": stripe_plan}], "cancel_at_period_end": True},
        )
        assert row_of(merchant_id, oms).plan_id == plan_id("professional", oms)
        run = sync_stripe_status(now=utcnow() + timedelta(hours=1))
    finally:
        stripe_server.point_webhooks_at(stripe_server.receiver.url)
    assert run.status == "done" and run.counts["fixed"] >= 2 and run.counts["stripe_calls"] >= 1
    fixes = "\n".join(run.fixes)
    assert (
        f"merchant {merchant_id} on platform {oms}: plan_id {row.plan_id} -> {plan_id('business', oms)}"
        in fixes
    )
    assert f"merchant {merchant_id} on platform {oms}: cancel_at_period_end False -> True" in fixes
    fixed = row_of(merchant_id, oms)
    assert (fixed.plan_id, fixed.cancel_at_period_end) == (plan_id("business", oms), True)
    with session_scope() as session:
        stored = session.exec(select(JobRun).where(JobRun.id == run.id)).one()
    assert stored.fixes == run.fixes  # the repair is recorded in the run
    # Nothing left to repair: the next hour fixes nothing.
    assert sync_stripe_status(now=utcnow() + timedelta(hours=2)).counts.get("fixed") is None


# -- webhooks through payments' /webhooks/stripe ------------------------------------------


def subscription_event(stripe_id: str, customer: str, plan: str, created: int, **fields) -> dict:
    obj = {
        "id": stripe_id,
        "object": "subscription",
        "customer": customer,
        "status": "active",
        "plan": {"id": plan, "object": "plan"},
        "current_period_start": created,
        "current_period_end": created + 30 * 86400,
        "cancel_at_period_end": False,
        "metadata": {},
    } | fields
    return _event("customer.subscription.updated", obj, created)


def invoice_event(
    kind: str, invoice_id: str, stripe_id: str, customer: str, status: str, created: int
) -> dict:
    obj = {
        "id": invoice_id,
        "object": "invoice",
        "subscription": stripe_id,
        "customer": customer,
        "status": status,
        "total": 9900,
        "currency": "eur",
        "created": created,
        "period_start": created,
        "period_end": created + 30 * 86400,
    }
    return _event(kind, obj, created)


def _event(kind: str, obj: dict, created: int) -> dict:
    return {
        "id": f"evt_{uuid.uuid4().hex[:20]}",
        "object": "event",
        "api_version": "2020-08-27",
        "created": created,
        "type": kind,
        "livemode": False,
        "data": {"object": obj},
    }


@pytest.fixture
def linked(demo, stripe_server):
    """Vëlo Weber active on Professional, linked to Stripe ids the events name."""
    _store, merchant_id, oms = scope(VELO)
    ids = {"sub": f"sub_{uuid.uuid4().hex[:14]}", "cus": f"cus_{uuid.uuid4().hex[:14]}"}
    with session_scope() as session:
        for code in ("professional", "business"):
            plan = session.get(Plan, plan_id(code, oms))
            plan.stripe_plan_monthly = plan.stripe_plan_monthly or f"plan_{code}_{uuid.uuid4().hex[:8]}"
            ids[code] = plan.stripe_plan_monthly
            session.add(plan)
        row = session.exec(select(Subscription).where(Subscription.merchant_id == merchant_id)).one()
        row.plan_id, row.status, row.stripe_seen_at = plan_id("professional", oms), "active", None
        row.stripe_subscription_id, row.stripe_customer_id = ids["sub"], ids["cus"]
        session.add(row)
        session.commit()
    return merchant_id, oms, ids, stripe_server.receiver.url


def test_the_same_subscription_event_twice_is_applied_once(linked):
    merchant_id, oms, ids, url = linked
    now = int(time.time())
    event = subscription_event(ids["sub"], ids["cus"], ids["business"], now, cancel_at_period_end=True)
    first, again = deliver(url, event), deliver(url, event)
    assert (first.status_code, first.json()) == (200, {"outcome": "applied"})
    assert (again.status_code, again.json()) == (200, {"outcome": "duplicate"})
    [recorded] = gateway_events(event["id"])
    assert recorded.deliveries == 2 and recorded.outcome == "applied"
    row = row_of(merchant_id, oms)
    assert (row.plan_id, row.cancel_at_period_end) == (plan_id("business", oms), True)


def test_an_older_subscription_event_after_a_newer_one_changes_nothing(linked):
    merchant_id, oms, ids, url = linked
    now = int(time.time())
    newer = subscription_event(ids["sub"], ids["cus"], ids["business"], now, cancel_at_period_end=True)
    older = subscription_event(ids["sub"], ids["cus"], ids["professional"], now - 60)
    assert deliver(url, newer).json() == {"outcome": "applied"}
    assert deliver(url, older).json() == {"outcome": "unchanged"}
    row = row_of(merchant_id, oms)
    assert (row.plan_id, row.cancel_at_period_end, row.status) == (plan_id("business", oms), True, "active")
    assert len(gateway_events(older["id"])) == 1  # recorded all the same


def test_a_late_payment_failed_never_undoes_a_payment(linked):
    merchant_id, oms, ids, url = linked
    now = int(time.time())
    invoice = f"in_{uuid.uuid4().hex[:14]}"
    paid = invoice_event("invoice.payment_succeeded", invoice, ids["sub"], ids["cus"], "paid", now)
    failed = invoice_event("invoice.payment_failed", invoice, ids["sub"], ids["cus"], "open", now - 30)
    assert deliver(url, paid).json() == {"outcome": "applied"}
    assert deliver(url, failed).status_code == 200
    assert row_of(merchant_id, oms).status == "active"
    with session_scope() as session:
        mirror = session.exec(select(BillingInvoice).where(BillingInvoice.stripe_invoice_id == invoice)).one()
    assert (mirror.status, mirror.amount_cents) == ("paid", 9900)


def test_a_payment_failed_then_paid_goes_past_due_then_active(linked, mail_sink):
    merchant_id, oms, ids, url = linked
    now = int(time.time())
    invoice = f"in_{uuid.uuid4().hex[:14]}"
    failed = invoice_event("invoice.payment_failed", invoice, ids["sub"], ids["cus"], "open", now - 30)
    assert deliver(url, failed).json() == {"outcome": "applied"}
    row = row_of(merchant_id, oms)
    assert row.status == "past_due" and row.past_due_since is not None
    paid = invoice_event("invoice.payment_succeeded", invoice, ids["sub"], ids["cus"], "paid", now)
    assert deliver(url, paid).json() == {"outcome": "applied"}
    assert row_of(merchant_id, oms).status == "active"
