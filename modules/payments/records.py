"""The records payments hands to other modules (frozen dataclasses) and its one error."""

from dataclasses import dataclass, field
from datetime import datetime

from orion_app.errors import ServiceError

PAYMENT_EVENT_HANDLERS = "payment_event_handlers"
# Verified, deduplicated Stripe events that are not a payment's (customer.subscription.*,
# invoice.*): each contributed `(session, event: dict) -> str` gets them in the webhook's
# transaction and answers its outcome ("applied", "unchanged", "unmatched", "" = not mine).
STRIPE_EVENT_HANDLERS = "stripe_event_handlers"
METHODS = ("card", "bank_transfer")
STATUSES = ("pending", "processing", "succeeded", "failed", "canceled")
EVENT_KINDS = ("processing", "succeeded", "failed", "canceled", "refunded")


@dataclass(frozen=True)
class PaymentRequest:
    store_id: int
    platform_id: int
    order_id: int
    reference: str  # the order number
    amount_cents: int
    currency: str
    method: str  # "card" | "bank_transfer"
    customer_email: str
    idempotency_key: str
    description: str = ""


@dataclass(frozen=True)
class PaymentRecord:
    id: int
    store_id: int
    order_id: int
    method: str
    status: str  # "pending" | "processing" | "succeeded" | "failed" | "canceled"
    amount_cents: int
    refunded_cents: int
    client_secret: str  # card: the PaymentIntent's client secret, else ""
    publishable_key: str  # card: the platform's publishable key, else ""
    stripe_js_url: str  # card: where Stripe.js is served (localstripe in dev/tests), else ""
    instructions: dict = field(default_factory=dict)  # bank transfer: iban, bic, beneficiary, reference


@dataclass(frozen=True)
class PaymentEvent:
    """What payments tells other modules, whatever the gateway said."""

    kind: str  # "processing" | "succeeded" | "failed" | "canceled" | "refunded"
    payment_id: int
    store_id: int
    order_id: int
    amount_cents: int  # of the payment
    refunded_cents: int  # total refunded so far (for "refunded"; full when == amount)
    source: str  # "stripe:evt_..." | "manual:<user id>"
    actor: str  # who did it, for timelines ("Stripe", a staff name)
    occurred_at: datetime


class GatewayUnavailable(ServiceError):
    """The gateway (Stripe) could not be reached; the caller keeps the order pending."""

    def __init__(self, message_key: str = "payments.error.gateway_unavailable", **params: object):
        super().__init__(message_key, **params)
