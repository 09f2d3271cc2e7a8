"""Payments' public face: start, retry, refund and mark a payment paid; read payments and events.

Records cross the border as frozen dataclasses. Every function takes the caller's session and
the store id and touches only that store's rows (a payment id from a client is re-scoped by
store: another store's id is NotFound). Nothing here commits: the caller commits.

Every change of a payment is told to other modules as a `PaymentEvent`, dispatched to the
registry contribution point `"payment_event_handlers"` (callables `(session, PaymentEvent)`)
inside the same transaction. See docs/payments.md.

The card form shopper pages share (`card_element`, and the scripts `mount_card`, `card_token`,
`authenticate`) lives in `card_form.py`: checkout and orders' "Pay now" both use it.
"""

from sqlmodel import Session

from modules.payments.card_form import authenticate, card_element, card_token, mount_card
from modules.payments.gateways.stripe_billing import (
    StripeBilling,
    StripeCard,
    StripeInvoice,
    StripeSubscription,
)
from modules.payments.gateways.stripe_billing import invoice_of as stripe_invoice_from
from modules.payments.gateways.stripe_billing import subscription_of as stripe_subscription_from
from modules.payments.gateways.stripe_gateway import CardRefused
from modules.payments.records import (
    PAYMENT_EVENT_HANDLERS,
    STRIPE_EVENT_HANDLERS,
    GatewayUnavailable,
    PaymentEvent,
    PaymentRecord,
    PaymentRequest,
)
from modules.payments.services import settings
from modules.payments.services.payments import (
    confirm_card,
    events_of,
    mark_paid,
    payments_of,
    refund,
    retry_payment,
    start_payment,
)

__all__ = [
    "PAYMENT_EVENT_HANDLERS",
    "STRIPE_EVENT_HANDLERS",
    "CardRefused",
    "GatewayUnavailable",
    "PaymentEvent",
    "PaymentRecord",
    "PaymentRequest",
    "StripeBilling",
    "StripeCard",
    "StripeInvoice",
    "StripeSubscription",
    "authenticate",
    "card_element",
    "card_token",
    "confirm_card",
    "events_of",
    "mark_paid",
    "mount_card",
    "payments_of",
    "refund",
    "retry_payment",
    "start_payment",
    "stripe_billing",
    "stripe_invoice_from",
    "stripe_subscription_from",
]


def stripe_billing(session: Session, platform_id: int) -> StripeBilling:
    """The platform's Stripe account (its settings, else PAYMENTS_*) for subscriptions."""
    return StripeBilling(settings.stripe_account(session, platform_id))
