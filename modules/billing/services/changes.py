"""What a merchant changes: the card, the plan (upgrade now, downgrade at period end), cancel
and resume. Stripe is asked first; when it cannot be reached (GatewayUnavailable) nothing of
ours has changed and the caller's transaction is rolled back."""

from datetime import datetime

from sqlmodel import Session, select

from modules.billing.config import billing_config
from modules.billing.models import BillingInvoice, Plan, Subscription
from modules.billing.records import (
    CardRequired,
    CardSetup,
    DowngradeRefused,
    InvoiceRecord,
    SubscriptionRecord,
)
from modules.billing.services.plans import declared_limit, plan_by_code
from modules.billing.services.stripe_sync import apply_subscription, refresh_invoices, stripe_plan_id
from modules.billing.services.subscriptions import check_interval, record_of, subscription_row
from modules.billing.services.usage import usage_counts
from modules.payments.public import StripeBilling, stripe_billing
from modules.tenancy.public import merchant_by_id
from orion_app.db import utcnow
from orion_app.errors import NotFound, ServiceError


def _row(session: Session, merchant_id: int, platform_id: int) -> Subscription:
    row = subscription_row(session, merchant_id, platform_id, lock=True)
    if row is None:
        raise NotFound("billing.error.no_subscription")
    return row


def billing_setup(session: Session, merchant_id: int, platform_id: int) -> CardSetup:
    account = stripe_billing(session, platform_id).account
    return CardSetup(publishable_key=account.publishable_key, stripe_js_url=account.stripe_js_url)


def start_stripe(
    session: Session, row: Subscription, plan: Plan, interval: str, gateway: StripeBilling, now: datetime
) -> None:
    """Stripe's subscription starts (first period invoiced and charged now)."""
    currency = billing_config(row.platform_id, session).currency
    plan_ref = stripe_plan_id(session, gateway, plan, interval, currency)
    sub = gateway.create_subscription(
        row.stripe_customer_id,
        plan_ref,
        {"merchant_id": str(row.merchant_id), "platform_id": str(row.platform_id)},
    )
    row.stripe_subscription_id = sub.id
    row.plan_id, row.interval = plan.id, interval
    row.trial_ends_at = min(row.trial_ends_at or now, now)
    row.pending_plan_id, row.pending_interval = None, ""
    apply_subscription(session, row, sub, now)
    refresh_invoices(session, row, gateway)


def save_card(
    session: Session, merchant_id: int, platform_id: int, card_token: str, *, now: datetime | None = None
) -> SubscriptionRecord:
    """Keep the merchant's card at Stripe (a Stripe.js token). A merchant read-only after the
    trial subscribes at once; one with unpaid invoices has them charged again."""
    now = now or utcnow()
    if not card_token or not card_token.startswith(("tok_", "card_", "src_")):
        raise ServiceError("billing.error.card_token")
    row = _row(session, merchant_id, platform_id)
    gateway = stripe_billing(session, platform_id)
    if row.stripe_customer_id:
        card = gateway.replace_card(row.stripe_customer_id, card_token)
    else:
        merchant = merchant_by_id(session, merchant_id)
        card = gateway.create_customer(
            merchant.contact_email if merchant else "",
            merchant.name if merchant else "",
            card_token,
            {"merchant_id": str(merchant_id), "platform_id": str(platform_id)},
        )
    row.stripe_customer_id = card.customer_id
    row.card_brand, row.card_last4 = card.brand[:40], card.last4[:4]
    if not row.stripe_subscription_id and row.status in ("read_only", "canceled"):
        start_stripe(session, row, session.get(Plan, row.plan_id), row.interval, gateway, now)
    elif row.stripe_subscription_id and row.status in ("past_due", "read_only"):
        gateway.pay_open_invoices(row.stripe_customer_id)
        apply_subscription(session, row, gateway.subscription(row.stripe_subscription_id), now)
        refresh_invoices(session, row, gateway)
    row.updated_at = now
    session.add(row)
    session.flush()
    return record_of(session, row, now)


def monthly_value(plan: Plan, interval: str) -> float:
    return plan.yearly_cents / 12 if interval == "year" else plan.monthly_cents


def over_limits(
    session: Session, merchant_id: int, platform_id: int, plan: Plan
) -> list[tuple[str, int, int]]:
    """(feature, used, limit) for every counted feature the plan would leave exceeded."""
    over = []
    for feature, used in usage_counts(session, merchant_id, platform_id).items():
        limit = declared_limit(plan.limits, feature)
        if limit is not None and used > limit:
            over.append((feature, used, limit))
    return over


def change_plan(
    session: Session,
    merchant_id: int,
    platform_id: int,
    plan_code: str,
    interval: str = "month",
    *,
    now: datetime | None = None,
) -> SubscriptionRecord:
    """Upgrade at once (Stripe prorates and charges now), downgrade at the period's end (at
    once during the trial); a downgrade leaving usage over a limit is refused."""
    now = now or utcnow()
    check_interval(interval)
    row = _row(session, merchant_id, platform_id)
    target = plan_by_code(session, platform_id, plan_code)
    if target.on_request or not target.active:
        raise ServiceError("billing.error.plan_on_request")
    current = session.get(Plan, row.plan_id)
    if target.id == current.id and interval == row.interval:
        row.pending_plan_id, row.pending_interval = None, ""  # back to the plan it has: no downgrade
        session.add(row)
        session.flush()
        return record_of(session, row, now)
    upgrade = monthly_value(target, interval) > monthly_value(current, row.interval)
    if not upgrade:
        for feature, used, limit in over_limits(session, merchant_id, platform_id, target):
            raise DowngradeRefused(feature, used, limit)
    if row.stripe_subscription_id and row.status != "canceled":
        if upgrade:
            gateway = stripe_billing(session, platform_id)
            currency = billing_config(platform_id, session).currency
            plan_ref = stripe_plan_id(session, gateway, target, interval, currency)
            sub = gateway.change_plan(row.stripe_subscription_id, plan_ref, invoice_now=True)
            row.plan_id, row.interval = target.id, interval
            row.pending_plan_id, row.pending_interval = None, ""
            apply_subscription(session, row, sub, now)
            refresh_invoices(session, row, gateway)
        else:
            row.pending_plan_id, row.pending_interval = target.id, interval
    elif upgrade:  # no Stripe subscription yet (trial, or read-only after it): it starts now
        if not row.stripe_customer_id:
            raise CardRequired()
        start_stripe(session, row, target, interval, stripe_billing(session, platform_id), now)
    else:  # a downgrade during the trial (or before any Stripe subscription): now
        row.plan_id, row.interval = target.id, interval
        row.pending_plan_id, row.pending_interval = None, ""
    row.updated_at = now
    session.add(row)
    session.flush()
    return record_of(session, row, now)


def cancel(
    session: Session, merchant_id: int, platform_id: int, *, now: datetime | None = None
) -> SubscriptionRecord:
    """Cancel at the period's end (the trial's end during a trial); `resume` undoes it."""
    return _set_cancel(session, merchant_id, platform_id, True, now or utcnow())


def resume(
    session: Session, merchant_id: int, platform_id: int, *, now: datetime | None = None
) -> SubscriptionRecord:
    return _set_cancel(session, merchant_id, platform_id, False, now or utcnow())


def _set_cancel(session: Session, merchant_id: int, platform_id: int, cancel_: bool, now: datetime):
    row = _row(session, merchant_id, platform_id)
    if row.status == "canceled":
        raise ServiceError("billing.error.canceled")
    if row.stripe_subscription_id:
        gateway = stripe_billing(session, platform_id)
        sub = gateway.set_cancel_at_period_end(row.stripe_subscription_id, cancel_)
        apply_subscription(session, row, sub, now)
    row.cancel_at_period_end = cancel_
    row.updated_at = now
    session.add(row)
    session.flush()
    return record_of(session, row, now)


def invoices_of(session: Session, merchant_id: int, platform_id: int) -> list[InvoiceRecord]:
    row = subscription_row(session, merchant_id, platform_id)
    if row is None:
        return []
    rows = session.exec(
        select(BillingInvoice)
        .where(BillingInvoice.subscription_id == row.id)
        .order_by(BillingInvoice.created_at.desc(), BillingInvoice.id.desc())
    )
    return [
        InvoiceRecord(
            number=r.number,
            created_at=r.created_at,
            amount_cents=r.amount_cents,
            status=r.status,
            pdf_url=r.pdf_url,
            hosted_url=r.hosted_url,
            currency=r.currency,
        )
        for r in rows
    ]
