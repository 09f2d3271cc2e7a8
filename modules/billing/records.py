"""The records billing hands to other modules and pages (frozen dataclasses) and its errors."""

from dataclasses import dataclass, field
from datetime import datetime

from orion_app.errors import ServiceError

INTERVALS = ("month", "year")
STATUSES = ("trialing", "active", "past_due", "read_only", "canceled")
PLAN_CODES = ("essential", "professional", "business", "enterprise")


@dataclass(frozen=True)
class PlanRecord:
    id: int
    code: str
    name: dict[str, str]  # language -> name
    monthly_cents: int
    yearly_cents: int
    on_request: bool
    limits: dict[str, int | None]  # every declared feature: int, None (unlimited) or 0 (not included)
    modules: tuple[str, ...]  # the optional modules the plan includes
    order: int
    active: bool = True

    def name_in(self, lang: str) -> str:
        return self.name.get(lang) or self.name.get("en") or self.code

    def price_cents(self, interval: str) -> int:
        return self.yearly_cents if interval == "year" else self.monthly_cents


@dataclass(frozen=True)
class SubscriptionRecord:
    merchant_id: int
    platform_id: int
    plan: PlanRecord
    interval: str  # month | year
    status: str  # trialing | active | past_due | read_only | canceled
    trial_ends_at: datetime | None
    trial_days_left: int | None  # whole days, while trialing
    current_period_end: datetime | None
    cancel_at_period_end: bool
    pending_plan: PlanRecord | None  # a downgrade waiting for the period's end
    past_due_since: datetime | None
    grace_ends_at: datetime | None  # past_due: read-only from then on
    read_only: bool
    card_brand: str
    card_last4: str
    pending_interval: str = ""
    has_stripe_subscription: bool = False


@dataclass(frozen=True)
class Usage:
    feature: str
    label_key: str  # the declaring module's translation key
    used: int
    limit: int | None  # None: unlimited; 0: not included


@dataclass(frozen=True)
class AffectedMerchant:
    merchant_id: int
    name: str
    store_codes: tuple[str, ...]
    over: dict[str, tuple[int, int]]  # feature -> (usage now, the new limit)


@dataclass(frozen=True)
class CardSetup:
    publishable_key: str
    stripe_js_url: str


@dataclass(frozen=True)
class InvoiceRecord:
    number: str
    created_at: datetime
    amount_cents: int
    status: str  # draft | open | paid | void | uncollectible
    pdf_url: str
    hosted_url: str = ""
    currency: str = "EUR"


@dataclass(frozen=True)
class JobRunRecord:
    id: int
    job: str
    slot: str
    status: str  # running | done | failed
    started_at: datetime
    finished_at: datetime | None
    counts: dict[str, int]
    fixes: tuple[str, ...]
    errors: str


@dataclass(frozen=True)
class SignUpForm:
    plan_code: str
    interval: str  # month | year
    merchant_name: str
    owner_name: str
    email: str
    password: str
    store_code: str
    store_name: str
    languages: tuple[str, ...] = ("fr", "en", "de")
    default_language: str = "fr"
    ui_language: str = "en"
    vat_number: str = ""  # the merchant's, when known (the demo's; the sign-up page asks none)


@dataclass(frozen=True)
class SignUpResult:
    user_id: int
    merchant_id: int
    store_id: int
    store_code: str
    session_token: str


@dataclass(frozen=True)
class SyncDifference:
    """What the hourly sync changed on one subscription to match Stripe."""

    merchant_id: int
    platform_id: int
    field: str
    was: str
    now: str
    extra: dict = field(default_factory=dict)


class DowngradeRefused(ServiceError):
    """The merchant uses more of a feature than the target plan allows."""

    def __init__(self, feature: str, used: int, limit: int):
        super().__init__(
            "billing.error.downgrade_refused", feature=feature, used=used, limit=limit, over=used - limit
        )
        self.feature = feature
        self.used = used
        self.limit = limit


class CardRequired(ServiceError):
    def __init__(self):
        super().__init__("billing.error.card_required")


class ReadOnly(ServiceError):
    """The subscription is unpaid after its grace: the dashboard reads, it does not create."""

    def __init__(self):
        super().__init__("billing.error.read_only")
