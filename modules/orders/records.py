"""The records orders hands out and takes in: frozen dataclasses, never `Order` rows."""

from dataclasses import dataclass
from datetime import datetime

from modules.payments.public import PaymentRecord


@dataclass(frozen=True)
class OrderAddress:
    name: str
    company: str
    vat_number: str
    line1: str
    line2: str
    postal_code: str
    city: str
    country: str
    phone: str


@dataclass(frozen=True)
class PlacementLine:
    variant_id: int
    quantity: int


@dataclass(frozen=True)
class Placement:
    """What checkout asks for; prices, titles and VAT are read again from catalog at placement."""

    store_id: int
    platform_id: int
    idempotency_key: str
    customer_id: int | None
    email: str
    language: str
    lines: tuple[PlacementLine, ...]
    billing: OrderAddress
    shipping: OrderAddress | None  # None: click-and-collect
    shipping_method: str
    shipping_label: str
    shipping_cents: int
    shipping_vat_rate: int
    payment_method: str  # "card" | "bank_transfer"
    cart_id: int | None
    terms_accepted: bool


@dataclass(frozen=True)
class OrderRecord:
    """A placed order as checkout needs it next: the payment to finish and the status link."""

    id: int
    store_id: int
    number: str
    status: str
    currency: str
    total_cents: int
    vat_cents: int
    payment_method: str
    created_at: datetime
    status_token: str  # the guest order-status link's secret (only its hash is compared)
    payment: PaymentRecord | None  # None when the gateway was unreachable: payments.retry_payment


@dataclass(frozen=True)
class OrderSummary:
    """One row of a list (My orders, the merchant's list)."""

    id: int
    number: str
    status: str
    currency: str
    total_cents: int
    item_count: int
    payment_method: str
    email: str
    created_at: datetime


@dataclass(frozen=True)
class OrderLineRecord:
    product_id: int
    variant_id: int
    sku: str
    title: str  # in the order's language, as it was when ordered
    options: str  # "250 g, Beans" or ""
    quantity: int
    unit_price_cents: int  # gross
    vat_rate: int
    net_cents: int
    vat_cents: int
    total_cents: int  # gross, quantity x unit price


@dataclass(frozen=True)
class VatLine:
    """The order's amounts at one VAT rate (goods and shipping together)."""

    rate: int
    net_cents: int
    vat_cents: int
    gross_cents: int


@dataclass(frozen=True)
class OrderEventRecord:
    kind: str  # "status" | "payment" | "note"
    from_status: str
    to_status: str  # payment events: the event's kind ("succeeded", "refunded", …)
    actor: str
    source: str
    note: str
    amount_cents: int | None  # payment events: the amount (refunds: total refunded so far)
    at: datetime


@dataclass(frozen=True)
class OrderView:
    """One order whole: addresses, lines, VAT per rate and the timeline (oldest first)."""

    id: int
    store_id: int
    number: str
    status: str
    currency: str
    email: str
    language: str
    customer_id: int | None
    subtotal_cents: int
    shipping_cents: int
    shipping_vat_rate: int
    vat_cents: int
    total_cents: int
    payment_method: str
    shipping_method: str
    shipping_label: str
    billing: OrderAddress
    shipping: OrderAddress | None
    lines: tuple[OrderLineRecord, ...]
    vat_lines: tuple[VatLine, ...]
    events: tuple[OrderEventRecord, ...]
    over_plan_limit: bool
    created_at: datetime
    paid_at: datetime | None
    cancelled_at: datetime | None
    expires_at: datetime | None
