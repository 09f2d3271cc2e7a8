"""The gateway protocol: plain dataclasses in and out, no rows and no sessions.

A gateway creates an intent, confirms or captures it, refunds it (in full or in part) and
turns a webhook into a normalized `GatewayUpdate`. Services own the rows; gateways only talk
to the provider.
"""

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class IntentRequest:
    amount_cents: int
    currency: str
    reference: str  # the order number
    idempotency_key: str
    metadata: dict


@dataclass(frozen=True)
class Intent:
    ref: str  # the provider's id (PaymentIntent id), "" for bank transfer
    status: str  # pending | processing | succeeded | failed | canceled
    client_secret: str = ""


@dataclass(frozen=True)
class RefundResult:
    ref: str
    amount_cents: int


@dataclass(frozen=True)
class GatewayUpdate:
    """A webhook event, normalized: which payment it is about and what it says now."""

    event_id: str
    type: str
    kind: str  # processing | succeeded | failed | canceled | refunded | "" (ignored)
    payment_ref: str  # the PaymentIntent id
    refunded_cents: int  # for "refunded": the provider's total refunded so far
    summary: str


class Gateway(Protocol):
    def create_intent(self, request: IntentRequest) -> Intent: ...

    def confirm(self, ref: str, payment_method: str = "") -> Intent: ...

    def refund(self, ref: str, amount_cents: int, idempotency_key: str) -> RefundResult: ...
