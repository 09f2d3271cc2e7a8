"""Stripe's side of a subscription: its plans (made on first use), and applying what Stripe
says about a subscription or an invoice to our rows, whatever order the news arrives in."""

import logging
from datetime import UTC, datetime

from sqlmodel import Session, select

from modules.billing.models import BillingInvoice, Plan, Subscription
from modules.billing.services.notices import notify_past_due
from modules.billing.services.subscriptions import set_status
from modules.payments.public import StripeBilling, StripeInvoice, StripeSubscription

log = logging.getLogger(__name__)
INVOICE_RANK = {"draft": 0, "open": 1, "paid": 2, "void": 2, "uncollectible": 2}


def stamp(seconds: int) -> datetime | None:
    return datetime.fromtimestamp(seconds, UTC) if seconds else None


def stripe_plan_id(session: Session, gateway: StripeBilling, plan: Plan, interval: str, currency: str) -> str:
    """The Stripe plan for a tier and interval, created (and remembered) on first use."""
    attr = "stripe_plan_yearly" if interval == "year" else "stripe_plan_monthly"
    if not getattr(plan, attr):
        amount = plan.yearly_cents if interval == "year" else plan.monthly_cents
        name = f"{plan.name.get('en') or plan.code} ({interval})"
        created = gateway.create_plan(amount, currency, interval, name, {"orion_plan_id": str(plan.id)})
        setattr(plan, attr, created)
        session.add(plan)
    return getattr(plan, attr)


def our_status(row: Subscription, sub: StripeSubscription) -> str:
    if sub.status in ("canceled", "incomplete_expired"):
        return "canceled"
    unpaid = sub.status in ("past_due", "unpaid", "incomplete") or sub.latest_invoice_status == "open"
    if unpaid:
        return "read_only" if row.status == "read_only" else "past_due"
    return "active"


def plan_of_stripe(session: Session, platform_id: int, stripe_plan: str) -> Plan | None:
    """Our plan behind a Stripe plan id, remembered for the session (the hourly sync asks for
    the same few plans once per subscription); only plans found are remembered."""
    known = session.info.setdefault("billing_stripe_plans", {})
    key = (platform_id, stripe_plan)
    plan = known.get(key)
    if (
        plan is not None
        and plan in session
        and stripe_plan in (plan.stripe_plan_monthly, plan.stripe_plan_yearly)
    ):
        return plan
    plan = session.exec(
        select(Plan).where(
            Plan.platform_id == platform_id,
            (Plan.stripe_plan_monthly == stripe_plan) | (Plan.stripe_plan_yearly == stripe_plan),
        )
    ).first()
    if plan is not None:
        known[key] = plan
    return plan


def apply_subscription(
    session: Session, row: Subscription, sub: StripeSubscription, at: datetime
) -> list[tuple[str, str, str]]:
    """Make the row say what Stripe says; the (field, was, now) differences fixed."""
    changes: list[tuple[str, str, str]] = []

    def put(field: str, value) -> None:
        was = getattr(row, field)
        if was != value:
            changes.append((field, str(was), str(value)))
            setattr(row, field, value)

    if sub.plan_id:
        plan = plan_of_stripe(session, row.platform_id, sub.plan_id)
        if plan is not None:
            put("plan_id", plan.id)
            put("interval", "year" if plan.stripe_plan_yearly == sub.plan_id else "month")
            if row.pending_plan_id == plan.id:
                put("pending_plan_id", None)
                put("pending_interval", "")
    put("current_period_start", stamp(sub.current_period_start) or row.current_period_start)
    put("current_period_end", stamp(sub.current_period_end) or row.current_period_end)
    put("cancel_at_period_end", sub.cancel_at_period_end)
    status = our_status(row, sub)
    was = row.status
    if set_status(row, status, at):
        changes.append(("status", was, status))
        if status == "past_due":
            notify_past_due(session, row)
    if row.stripe_seen_at is None or at > row.stripe_seen_at:
        row.stripe_seen_at = at
    if changes:
        row.updated_at = at
        session.add(row)
    return changes


def mirror_invoice(session: Session, row: Subscription, invoice: StripeInvoice) -> BillingInvoice:
    """Our copy of a Stripe invoice; its status only moves forward (draft, open, then paid /
    void / uncollectible), so a late event never reopens a paid invoice."""
    mirror = session.exec(
        select(BillingInvoice).where(BillingInvoice.stripe_invoice_id == invoice.id)
    ).first()
    if mirror is None:
        mirror = BillingInvoice(subscription_id=row.id, stripe_invoice_id=invoice.id)
    if INVOICE_RANK.get(invoice.status, 0) >= INVOICE_RANK.get(mirror.status, 0) or mirror.id is None:
        mirror.status = invoice.status or mirror.status
    mirror.number = invoice.number or mirror.number or invoice.id
    mirror.amount_cents = invoice.total_cents
    mirror.currency = invoice.currency[:3]
    mirror.period_start = stamp(invoice.period_start)
    mirror.period_end = stamp(invoice.period_end)
    mirror.hosted_url = invoice.hosted_url or mirror.hosted_url
    mirror.pdf_url = invoice.pdf_url or mirror.pdf_url
    mirror.created_at = stamp(invoice.created) or mirror.created_at
    session.add(mirror)
    session.flush()
    return mirror


def refresh_invoices(session: Session, row: Subscription, gateway: StripeBilling) -> None:
    if row.stripe_customer_id:
        for invoice in gateway.invoices(row.stripe_customer_id):
            mirror_invoice(session, row, invoice)
