"""Billing tables: plans (per platform), one subscription per merchant and platform, the
mirror of Stripe's invoices, usage snapshots per closed period, and job runs."""

from datetime import datetime

from sqlalchemy import JSON, Column, Index, Text, UniqueConstraint
from sqlmodel import Field

from orion_app.access_cache import watch_models
from orion_app.db import utcnow
from orion_app.tables import Row


class Plan(Row, table=True):
    """A tier of a platform. `limits` maps a feature code (any module's) to its limit: an
    int, None (unlimited) or 0 (not included); a feature absent from it keeps the default
    its module declares. `modules` lists the optional modules the plan includes."""

    __tablename__ = "billing_plan"
    __table_args__ = (UniqueConstraint("platform_id", "code"),)

    platform_id: int = Field(foreign_key="platform.id", index=True)
    code: str = Field(max_length=40)
    name: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))  # lang -> name
    monthly_cents: int = 0
    yearly_cents: int = 0
    on_request: bool = False  # not self-serve (Enterprise "on request")
    limits: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    modules: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    order: int = 0
    active: bool = True
    stripe_plan_monthly: str = Field(default="", max_length=255)
    stripe_plan_yearly: str = Field(default="", max_length=255)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class Subscription(Row, table=True):
    """A merchant's plan on one platform: our trial first, then Stripe's subscription."""

    __tablename__ = "billing_subscription"
    __table_args__ = (
        UniqueConstraint("merchant_id", "platform_id"),
        Index("ix_billing_subscription_status", "status"),
    )

    merchant_id: int = Field(foreign_key="merchant.id", index=True)
    platform_id: int = Field(foreign_key="platform.id", index=True)
    plan_id: int = Field(foreign_key="billing_plan.id", index=True)
    interval: str = Field(default="month", max_length=5)  # month | year
    status: str = Field(default="trialing", max_length=20)  # trialing|active|past_due|read_only|canceled
    trial_ends_at: datetime | None = None
    current_period_start: datetime | None = None
    current_period_end: datetime | None = None
    cancel_at_period_end: bool = False
    pending_plan_id: int | None = Field(default=None, foreign_key="billing_plan.id")
    pending_interval: str = Field(default="", max_length=5)
    past_due_since: datetime | None = None
    read_only_since: datetime | None = None
    canceled_at: datetime | None = None
    stripe_customer_id: str = Field(default="", max_length=255, index=True)
    stripe_subscription_id: str = Field(default="", max_length=255, index=True)
    card_brand: str = Field(default="", max_length=40)
    card_last4: str = Field(default="", max_length=4)
    # Mails already sent, so a job run twice sends each once: "trial_7", "trial_3",
    # "trial_1", "trial_ended", "past_due", "read_only".
    mails_sent: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    # The newest Stripe state applied (the event's `created`, or a sync's time): an older
    # event arriving late never overwrites a newer state.
    stripe_seen_at: datetime | None = None
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class BillingInvoice(Row, table=True):
    """Stripe's invoice of a subscription, as Stripe last told it."""

    __tablename__ = "billing_invoice"

    subscription_id: int = Field(foreign_key="billing_subscription.id", index=True)
    stripe_invoice_id: str = Field(max_length=255, unique=True)
    number: str = Field(default="", max_length=100)
    amount_cents: int = 0
    currency: str = Field(default="EUR", max_length=3)
    status: str = Field(default="draft", max_length=20)  # draft | open | paid | void | uncollectible
    period_start: datetime | None = None
    period_end: datetime | None = None
    hosted_url: str = Field(default="", max_length=1000)
    pdf_url: str = Field(default="", max_length=1000)
    created_at: datetime = Field(default_factory=utcnow)


class UsageSnapshot(Row, table=True):
    """The usage of a subscription's limited features when a period closed (counters that
    count per period, like orders per month, start again from zero after it)."""

    __tablename__ = "billing_usage_snapshot"
    __table_args__ = (UniqueConstraint("subscription_id", "period"),)

    subscription_id: int = Field(foreign_key="billing_subscription.id", index=True)
    period: str = Field(max_length=7)  # "2026-11": the calendar month that closed
    counts: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)


class JobRun(Row, table=True):
    """One run of a scheduled billing job for one slot; unique, so a second scheduler (or a
    second run) of the same slot finds the row and does nothing."""

    __tablename__ = "billing_job_run"
    __table_args__ = (UniqueConstraint("job", "slot"),)

    job: str = Field(max_length=60)
    slot: str = Field(max_length=20)  # the scheduled time, "2026-11-29T01:00"
    status: str = Field(default="running", max_length=10)  # running | done | failed
    started_at: datetime = Field(default_factory=utcnow)
    finished_at: datetime | None = None
    counts: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    fixes: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    errors: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))


# A plan's modules and a subscription's state are inputs of the guard (plan layer).
watch_models((Plan, Subscription))
