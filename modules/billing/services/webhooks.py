"""Billing's Stripe events (`customer.subscription.*`, `invoice.*`), passed on by payments
once verified and deduplicated, in its transaction. Order-independent: a subscription event
older than the newest Stripe state applied changes nothing, and an invoice's status only
moves forward, so a late `payment_failed` never undoes a `payment_succeeded`."""

import logging
from datetime import UTC, datetime

from sqlmodel import Session, select

from modules.billing.models import BillingInvoice, Subscription
from modules.billing.services.notices import notify_past_due
from modules.billing.services.stripe_sync import apply_subscription, mirror_invoice
from modules.billing.services.subscriptions import set_status
from modules.payments.public import stripe_invoice_from, stripe_subscription_from
from orion_app.db import utcnow

log = logging.getLogger(__name__)


def _by_stripe(session: Session, subscription_id: str, customer_id: str) -> Subscription | None:
    query = select(Subscription).with_for_update()
    if subscription_id:
        return session.exec(query.where(Subscription.stripe_subscription_id == subscription_id)).first()
    if customer_id:
        return session.exec(query.where(Subscription.stripe_customer_id == customer_id)).first()
    return None


def handle_stripe_event(session: Session, event: dict) -> str:
    kind = str(event.get("type", ""))
    data = (event.get("data") or {}).get("object") or {}
    at = datetime.fromtimestamp(int(event["created"]), UTC) if event.get("created") else utcnow()
    if kind.startswith("customer.subscription."):
        sub = stripe_subscription_from(data)
        row = _by_stripe(session, sub.id, "")
        if row is None:
            return "unmatched"
        if row.stripe_seen_at is not None and at < row.stripe_seen_at:
            return "unchanged"  # older than what we applied already
        changes = apply_subscription(session, row, sub, at)
        for change in changes:
            log.info(
                "billing: %s of merchant %s: %s -> %s (%s)",
                change[0],
                row.merchant_id,
                change[1],
                change[2],
                kind,
            )
        return "applied" if changes else "unchanged"
    if kind.startswith("invoice."):
        invoice = stripe_invoice_from(data)
        row = _by_stripe(session, invoice.subscription_id, invoice.customer_id)
        if row is None:
            return "unmatched"
        mirror = mirror_invoice(session, row, invoice)
        changed = _invoice_status(session, row, kind, mirror, at)
        return "applied" if changed or mirror else "unchanged"
    return ""


def _invoice_status(
    session: Session, row: Subscription, kind: str, mirror: BillingInvoice, at: datetime
) -> bool:
    if kind == "invoice.payment_failed" and mirror.status != "paid" and row.status in ("active", "trialing"):
        if row.stripe_seen_at is not None and at < row.stripe_seen_at:
            return False
        set_status(row, "past_due", at)
        row.stripe_seen_at = at
        notify_past_due(session, row)
        session.add(row)
        return True
    if kind in ("invoice.payment_succeeded", "invoice.paid") and row.status in ("past_due", "read_only"):
        still_open = session.exec(
            select(BillingInvoice.id).where(
                BillingInvoice.subscription_id == row.id, BillingInvoice.status == "open"
            )
        ).first()
        if still_open is None:
            set_status(row, "active", at)
            row.stripe_seen_at = max(at, row.stripe_seen_at or at)
            session.add(row)
            return True
    return False
