"""Stripe webhooks: verify, record, deduplicate, apply — in one transaction.

Every call is recorded as a `GatewayEvent` with its outcome: rejected (bad signature, expired
or future timestamp; answered 400), duplicate (an event id seen before; its row counts the
delivery), ignored (a type payments does not use), unmatched (no payment has that intent),
applied or unchanged. The event row is inserted first, so two deliveries of one event racing
each other meet the unique constraint: one applies, the other is a duplicate.
"""

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from modules.payments.config import get_payments_config
from modules.payments.gateways.stripe_gateway import WebhookRefused, normalize, verify_webhook
from modules.payments.models import GatewayEvent, Payment
from modules.payments.records import STRIPE_EVENT_HANDLERS
from modules.payments.services import settings
from modules.payments.services.payments import advance, converge_refunds
from orion_app.registry import get_registry

ACTOR = "Stripe"


@dataclass(frozen=True)
class WebhookOutcome:
    status_code: int
    outcome: str


def _verified(session: Session, payload: bytes, signature: str) -> dict:
    tolerance = get_payments_config().webhook_tolerance_seconds
    problem = "No signing secret configured"
    for secret in settings.webhook_secrets(session):
        try:
            return verify_webhook(payload, signature, secret, tolerance)
        except WebhookRefused as exc:
            problem = str(exc)
    raise WebhookRefused(problem)


def handle_stripe_webhook(session: Session, payload: bytes, signature: str) -> WebhookOutcome:
    """Process one delivery and commit; the HTTP answer follows the commit."""
    try:
        event = _verified(session, payload, signature)
    except WebhookRefused as exc:
        session.add(
            GatewayEvent(event_id=f"rejected:{uuid.uuid4().hex}", outcome="rejected", detail=str(exc)[:500])
        )
        session.commit()
        return WebhookOutcome(400, "rejected")
    update = normalize(event)
    row = GatewayEvent(
        event_id=update.event_id, type=update.type[:100], outcome="received", summary=update.summary
    )
    try:
        with session.begin_nested():
            session.add(row)
            session.flush()
    except IntegrityError:
        return _duplicate(session, update.event_id)
    row.outcome = _apply(session, row, update, event)
    session.add(row)
    session.commit()
    return WebhookOutcome(200, row.outcome)


def _duplicate(session: Session, event_id: str) -> WebhookOutcome:
    seen = session.exec(
        select(GatewayEvent)
        .where(GatewayEvent.gateway == "stripe", GatewayEvent.event_id == event_id)
        .with_for_update()
    ).one()
    seen.deliveries += 1
    session.add(seen)
    session.commit()
    return WebhookOutcome(200, "duplicate")


def _apply(session: Session, row: GatewayEvent, update, event: dict) -> str:
    if not update.kind:
        return _pass_on(session, event)
    payment = session.exec(
        select(Payment)
        .where(Payment.gateway == "stripe", Payment.gateway_ref == update.payment_ref)
        .with_for_update()
    ).first()
    if payment is None:
        return "unmatched"
    row.payment_id = payment.id
    at = datetime.fromtimestamp(int(event.get("created") or 0), UTC) if event.get("created") else None
    at = at or datetime.now(UTC)
    source = f"stripe:{update.event_id}"
    if update.kind == "refunded":
        changed = converge_refunds(session, payment, update.refunded_cents, source=source, actor=ACTOR, at=at)
    else:
        changed = advance(session, payment, update.kind, source=source, actor=ACTOR, at=at)
    return "applied" if changed else "unchanged"


def _pass_on(session: Session, event: dict) -> str:
    """An event no payment uses, handed to the modules contributing `stripe_event_handlers`
    (billing's subscriptions and invoices); "ignored" when none takes it."""
    outcomes = [
        handler(session, event) for _module, handler in get_registry().contributions(STRIPE_EVENT_HANDLERS)
    ]
    taken = [outcome for outcome in outcomes if outcome]
    return taken[0][:20] if taken else "ignored"
