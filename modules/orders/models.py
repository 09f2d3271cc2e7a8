"""Orders tables: the order, its lines (copied from catalog at placement), its timeline and
the per-store number counter.

An order keeps its own copy of everything it was placed with (addresses, titles, prices,
VAT): the customer may be anonymised and the product renamed or repriced later; the order
stays as it was sold. Amounts are integer cents, gross unless the name says net/vat.
"""

from datetime import datetime
from decimal import Decimal

from sqlalchemy import JSON, Column, Index, UniqueConstraint
from sqlmodel import Field

from modules.orders.vat_rate_type import VatRate
from orion_app.db import utcnow
from orion_app.tables import Row


class Order(Row, table=True):
    __tablename__ = "shop_order"  # "order" is an SQL keyword
    __table_args__ = (
        UniqueConstraint("store_id", "number", name="uq_shop_order_number"),
        UniqueConstraint("store_id", "idempotency_key", name="uq_shop_order_idempotency_key"),
        Index("ix_shop_order_store_created", "store_id", "created_at"),
        Index("ix_shop_order_unpaid_expiry", "status", "expires_at"),
    )

    store_id: int = Field(foreign_key="store.id", index=True)
    platform_id: int = Field(foreign_key="platform.id")
    number: str = Field(max_length=24)  # CL-2026-000123
    customer_id: int | None = Field(default=None, foreign_key="customer.id", index=True)
    email: str = Field(max_length=254)
    customer_name: str = Field(default="", max_length=120)  # the billing name, for lists and search
    language: str = Field(max_length=2)
    status: str = Field(max_length=20, index=True)
    currency: str = Field(default="EUR", max_length=3)
    subtotal_cents: int  # lines, gross
    shipping_cents: int
    shipping_vat_rate: int | Decimal = Field(sa_column=Column(VatRate, nullable=False))
    vat_cents: int
    total_cents: int
    # The VAT rules applied (services/vat_rules.py): domestic | intra_eu_b2c_origin | oss |
    # reverse_charge | export, the invoice's legal mention key ("" for none) and the country
    # whose VAT was charged ("" for reverse charge and export).
    vat_treatment: str = Field(default="domestic", max_length=24)
    vat_mention: str = Field(default="", max_length=60)
    vat_country: str = Field(default="LU", max_length=2)
    payment_method: str = Field(max_length=20)
    shipping_method: str = Field(default="", max_length=60)
    shipping_label: str = Field(default="", max_length=200)
    billing_address: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    shipping_address: dict | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    idempotency_key: str = Field(max_length=100)
    cart_fingerprint: str = Field(max_length=64)  # SHA-256 of the placement's content
    cart_id: int | None = None  # cart's id, kept as a plain number (no foreign key to cart)
    status_token_hash: str = Field(max_length=64)  # SHA-256 of the guest link's token
    status_token_sealed: str = Field(max_length=300)  # the token, encrypted, for later mails
    over_plan_limit: bool = False  # placed above the plan's orders_per_month: merchant warned
    created_at: datetime = Field(default_factory=utcnow)
    paid_at: datetime | None = None
    cancelled_at: datetime | None = None
    expires_at: datetime | None = None  # unpaid orders are cancelled after this


class OrderLine(Row, table=True):
    __tablename__ = "order_line"

    order_id: int = Field(foreign_key="shop_order.id", index=True)
    store_id: int = Field(foreign_key="store.id", index=True)
    position: int
    product_id: int  # catalog ids, no foreign key: the line outlives a deleted product
    variant_id: int = Field(index=True)
    sku: str = Field(max_length=64, index=True)
    title: str = Field(max_length=300)
    options: str = Field(default="", max_length=300)
    quantity: int
    stock_reserved: bool = True  # False for goods stock does not limit (digital): nothing to consume
    unit_price_cents: int
    vat_rate: int | Decimal = Field(sa_column=Column(VatRate, nullable=False))  # 17, or 5.5 (OSS)
    net_cents: int
    vat_cents: int
    total_cents: int


class OrderEvent(Row, table=True):
    """The timeline: status changes, payment events and notes, append-only."""

    __tablename__ = "order_event"
    __table_args__ = (
        # A payment event is recorded once, however often the gateway repeats it (NULL for
        # status changes and notes: NULLs never collide).
        UniqueConstraint("order_id", "dedupe_key", name="uq_order_event_dedupe_key"),
    )

    order_id: int = Field(foreign_key="shop_order.id", index=True)
    store_id: int = Field(foreign_key="store.id", index=True)
    kind: str = Field(max_length=20)  # status | payment | note
    from_status: str = Field(default="", max_length=20)
    to_status: str = Field(default="", max_length=20)  # payment events: the event's kind (succeeded, …)
    actor: str = Field(default="", max_length=120)
    source: str = Field(default="", max_length=120)  # "stripe:evt_…", "manual:<user>", "job:expiry", "" …
    note: str = Field(default="", max_length=1000)
    amount_cents: int | None = None  # a payment event's amount (refunds: the total refunded so far)
    dedupe_key: str | None = Field(default=None, max_length=200)
    at: datetime = Field(default_factory=utcnow)


class OrderCounter(Row, table=True):
    """The last number given in a store and year: taken in the placing transaction, so a
    rolled-back placement gives its number back and the sequence has no gaps."""

    __tablename__ = "order_counter"
    __table_args__ = (UniqueConstraint("store_id", "year", name="uq_order_counter_store_year"),)

    store_id: int = Field(foreign_key="store.id")
    year: int
    last: int = 0


# --- Fulfilment and returns (helper FUL; docs/orders.md "Fulfilment and returns") ---


class Shipment(Row, table=True):
    """A parcel sent for an order: some units of some lines, with its carrier's tracking."""

    __tablename__ = "order_shipment"

    order_id: int = Field(foreign_key="shop_order.id", index=True)
    store_id: int = Field(foreign_key="store.id", index=True)
    carrier: str = Field(max_length=20)  # a code of services/carriers.py
    tracking_number: str = Field(default="", max_length=60)
    tracking_url: str = Field(default="", max_length=500)  # "other" carrier: the merchant's link
    shipped_at: datetime = Field(default_factory=utcnow)
    delivered_at: datetime | None = None
    created_by: str = Field(default="", max_length=120)


class ShipmentLine(Row, table=True):
    __tablename__ = "order_shipment_line"

    shipment_id: int = Field(foreign_key="order_shipment.id", index=True)
    order_line_id: int = Field(foreign_key="order_line.id", index=True)
    store_id: int = Field(foreign_key="store.id", index=True)
    quantity: int


class ReturnRequest(Row, table=True):
    """A customer's request to send units back (RMA): requested -> accepted|refused -> received."""

    __tablename__ = "order_return"

    order_id: int = Field(foreign_key="shop_order.id", index=True)
    store_id: int = Field(foreign_key="store.id", index=True)
    customer_id: int | None = Field(default=None, foreign_key="customer.id", index=True)
    status: str = Field(default="requested", max_length=20)
    reason: str = Field(default="", max_length=1000)
    created_at: datetime = Field(default_factory=utcnow)
    decided_at: datetime | None = None
    received_at: datetime | None = None


class ReturnLine(Row, table=True):
    __tablename__ = "order_return_line"

    return_id: int = Field(foreign_key="order_return.id", index=True)
    order_line_id: int = Field(foreign_key="order_line.id", index=True)
    store_id: int = Field(foreign_key="store.id", index=True)
    quantity: int
    disposition: str = Field(default="", max_length=20)  # restock | write_off, chosen at receipt


class FulfilmentSettings(Row, table=True):
    """A store's fulfilment settings (no row: the defaults)."""

    __tablename__ = "order_fulfilment_settings"
    __table_args__ = (UniqueConstraint("store_id", name="uq_order_fulfilment_settings_store"),)

    store_id: int = Field(foreign_key="store.id")
    return_days: int = 14  # the EU withdrawal period, from delivery (or shipment if not delivered)


# --- Invoices and credit notes (services/invoices.py, services/credit_notes.py) ----------


class InvoiceSettings(Row, table=True):
    """A store's invoicing choices and the seller details tenancy does not keep."""

    __tablename__ = "invoice_settings"

    store_id: int = Field(foreign_key="store.id", unique=True)
    invoice_on: str = Field(default="payment", max_length=10)  # payment | shipment
    seller_address: str = Field(default="", max_length=400)  # lines separated by "\n"
    registration_number: str = Field(default="", max_length=40)  # RCS Luxembourg B123456
    payment_terms_days: int = 0  # 0: paid at order


class DocumentSequence(Row, table=True):
    """The last number of a merchant's invoices (or credit notes) in a year, taken in the
    issuing transaction: a rolled-back issue gives its number back, so no gaps."""

    __tablename__ = "document_sequence"
    __table_args__ = (
        UniqueConstraint("merchant_id", "year", "kind", name="uq_document_sequence_merchant_year_kind"),
    )

    merchant_id: int = Field(foreign_key="merchant.id")
    year: int
    kind: str = Field(max_length=12)  # invoice | credit_note
    last: int = 0


class Invoice(Row, table=True):
    """An issued invoice: its data as issued, never updated (a correction is a credit note);
    only the PDF's path, hash and status are set once it renders."""

    __tablename__ = "invoice"
    __table_args__ = (
        UniqueConstraint("merchant_id", "number", name="uq_invoice_merchant_number"),
        Index("ix_invoice_store_issued", "store_id", "issued_at"),
    )

    store_id: int = Field(foreign_key="store.id", index=True)
    merchant_id: int = Field(foreign_key="merchant.id")
    order_id: int = Field(foreign_key="shop_order.id", unique=True)
    number: str = Field(max_length=24)  # F-2026-000001
    year: int
    issued_at: datetime = Field(default_factory=utcnow)
    language: str = Field(max_length=2)
    currency: str = Field(default="EUR", max_length=3)
    seller: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    buyer: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    lines: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    totals: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))  # per rate
    net_cents: int
    vat_cents: int
    gross_cents: int
    payment_method: str = Field(max_length=20)
    payment_terms: str = Field(default="", max_length=200)
    legal_mention: str = Field(default="none", max_length=20)  # none | reverse_charge | oss | export
    pdf_path: str = Field(default="", max_length=300)  # relative to the private invoices folder
    pdf_sha256: str = Field(default="", max_length=64)
    status: str = Field(default="render_failed", max_length=16)  # issued | render_failed


class CreditNote(Row, table=True):
    """A credit note for one refund of an invoiced order: same shape, its own sequence."""

    __tablename__ = "credit_note"
    __table_args__ = (
        UniqueConstraint("merchant_id", "number", name="uq_credit_note_merchant_number"),
        UniqueConstraint("invoice_id", "refund_ref", name="uq_credit_note_refund"),
        Index("ix_credit_note_store_issued", "store_id", "issued_at"),
    )

    store_id: int = Field(foreign_key="store.id", index=True)
    merchant_id: int = Field(foreign_key="merchant.id")
    order_id: int = Field(foreign_key="shop_order.id", index=True)
    invoice_id: int = Field(foreign_key="invoice.id", index=True)
    refund_ref: str = Field(max_length=200)
    number: str = Field(max_length=24)  # AV-2026-000001
    year: int
    issued_at: datetime = Field(default_factory=utcnow)
    language: str = Field(max_length=2)
    currency: str = Field(default="EUR", max_length=3)
    seller: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    buyer: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    lines: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    totals: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    net_cents: int
    vat_cents: int
    gross_cents: int
    payment_method: str = Field(max_length=20)
    payment_terms: str = Field(default="", max_length=200)
    legal_mention: str = Field(default="none", max_length=20)
    pdf_path: str = Field(default="", max_length=300)
    pdf_sha256: str = Field(default="", max_length=64)
    status: str = Field(default="render_failed", max_length=16)


# --- VAT rules (services/vat_rules.py; docs/orders.md "VAT rules") ----------------------


class VatSettings(Row, table=True):
    """A store's VAT choices (no row: the defaults)."""

    __tablename__ = "order_vat_settings"

    store_id: int = Field(foreign_key="store.id", unique=True)
    oss_over_threshold: bool = False  # over the EU's 10,000 € a year: destination rates
    vies_check: bool = False  # VAT numbers also checked online with VIES (services/vies.py)
    # The VAT class of a Luxembourg rate, {"14": "reduced"}; a rate left out: the default class
    class_by_lu_rate: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


class RefundLine(Row, table=True):
    """Units of an order line given back by a refund by line (helper FUL): a line is never
    refunded for more units than it had."""

    __tablename__ = "order_refund_line"

    order_id: int = Field(foreign_key="shop_order.id", index=True)
    order_line_id: int = Field(foreign_key="order_line.id", index=True)
    store_id: int = Field(foreign_key="store.id", index=True)
    payment_id: int  # payments' id, no foreign key (another module's table)
    quantity: int
    amount_cents: int
    actor: str = Field(default="", max_length=120)
    created_at: datetime = Field(default_factory=utcnow)
