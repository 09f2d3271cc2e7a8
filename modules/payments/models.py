"""Payments tables: payments, refunds, every gateway event received, and gateway settings."""

from datetime import datetime

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field

from orion_app.db import utcnow
from orion_app.tables import Row


class Payment(Row, table=True):
    """One attempt to be paid for an order; `idempotency_key` is unique per store."""

    __tablename__ = "payment"
    __table_args__ = (
        UniqueConstraint("store_id", "idempotency_key"),
        Index("ix_payment_store_order", "store_id", "order_id"),
    )

    store_id: int = Field(foreign_key="store.id")
    platform_id: int = Field(foreign_key="platform.id")
    order_id: int
    reference: str = Field(max_length=64)  # the order number
    method: str = Field(max_length=20)  # card | bank_transfer
    gateway: str = Field(max_length=20)  # stripe | bank_transfer
    gateway_ref: str = Field(default="", max_length=255, index=True)  # e.g. the PaymentIntent id
    client_secret_encrypted: str = Field(default="", max_length=1000)
    connect_account: str = Field(default="", max_length=255)
    status: str = Field(default="pending", max_length=20)
    amount_cents: int
    refunded_cents: int = 0
    currency: str = Field(default="EUR", max_length=3)
    customer_email: str = Field(default="", max_length=254)
    description: str = Field(default="", max_length=500)
    idempotency_key: str = Field(max_length=128)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class Refund(Row, table=True):
    """Money given back on a payment: by the merchant here, or seen in a gateway event."""

    __tablename__ = "payment_refund"

    payment_id: int = Field(foreign_key="payment.id", index=True)
    store_id: int = Field(foreign_key="store.id", index=True)
    amount_cents: int
    gateway_ref: str = Field(default="", max_length=255)  # e.g. the Stripe refund id
    actor: str = Field(default="", max_length=200)
    created_at: datetime = Field(default_factory=utcnow)


class PaymentEventRow(Row, table=True):
    """A PaymentEvent as dispatched to other modules, kept for the order timeline."""

    __tablename__ = "payment_event"
    __table_args__ = (Index("ix_payment_event_store_order", "store_id", "order_id"),)

    payment_id: int = Field(foreign_key="payment.id", index=True)
    store_id: int = Field(foreign_key="store.id")
    order_id: int
    kind: str = Field(max_length=20)
    amount_cents: int
    refunded_cents: int = 0
    source: str = Field(max_length=255)
    actor: str = Field(default="", max_length=200)
    occurred_at: datetime = Field(default_factory=utcnow)


class GatewayEvent(Row, table=True):
    """Every webhook call received, with what became of it (event id unique: one effect)."""

    __tablename__ = "payment_gateway_event"
    __table_args__ = (UniqueConstraint("gateway", "event_id"),)

    gateway: str = Field(default="stripe", max_length=20)
    event_id: str = Field(max_length=255)  # the gateway's id; "rejected:<uuid>" when unreadable
    type: str = Field(default="", max_length=100)
    outcome: str = Field(max_length=20)  # applied | duplicate | ignored | unmatched | rejected
    detail: str = Field(default="", max_length=500)
    payment_id: int | None = Field(default=None, foreign_key="payment.id")
    summary: str = Field(default="", max_length=1000)  # object id, amount, status: no card data
    deliveries: int = 1  # how many times the gateway sent it (the effect happened once)
    received_at: datetime = Field(default_factory=utcnow, index=True)


class PaymentGatewaySettings(Row, table=True):
    """A platform's Stripe account; without a row the PAYMENTS_* settings apply."""

    __tablename__ = "payment_gateway_settings"

    platform_id: int = Field(foreign_key="platform.id", unique=True)
    stripe_publishable_key: str = Field(default="", max_length=255)
    stripe_secret_key_encrypted: str = Field(default="", max_length=1000)  # orion_app.crypto token
    stripe_webhook_secret_encrypted: str = Field(default="", max_length=1000)
    stripe_api_base: str = Field(default="", max_length=255)  # "" = Stripe; localstripe in development
    updated_at: datetime = Field(default_factory=utcnow)


class StorePaymentSettings(Row, table=True):
    """What a store offers: card, bank transfer (with its account) and its Connect account."""

    __tablename__ = "store_payment_settings"

    store_id: int = Field(foreign_key="store.id", unique=True)
    card_enabled: bool = True
    bank_transfer_enabled: bool = False
    iban: str = Field(default="", max_length=34)
    bic: str = Field(default="", max_length=11)
    beneficiary: str = Field(default="", max_length=120)
    stripe_account_id: str = Field(default="", max_length=255)  # Stripe Connect "acct_..."
    updated_at: datetime = Field(default_factory=utcnow)
