"""Billing jobs with a frozen clock: every job runs once per slot however many schedulers
start it at once; reset_period_counters snapshots the month that closed and rolls Stripe-less
periods (taking a waiting downgrade); cleanup_stale_subscriptions cancels long read-only
ones; preview_plan_change lists the merchants a plan edit would leave over a limit."""

import threading
from datetime import datetime, timedelta

import pytest
from sqlmodel import select

from modules.billing import jobs
from modules.billing.models import JobRun, Plan, Subscription, UsageSnapshot
from modules.billing.public import plans_of, preview_plan_change
from modules.billing.services.usage import usage_counts
from modules.catalog.models import Product
from orion_app.db import session_scope, utcnow
from orion_app.errors import FieldErrors, NotFound
from tests.integration.billing_helpers import plan_values
from tests.integration.catalog_helpers import scope
from tests.integration.helpers import platform_id

JOBS = (
    "reset_period_counters",
    "check_trial_expirations",
    "sync_stripe_status",
    "cleanup_stale_subscriptions",
)
# A Sunday, the first of a month, 03:00 UTC: every job has a slot then.
SUNDAY_FIRST = datetime(2026, 11, 1, 3, 0, tzinfo=utcnow().tzinfo)


def _subscription(store: str, platform: str = "oms") -> Subscription:
    _store, merchant_id, platform_ref = scope(store, platform)
    with session_scope() as session:
        return session.exec(
            select(Subscription).where(
                Subscription.merchant_id == merchant_id, Subscription.platform_id == platform_ref
            )
        ).one()


def _update(store: str, platform: str = "oms", **values) -> None:
    row = _subscription(store, platform)
    with session_scope() as session:
        row = session.get(Subscription, row.id)
        for name, value in values.items():
            setattr(row, name, value)
        session.add(row)
        session.commit()


def _plan(code: str, platform: str = "oms") -> int:
    with session_scope() as session:
        return session.exec(
            select(Plan.id).where(Plan.platform_id == platform_id(platform), Plan.code == code)
        ).one()


@pytest.mark.parametrize("job", JOBS)
def test_two_schedulers_and_a_second_run_make_one_run_per_slot(demo, job):
    at = SUNDAY_FIRST + timedelta(minutes=40)
    start = threading.Barrier(2)
    results: list = []

    def scheduler():
        start.wait()
        results.append(getattr(jobs, job)(now=at))

    threads = [threading.Thread(target=scheduler) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    ran = [r for r in results if r is not None]
    assert len(results) == 2 and len(ran) == 1, results
    assert ran[0].status == "done", ran[0].errors
    assert getattr(jobs, job)(now=at + timedelta(minutes=5)) is None  # later, same slot
    with session_scope() as session:
        rows = session.exec(select(JobRun).where(JobRun.job == job)).all()
    assert [(r.slot, r.status) for r in rows] == [(jobs.slot_of(job, at), "done")]
    assert rows[0].started_at <= rows[0].finished_at


def test_reset_period_counters_snapshots_the_closed_month_and_rolls_periods(demo):
    at = SUNDAY_FIRST.replace(hour=0, minute=5)
    _update(
        "cafe-lux",
        current_period_start=at - timedelta(days=30),
        current_period_end=at - timedelta(hours=1),
        pending_plan_id=_plan("professional"),
        pending_interval="month",
    )
    _update("velo-weber", status="canceled")
    with session_scope() as session:
        live = session.exec(select(Subscription).where(Subscription.status != "canceled")).all()
        expected = {row.id: usage_counts(session, row.merchant_id, row.platform_id) for row in live}
    run = jobs.reset_period_counters(now=at)
    assert run.status == "done" and run.counts == {"snapshots": len(expected), "periods_rolled": 1}
    assert any("at period end" in fix for fix in run.fixes)
    with session_scope() as session:
        snapshots = session.exec(select(UsageSnapshot)).all()
    assert {s.subscription_id: s.counts for s in snapshots} == expected
    assert {s.period for s in snapshots} == {"2026-10"}
    cafe = _subscription("cafe-lux")
    assert (cafe.plan_id, cafe.pending_plan_id) == (_plan("professional"), None)
    assert cafe.current_period_start == at - timedelta(hours=1) and cafe.current_period_end > at

    assert jobs.reset_period_counters(now=at + timedelta(hours=3)) is None  # same slot
    again = jobs.reset_period_counters(now=at + timedelta(days=1))  # next day: nothing new
    assert again.status == "done" and again.counts == {}
    with session_scope() as session:
        assert len(session.exec(select(UsageSnapshot)).all()) == len(expected)


def test_cleanup_cancels_subscriptions_read_only_for_long_and_clears_canceled_ones(demo):
    at = SUNDAY_FIRST
    _update("velo-weber", status="read_only", read_only_since=at - timedelta(days=181))
    _update("bakery-lux", "loyalty", status="read_only", read_only_since=at - timedelta(days=10))
    _update("cafe-lux", status="canceled", pending_plan_id=_plan("essential"), pending_interval="month")
    run = jobs.cleanup_stale_subscriptions(now=at)
    assert run.status == "done" and run.counts == {"canceled": 1, "pending_cleared": 1}
    velo = _subscription("velo-weber")
    assert velo.status == "canceled" and velo.canceled_at is not None
    assert any(f"merchant {velo.merchant_id}" in fix and "canceled" in fix for fix in run.fixes)
    assert _subscription("bakery-lux", "loyalty").status == "read_only"
    assert _subscription("cafe-lux").pending_plan_id is None
    assert jobs.cleanup_stale_subscriptions(now=at + timedelta(hours=1)) is None


def test_preview_lists_the_merchants_a_plan_edit_leaves_over_a_limit(demo):
    oms = platform_id("oms")
    atelier = scope("atelier-lux")[0]
    with session_scope() as session:
        session.add_all(
            Product(store_id=atelier, sku=f"A-{i}", slug=f"a-{i}", price_cents=100) for i in range(3)
        )
        session.commit()
        essential = next(p for p in plans_of(session, oms) if p.code == "essential")
    # Vëlo Weber waits for a downgrade to Essential: counted too.
    _update("velo-weber", pending_plan_id=essential.id, pending_interval="month")
    velo_merchant, velo_store = scope("velo-weber")[1], scope("velo-weber")[0]
    with session_scope() as session:
        velo_products = usage_counts(session, velo_merchant, oms)["products_limit"]
        if velo_products < 3:
            session.add_all(
                Product(store_id=velo_store, sku=f"V-{i}", slug=f"v-{i}", price_cents=100)
                for i in range(3 - velo_products)
            )
            session.commit()
            velo_products = 3
        affected = preview_plan_change(session, oms, essential.id, plan_values(essential, products_limit=2))
        fine = preview_plan_change(session, oms, essential.id, plan_values(essential, products_limit=None))
    by_name = {a.name: a for a in affected}
    assert set(by_name) == {"Atelier Lux SARL", "Vëlo Weber SA"}
    assert by_name["Atelier Lux SARL"].store_codes == ("atelier-lux",)
    assert by_name["Atelier Lux SARL"].over == {"products_limit": (3, 2)}
    assert by_name["Vëlo Weber SA"].over["products_limit"] == (velo_products, 2)
    assert fine == []
    with session_scope() as session:
        with pytest.raises(FieldErrors):
            preview_plan_change(session, oms, essential.id, plan_values(essential, products_limit="a lot"))
        other = next(p for p in plans_of(session, platform_id("loyalty")) if p.code == "essential")
        with pytest.raises(NotFound):
            preview_plan_change(session, oms, other.id, plan_values(other))


def test_the_snapshot_of_a_closed_month_counts_that_months_orders(demo):
    """On the 1st, orders_per_month is counted over the month that closed, not the one starting."""
    from modules.orders.models import Order
    from modules.orders.public import place_order
    from tests.integration.orders_helpers import placement, stocked
    from tests.integration.payments_helpers import offer_bank_transfer

    offer_bank_transfer(scope()[0])
    variant = stocked("SNAP-1", "5,00", 10)[1]
    october = datetime(2026, 10, 15, 12, 0, tzinfo=utcnow().tzinfo)
    with session_scope() as session:
        for when in (october, october + timedelta(days=5), october + timedelta(days=36)):  # 2 in Oct, Nov 20
            order = place_order(session, placement([(variant, 1)]))
            row = session.get(Order, order.id)
            row.created_at = when
            session.add(row)
            session.commit()
    jobs.reset_period_counters(now=SUNDAY_FIRST.replace(hour=0, minute=5))
    with session_scope() as session:
        cafe = _subscription("cafe-lux")
        snapshot = session.exec(select(UsageSnapshot).where(UsageSnapshot.subscription_id == cafe.id)).one()
    assert (snapshot.period, snapshot.counts["orders_per_month"]) == ("2026-10", 2)
