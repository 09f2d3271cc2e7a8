"""The mails billing sends to a merchant's contact, each once per occasion (marks kept in
`Subscription.mails_sent`, so a job run twice sends nothing twice)."""

from sqlmodel import Session

from modules.billing.models import Plan, Subscription
from modules.billing.services.subscriptions import grace_ends_at
from modules.messaging.public import send_message
from modules.tenancy.public import merchant_by_id, merchant_store_ids, store_by_id
from orion_app.registry import Frontend
from orion_app.routes import frontend_url


def billing_link(session: Session, row: Subscription) -> str:
    ids = merchant_store_ids(session, [row.merchant_id], row.platform_id)[row.merchant_id]
    store = store_by_id(session, min(ids), active_only=False) if ids else None
    return frontend_url(Frontend.STORE, "billing", store=store.code) if store else ""


def send_once(session: Session, row: Subscription, mark: str, kind: str, context: dict) -> bool:
    if mark in row.mails_sent:
        return False
    merchant = merchant_by_id(session, row.merchant_id)
    if merchant is None or not merchant.contact_email:
        return False
    send_message(
        session,
        kind=kind,
        to_email=merchant.contact_email,
        to_name=merchant.name,
        platform_id=row.platform_id,
        context={**context, "billing_link": billing_link(session, row)},
    )
    row.mails_sent = [*row.mails_sent, mark]
    session.add(row)
    return True


def plan_name(session: Session, row: Subscription) -> str:
    plan = session.get(Plan, row.plan_id)
    return plan.name.get("en") or plan.code


def notify_trial_ending(
    session: Session, row: Subscription, days_left: int, thresholds: tuple[int, ...]
) -> bool:
    """The reminder for the nearest threshold reached (7, 3, 1 days); missed ones are skipped."""
    reached = [d for d in thresholds if days_left <= d]
    if not reached:
        return False
    nearest = min(reached)
    if f"trial_{nearest}" in row.mails_sent:
        return False
    skipped = [f"trial_{d}" for d in reached if d != nearest and f"trial_{d}" not in row.mails_sent]
    row.mails_sent = [*row.mails_sent, *skipped]
    return send_once(
        session,
        row,
        f"trial_{nearest}",
        "billing.trial_ending",
        {
            "days_left": str(days_left),
            "plan_name": plan_name(session, row),
            "trial_ends": row.trial_ends_at.date().isoformat() if row.trial_ends_at else "",
        },
    )


def notify_trial_ended(session: Session, row: Subscription) -> bool:
    return send_once(
        session, row, "trial_ended", "billing.trial_ended", {"plan_name": plan_name(session, row)}
    )


def notify_past_due(session: Session, row: Subscription) -> bool:
    ends = grace_ends_at(row, session)
    return send_once(
        session, row, "past_due", "billing.past_due", {"grace_ends": ends.date().isoformat() if ends else ""}
    )


def notify_read_only(session: Session, row: Subscription) -> bool:
    return send_once(session, row, "read_only", "billing.read_only", {})
