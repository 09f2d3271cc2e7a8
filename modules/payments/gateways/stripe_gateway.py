"""Stripe through its SDK: PaymentIntents (card), refunds, and verified webhooks.

One `StripeClient` per call, built from the platform's settings: its secret key, the store's
Connect account (`stripe_account`) when it has one, and `api_base` (localstripe in development
and tests). Network failures become `GatewayUnavailable`; the SDK never retries on its own.
"""

import json
import time
from dataclasses import dataclass

import stripe

from modules.payments.gateways.base import GatewayUpdate, Intent, IntentRequest, RefundResult
from modules.payments.records import GatewayUnavailable
from orion_app.errors import ServiceError

STRIPE_JS_URL = "https://js.stripe.com/v3/"
INTENT_STATUS = {
    "requires_payment_method": "pending",
    "requires_confirmation": "pending",
    "requires_action": "pending",
    "requires_capture": "processing",
    "processing": "processing",
    "succeeded": "succeeded",
    "canceled": "canceled",
}
EVENT_KINDS = {
    "payment_intent.processing": "processing",
    "payment_intent.succeeded": "succeeded",
    "payment_intent.payment_failed": "failed",
    "payment_intent.canceled": "canceled",
    "charge.refunded": "refunded",
}


class CardRefused(ServiceError):
    """The card was declined; the shopper may try another."""

    def __init__(self, reason: str = ""):
        super().__init__("payments.error.card_declined", reason=reason)


class WebhookRefused(Exception):
    """The webhook is not Stripe's, or not now: bad signature, expired or in the future."""


@dataclass(frozen=True)
class StripeAccount:
    secret_key: str
    publishable_key: str
    webhook_secret: str
    api_base: str  # "" = Stripe itself
    timeout_seconds: float = 10.0

    @property
    def stripe_js_url(self) -> str:
        return f"{self.api_base.rstrip('/')}/js.stripe.com/v3/" if self.api_base else STRIPE_JS_URL


class StripeGateway:
    def __init__(self, account: StripeAccount, connect_account: str = ""):
        self.account = account
        self.client = stripe.StripeClient(
            account.secret_key,
            stripe_account=connect_account or None,
            base_addresses={"api": account.api_base} if account.api_base else None,
            max_network_retries=0,
            http_client=stripe.RequestsClient(timeout=account.timeout_seconds),
        )

    def _call(self, fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except (stripe.APIConnectionError, stripe.RateLimitError) as exc:
            raise GatewayUnavailable() from exc
        except stripe.APIError as exc:  # Stripe's own 5xx
            raise GatewayUnavailable() from exc
        except stripe.CardError as exc:
            raise CardRefused(exc.user_message or "") from exc

    def create_intent(self, request: IntentRequest) -> Intent:
        intent = self._call(
            self.client.v1.payment_intents.create,
            {
                "amount": request.amount_cents,
                "currency": request.currency.lower(),
                "payment_method_types": ["card"],
                "metadata": {**request.metadata, "reference": request.reference},
            },
            {"idempotency_key": request.idempotency_key},
        )
        return _intent(intent)

    def confirm(self, ref: str, payment_method: str = "") -> Intent:
        """Confirm with a payment method collected in the browser (a `pm_` or `card_` id), or
        capture what was authorized, or read where the intent stands."""
        if payment_method:
            # Set, then confirm: localstripe refuses `payment_method` on confirm itself.
            self._call(self.client.v1.payment_intents.update, ref, {"payment_method": payment_method})
            intent = self._call(self.client.v1.payment_intents.confirm, ref)
            return _intent(intent)
        intent = self._call(self.client.v1.payment_intents.retrieve, ref)
        if intent.status == "requires_capture":
            intent = self._call(self.client.v1.payment_intents.capture, ref)
        return _intent(intent)

    def refund(self, ref: str, amount_cents: int, idempotency_key: str) -> RefundResult:
        result = self._call(
            self.client.v1.refunds.create,
            {"payment_intent": ref, "amount": amount_cents},
            {"idempotency_key": idempotency_key},
        )
        return RefundResult(ref=result.id, amount_cents=int(result.amount))


def _intent(intent) -> Intent:
    return Intent(
        ref=intent.id,
        status=INTENT_STATUS.get(intent.status, "pending"),
        client_secret=intent.client_secret or "",
    )


def verify_webhook(payload: bytes, signature: str, secret: str, tolerance: int) -> dict:
    """The event, once its signature holds and its time is within `tolerance` either side."""
    try:
        stripe.Webhook.construct_event(payload, signature, secret, tolerance=tolerance)
    except (stripe.SignatureVerificationError, ValueError) as exc:
        raise WebhookRefused(str(exc)[:200]) from exc
    stamps = [p.split("=", 1)[1] for p in signature.split(",") if p.startswith("t=")]
    if not stamps or int(stamps[0]) > time.time() + tolerance:
        raise WebhookRefused("Timestamp in the future")
    return json.loads(payload)


def normalize(event: dict) -> GatewayUpdate:
    """What a verified event says about a payment (kind "" when the type is not one we use)."""
    event_type = str(event.get("type", ""))
    obj = (event.get("data") or {}).get("object") or {}
    kind = EVENT_KINDS.get(event_type, "")
    if event_type.startswith("charge."):
        ref = str(obj.get("payment_intent") or "")
    else:
        ref = str(obj.get("id") or "")
    refunded = int(obj.get("amount_refunded") or 0)
    summary = json.dumps(
        {
            "object": obj.get("id"),
            "amount": obj.get("amount"),
            "status": obj.get("status"),
            "refunded": refunded,
        },
        sort_keys=True,
    )
    return GatewayUpdate(
        event_id=str(event.get("id", "")),
        type=event_type,
        kind=kind,
        payment_ref=ref if kind else "",
        refunded_cents=refunded,
        summary=summary[:1000],
    )
