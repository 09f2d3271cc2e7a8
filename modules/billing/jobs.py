"""The scheduled billing jobs (SPEC §4), each safe to run twice and from several schedulers:
a run first inserts its `JobRun(job, slot)`; the unique constraint lets one run per slot
through, the others return None. Every run records its start, end, counts, the differences
it fixed and its errors. `now` is injectable (tests freeze the clock)."""

import logging
import traceback
from collections.abc import Callable
from datetime import datetime, timedelta

from croniter import croniter
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from modules.billing.config import billing_config
from modules.billing.models import JobRun, Plan, Subscription, UsageSnapshot
from modules.billing.services.changes import start_stripe
from modules.billing.services.notices import (
    notify_read_only,
    notify_trial_ended,
    notify_trial_ending,
)
from modules.billing.services.stripe_sync import apply_subscription, stripe_plan_id
from modules.billing.services.subscriptions import grace_ends_at, set_status, trial_days_left
from modules.billing.services.usage import usage_counts_many
from modules.payments.public import GatewayUnavailable, stripe_billing
from orion_app.db import session_scope, utcnow

log = logging.getLogger(__name__)
CRON = {
    "reset_period_counters": "5 0 * * *",
    "check_trial_expirations": "0 1 * * *",
    "sync_stripe_status": "30 * * * *",
    "cleanup_stale_subscriptions": "0 3 * * 0",
}
BATCH = 1000


class Run:
    """What a job body reports: counts by name, fixed differences, errors."""

    def __init__(self):
        self.counts: dict[str, int] = {}
        self.fixes: list[str] = []
        self.errors: list[str] = []

    def count(self, name: str, by: int = 1) -> None:
        self.counts[name] = self.counts.get(name, 0) + by

    def fixed(self, text: str) -> None:
        log.info("billing: %s", text)
        self.fixes.append(text[:300])


def slot_of(job: str, now: datetime) -> str:
    """The scheduled time this run belongs to: the newest cron time at or before `now`."""
    previous = croniter(CRON[job], now + timedelta(microseconds=1)).get_prev(datetime)
    return previous.strftime("%Y-%m-%dT%H:%M")


def run_once(job: str, now: datetime | None, body: Callable[[Session, datetime, Run], None]) -> JobRun | None:
    now = now or utcnow()
    slot = slot_of(job, now)
    with session_scope() as session:
        row = JobRun(job=job, slot=slot, started_at=utcnow())
        try:
            session.add(row)
            session.commit()
        except IntegrityError:
            session.rollback()
            log.info("billing: %s for %s ran already", job, slot)
            return None
        run_id = row.id
    run = Run()
    failed = False
    try:
        with session_scope() as session:
            body(session, now, run)
    except Exception:
        failed = True
        run.errors.append(traceback.format_exc()[-2000:])
        log.exception("billing: %s for %s failed", job, slot)
    with session_scope() as session:
        row = session.get(JobRun, run_id)
        row.status = "failed" if failed else "done"
        row.finished_at = utcnow()
        row.counts = run.counts
        row.fixes = run.fixes[:500]
        row.errors = "\n".join(run.errors)[:20000]
        session.add(row)
        session.commit()
        session.refresh(row)
        return row


def _live(session: Session, *statuses: str) -> list[Subscription]:
    return list(
        session.exec(select(Subscription).where(Subscription.status.in_(statuses)).order_by(Subscription.id))
    )


# -- reset_period_counters (daily 00:05) --------------------------------------------------


def reset_period_counters(now: datetime | None = None) -> JobRun | None:
    """Close the calendar month that ended: each subscription's usage then is kept as a
    snapshot (per-period counters start again from zero); subscriptions billed without
    Stripe roll their period on, taking a waiting downgrade."""
    return run_once("reset_period_counters", now, _reset)


def _reset(session: Session, now: datetime, run: Run) -> None:
    first = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    closed_start = (first - timedelta(days=1)).replace(day=1)
    period = closed_start.strftime("%Y-%m")
    rows = session.exec(
        select(Subscription.id, Subscription.merchant_id, Subscription.platform_id).where(
            Subscription.status != "canceled"
        )
    ).all()
    done = set(session.exec(select(UsageSnapshot.subscription_id).where(UsageSnapshot.period == period)))
    todo: dict[int, list[tuple[int, int]]] = {}
    for sub_id, merchant_id, platform_id in rows:
        if sub_id not in done:
            todo.setdefault(platform_id, []).append((sub_id, merchant_id))
    for platform_id, subs in todo.items():
        for start in range(0, len(subs), BATCH):
            chunk = subs[start : start + BATCH]
            counts = usage_counts_many(session, [m for _s, m in chunk], platform_id, (closed_start, first))
            session.bulk_insert_mappings(
                UsageSnapshot,
                [
                    {"subscription_id": s, "period": period, "counts": counts[m], "created_at": now}
                    for s, m in chunk
                ],
            )
            run.count("snapshots", len(chunk))
    for row in session.exec(
        select(Subscription).where(
            Subscription.status == "active",
            Subscription.stripe_subscription_id == "",
            Subscription.current_period_end <= now,
        )
    ):
        step = timedelta(days=365 if row.interval == "year" else 30)
        while row.current_period_end <= now:
            row.current_period_start, row.current_period_end = (
                row.current_period_end,
                row.current_period_end + step,
            )
        if row.pending_plan_id:
            run.fixed(
                f"merchant {row.merchant_id}: plan {row.plan_id} -> {row.pending_plan_id} at period end"
            )
            row.plan_id, row.pending_plan_id = row.pending_plan_id, None
            row.interval, row.pending_interval = row.pending_interval or row.interval, ""
        session.add(row)
        run.count("periods_rolled")
    session.commit()


# -- check_trial_expirations (daily 01:00) ------------------------------------------------


def check_trial_expirations(now: datetime | None = None) -> JobRun | None:
    """Trial reminders at 7, 3 and 1 days; at the trial's end a card subscribes (active),
    no card makes the dashboard read-only (canceled when the merchant canceled). Past-due
    subscriptions whose grace is over become read-only."""
    return run_once("check_trial_expirations", now, _trials)


def _trials(session: Session, now: datetime, run: Run) -> None:
    for row in _live(session, "trialing"):
        thresholds = tuple(billing_config(row.platform_id, session).trial_reminder_days)
        try:
            if row.trial_ends_at and row.trial_ends_at <= now:
                _end_trial(session, row, now, run)
            elif notify_trial_ending(session, row, trial_days_left(row, now), thresholds):
                run.count("reminders")
            session.commit()
        except GatewayUnavailable:
            session.rollback()
            run.count("stripe_unavailable")
            run.errors.append(
                f"merchant {row.merchant_id}: Stripe unavailable, the trial ends at the next run"
            )
    for row in _live(session, "past_due"):
        ends = grace_ends_at(row, session)
        if ends is not None and ends <= now:
            set_status(row, "read_only", now)
            notify_read_only(session, row)
            run.fixed(f"merchant {row.merchant_id} on platform {row.platform_id}: grace over, read-only")
            run.count("read_only")
            session.commit()


def _end_trial(session: Session, row: Subscription, now: datetime, run: Run) -> None:
    if row.cancel_at_period_end:
        set_status(row, "canceled", now)
        run.count("canceled")
    elif row.stripe_customer_id:
        gateway = stripe_billing(session, row.platform_id)
        start_stripe(session, row, session.get(Plan, row.plan_id), row.interval, gateway, now)
        run.count("converted")
    else:
        set_status(row, "read_only", now)
        notify_trial_ended(session, row)
        run.count("read_only")
    session.add(row)


# -- sync_stripe_status (hourly :30) ------------------------------------------------------


def sync_stripe_status(now: datetime | None = None) -> JobRun | None:
    """Reconcile every subscription with Stripe (its list API, a page of 100 per call) and
    log each difference fixed; apply downgrades waiting for a period that has ended."""
    return run_once("sync_stripe_status", now, _sync)


def _sync(session: Session, now: datetime, run: Run) -> None:
    linked = list(session.exec(select(Subscription).where(Subscription.stripe_subscription_id != "")))
    by_platform: dict[int, dict[str, Subscription]] = {}
    for row in linked:
        by_platform.setdefault(row.platform_id, {})[row.stripe_subscription_id] = row
    seen_accounts: dict[tuple[str, str], dict] = {}
    for platform_id, rows in by_platform.items():
        gateway = stripe_billing(session, platform_id)
        key = (gateway.account.api_base, gateway.account.secret_key)
        if key not in seen_accounts:
            listed: dict = {}
            for page in gateway.subscriptions():
                run.count("stripe_calls")
                listed.update({sub.id: sub for sub in page})
            seen_accounts[key] = listed
        listed = seen_accounts[key]
        for stripe_id, row in rows.items():
            run.count("checked")
            sub = listed.get(stripe_id)
            if sub is None:
                run.errors.append(f"merchant {row.merchant_id}: Stripe has no subscription {stripe_id}")
                continue
            for field, was, value in apply_subscription(session, row, sub, now):
                run.fixed(f"merchant {row.merchant_id} on platform {platform_id}: {field} {was} -> {value}")
                run.count("fixed")
            if row.pending_plan_id and row.current_period_end and row.current_period_end <= now:
                _apply_downgrade(session, gateway, row, now, run)
    session.commit()


def _apply_downgrade(session: Session, gateway, row: Subscription, now: datetime, run: Run) -> None:
    target = session.get(Plan, row.pending_plan_id)
    interval = row.pending_interval or row.interval
    plan_ref = stripe_plan_id(
        session, gateway, target, interval, billing_config(row.platform_id, session).currency
    )
    sub = gateway.change_plan(row.stripe_subscription_id, plan_ref, invoice_now=False)
    apply_subscription(session, row, sub, now)
    row.plan_id, row.interval, row.pending_plan_id, row.pending_interval = target.id, interval, None, ""
    session.add(row)
    run.fixed(f"merchant {row.merchant_id}: downgraded to {target.code} at period end")
    run.count("downgrades")


# -- cleanup_stale_subscriptions (Sunday 03:00) -------------------------------------------


def cleanup_stale_subscriptions(now: datetime | None = None) -> JobRun | None:
    """Read-only longer than `stale_after_days`: canceled (at Stripe too); canceled ones lose
    a waiting downgrade. Rows and invoices stay."""
    return run_once("cleanup_stale_subscriptions", now, _cleanup)


def _cleanup(session: Session, now: datetime, run: Run) -> None:
    for row in _live(session, "read_only"):
        days = billing_config(row.platform_id, session).stale_after_days
        if row.read_only_since and row.read_only_since <= now - timedelta(days=days):
            if row.stripe_subscription_id:
                try:
                    stripe_billing(session, row.platform_id).cancel_now(row.stripe_subscription_id)
                except GatewayUnavailable:
                    run.errors.append(f"merchant {row.merchant_id}: Stripe unavailable, not canceled")
                    continue
            set_status(row, "canceled", now)
            since = f"{row.read_only_since:%Y-%m-%d}"
            run.fixed(
                f"merchant {row.merchant_id} on platform {row.platform_id}: read-only since {since}, canceled"
            )
            run.count("canceled")
    for row in _live(session, "canceled"):
        if row.pending_plan_id:
            row.pending_plan_id, row.pending_interval = None, ""
            session.add(row)
            run.count("pending_cleared")
    session.commit()
