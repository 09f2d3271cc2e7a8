"""A merchant's subscription on a platform: the trial (ours, no card), then Stripe's.

States: trialing -> active (a card at trial end, or an upgrade) | read_only (no card at trial
end); active -> past_due (an invoice unpaid) -> read_only after the grace days -> active once
paid; canceled at the end of a period the merchant canceled. See docs/billing.md."""

import math
from datetime import datetime, timedelta

from sqlmodel import Session, select

from modules.billing.config import billing_config
from modules.billing.models import Plan, Subscription
from modules.billing.records import SubscriptionRecord
from modules.billing.services.plans import plan_by_code, plan_record
from orion_app.db import utcnow
from orion_app.errors import ServiceError

DAY = timedelta(days=1)


def subscription_row(
    session: Session, merchant_id: int, platform_id: int, *, lock: bool = False
) -> Subscription | None:
    query = select(Subscription).where(
        Subscription.merchant_id == merchant_id, Subscription.platform_id == platform_id
    )
    if lock:
        query = query.with_for_update()
    return session.exec(query).first()


def grace_ends_at(row: Subscription, session: Session | None = None) -> datetime | None:
    if row.past_due_since is None:
        return None
    return row.past_due_since + timedelta(days=billing_config(row.platform_id, session).grace_days)


def trial_days_left(row: Subscription, now: datetime) -> int | None:
    if row.status != "trialing" or row.trial_ends_at is None:
        return None
    return max(0, math.ceil((row.trial_ends_at - now) / DAY))


def record_of(session: Session, row: Subscription, now: datetime | None = None) -> SubscriptionRecord:
    now = now or utcnow()
    plan = session.get(Plan, row.plan_id)
    pending = session.get(Plan, row.pending_plan_id) if row.pending_plan_id else None
    return SubscriptionRecord(
        merchant_id=row.merchant_id,
        platform_id=row.platform_id,
        plan=plan_record(plan),
        interval=row.interval,
        status=row.status,
        trial_ends_at=row.trial_ends_at,
        trial_days_left=trial_days_left(row, now),
        current_period_end=row.current_period_end,
        cancel_at_period_end=row.cancel_at_period_end,
        pending_plan=plan_record(pending) if pending else None,
        past_due_since=row.past_due_since,
        grace_ends_at=grace_ends_at(row, session),
        read_only=row.status == "read_only",
        card_brand=row.card_brand,
        card_last4=row.card_last4,
        pending_interval=row.pending_interval,
        has_stripe_subscription=bool(row.stripe_subscription_id),
    )


def subscription_of(session: Session, merchant_id: int, platform_id: int) -> SubscriptionRecord | None:
    row = subscription_row(session, merchant_id, platform_id)
    return record_of(session, row) if row else None


def check_interval(interval: str) -> None:
    if interval not in ("month", "year"):
        raise ServiceError("billing.error.interval")


def start_trial(
    session: Session,
    merchant_id: int,
    platform_id: int,
    plan_code: str,
    interval: str = "month",
    *,
    now: datetime | None = None,
) -> SubscriptionRecord:
    """The merchant's trial of a self-serve plan: `trial_days` (30) without a card."""
    now = now or utcnow()
    check_interval(interval)
    plan = plan_by_code(session, platform_id, plan_code)
    if plan.on_request or not plan.active:
        raise ServiceError("billing.error.plan_on_request")
    if subscription_row(session, merchant_id, platform_id) is not None:
        raise ServiceError("billing.error.already_subscribed")
    ends = now + timedelta(days=billing_config(platform_id, session).trial_days)
    row = Subscription(
        merchant_id=merchant_id,
        platform_id=platform_id,
        plan_id=plan.id,
        interval=interval,
        status="trialing",
        trial_ends_at=ends,
        current_period_start=now,
        current_period_end=ends,
        created_at=now,
        updated_at=now,
    )
    session.add(row)
    session.flush()
    return record_of(session, row, now)


def set_status(row: Subscription, status: str, now: datetime) -> bool:
    """Move to `status`, stamping when past_due and read_only began; True when it changed."""
    if row.status == status:
        return False
    if status == "past_due" and row.past_due_since is None:
        row.past_due_since = now
    if status == "read_only" and row.read_only_since is None:
        row.read_only_since = now
    if status in ("active", "trialing"):
        row.past_due_since = None
        row.read_only_since = None
        row.mails_sent = [m for m in row.mails_sent if m not in ("past_due", "read_only")]
    if status == "canceled":
        row.canceled_at = now
    row.status = status
    row.updated_at = now
    return True
