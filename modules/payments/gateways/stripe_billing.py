"""Stripe Billing through the same account and plumbing as payments: customers with a card
(a Stripe.js token), plans, subscriptions, invoices. Plain dicts and dataclasses out;
network failures (and Stripe's 5xx) become `GatewayUnavailable`, a declined card
`CardRefused`. localstripe (development, tests) speaks this older Plans API; what it lacks is
listed in docs/billing.md."""

import time
from dataclasses import dataclass

from modules.payments.gateways.stripe_gateway import StripeAccount, StripeGateway


@dataclass(frozen=True)
class StripeCard:
    customer_id: str
    brand: str
    last4: str


@dataclass(frozen=True)
class StripeSubscription:
    """What Stripe says about a subscription now."""

    id: str
    customer_id: str
    status: str  # Stripe's: active | past_due | unpaid | canceled | incomplete | trialing ...
    plan_id: str
    current_period_start: int
    current_period_end: int
    cancel_at_period_end: bool
    latest_invoice_status: str  # "" when unknown
    metadata: dict


@dataclass(frozen=True)
class StripeInvoice:
    id: str
    subscription_id: str
    customer_id: str
    number: str
    status: str  # draft | open | paid | void | uncollectible
    total_cents: int
    currency: str
    created: int
    period_start: int
    period_end: int
    hosted_url: str
    pdf_url: str


def subscription_of(data: dict) -> StripeSubscription:
    plan = data.get("plan") or {}
    if not plan:
        items = (data.get("items") or {}).get("data") or []
        plan = (items[0].get("plan") or {}) if items else {}
    latest = data.get("latest_invoice")
    return StripeSubscription(
        id=str(data.get("id", "")),
        customer_id=str(data.get("customer") or ""),
        status=str(data.get("status") or ""),
        plan_id=str(plan.get("id") or "") if isinstance(plan, dict) else str(plan),
        current_period_start=int(data.get("current_period_start") or 0),
        current_period_end=int(data.get("current_period_end") or 0),
        cancel_at_period_end=bool(data.get("cancel_at_period_end")),
        latest_invoice_status=str(latest.get("status") or "") if isinstance(latest, dict) else "",
        metadata=dict(data.get("metadata") or {}),
    )


def invoice_of(data: dict) -> StripeInvoice:
    return StripeInvoice(
        id=str(data.get("id", "")),
        subscription_id=str(data.get("subscription") or ""),
        customer_id=str(data.get("customer") or ""),
        number=str(data.get("number") or ""),
        status=str(data.get("status") or ""),
        total_cents=int(data.get("total") or 0),
        currency=str(data.get("currency") or "eur").upper(),
        created=int(data.get("created") or data.get("date") or 0),
        period_start=int(data.get("period_start") or 0),
        period_end=int(data.get("period_end") or 0),
        hosted_url=str(data.get("hosted_invoice_url") or ""),
        pdf_url=str(data.get("invoice_pdf") or ""),
    )


class StripeBilling(StripeGateway):
    """The subscription face of the Stripe gateway (same client, same error mapping)."""

    def __init__(self, account: StripeAccount):
        super().__init__(account)

    def create_customer(self, email: str, name: str, card_token: str, metadata: dict) -> StripeCard:
        customer = self._call(
            self.client.v1.customers.create,
            {"email": email, "name": name, "source": card_token, "metadata": metadata},
        )
        return self._card(customer.id, customer.default_source)

    def replace_card(self, customer_id: str, card_token: str) -> StripeCard:
        source = self._call(
            self.client.v1.customers.payment_sources.create, customer_id, {"source": card_token}
        )
        self._call(self.client.v1.customers.update, customer_id, {"default_source": source.id})
        return StripeCard(customer_id=customer_id, brand=source.brand or "", last4=source.last4 or "")

    def _card(self, customer_id: str, source_id: str) -> StripeCard:
        source = self._call(self.client.v1.customers.payment_sources.retrieve, customer_id, source_id)
        return StripeCard(customer_id=customer_id, brand=source.brand or "", last4=source.last4 or "")

    def create_plan(self, amount_cents: int, currency: str, interval: str, name: str, metadata: dict) -> str:
        plan = self._call(
            self.client.v1.plans.create,
            {
                "amount": amount_cents,
                "currency": currency.lower(),
                "interval": interval,
                "product": {"name": name},
                "metadata": metadata,
            },
        )
        return plan.id

    def create_subscription(self, customer_id: str, plan_id: str, metadata: dict) -> StripeSubscription:
        """Starts now: Stripe invoices the first period and charges the card at once."""
        sub = self._call(
            self.client.v1.subscriptions.create,
            {"customer": customer_id, "items": [{"plan": plan_id}], "metadata": metadata},
        )
        return subscription_of(sub.to_dict())

    def change_plan(self, subscription_id: str, plan_id: str, *, invoice_now: bool) -> StripeSubscription:
        """Move the subscription to another plan. `invoice_now` (an upgrade): the proration
        Stripe computes is invoiced and charged at once; else it waits for the next invoice."""
        current = self._call(self.client.v1.subscriptions.retrieve, subscription_id)
        item = current["items"].data[0].id
        sub = self._call(
            self.client.v1.subscriptions.update,
            subscription_id,
            {"items": [{"id": item, "plan": plan_id}], "proration_date": int(time.time())},
        )
        if invoice_now:
            invoice = self._call(
                self.client.v1.invoices.create, {"customer": sub.customer, "subscription": subscription_id}
            )
            if invoice.status == "draft" and int(invoice.total or 0) > 0:
                self._call(self.client.v1.invoices.pay, invoice.id)
        return self.subscription(subscription_id)

    def set_cancel_at_period_end(self, subscription_id: str, cancel: bool) -> StripeSubscription:
        sub = self._call(
            self.client.v1.subscriptions.update, subscription_id, {"cancel_at_period_end": cancel}
        )
        return subscription_of(sub.to_dict())

    def cancel_now(self, subscription_id: str) -> StripeSubscription:
        sub = self._call(self.client.v1.subscriptions.cancel, subscription_id)
        return subscription_of(sub.to_dict())

    def subscription(self, subscription_id: str) -> StripeSubscription:
        sub = self._call(
            self.client.v1.subscriptions.retrieve, subscription_id, {"expand": ["latest_invoice"]}
        )
        return subscription_of(sub.to_dict())

    def subscriptions(self, page_size: int = 100):
        """Every subscription of the account, a page (one call) at a time: Stripe's list API
        with `starting_after`, so 10,000 subscriptions take 100 calls."""
        after = ""
        while True:
            params = {"limit": page_size, "status": "all", "expand": ["data.latest_invoice"]}
            if after:
                params["starting_after"] = after
            page = self._call(self.client.v1.subscriptions.list, params)
            rows = [row.to_dict() for row in page.data]
            yield [subscription_of(row) for row in rows]
            if not page.has_more or not rows:
                return
            after = rows[-1]["id"]

    def invoices(self, customer_id: str) -> list[StripeInvoice]:
        page = self._call(self.client.v1.invoices.list, {"customer": customer_id, "limit": 100})
        return [invoice_of(row.to_dict()) for row in page.data]

    def pay_open_invoices(self, customer_id: str) -> int:
        """Charge the (new) card for what is still owed; the number of invoices paid."""
        paid = 0
        for invoice in self.invoices(customer_id):
            if invoice.status == "open":
                result = self._call(self.client.v1.invoices.pay, invoice.id)
                paid += result.status == "paid"
        return paid
