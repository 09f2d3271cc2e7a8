"""Invoices: issued once per order, numbered per merchant and year, immutable.

`issue_invoice` runs in the caller's transaction (the payment event's, or the shipment's
when the store invoices at shipment): it locks the order, returns the invoice when there
is one already, else takes the merchant's next number and writes the invoice with a copy
of everything it says — seller, buyer, lines with net/VAT/gross, totals per rate, payment,
legal mention — so nothing read later (a renamed merchant, an anonymised customer) can
change it. There is no update path: a correction is a credit note (credit_notes.py).
The PDF is rendered right away; a rendering failure keeps the invoice (status
`render_failed`) for the retry job and never fails the caller (document_files.py).
"""

from dataclasses import dataclass
from decimal import Decimal

from sqlmodel import Session, select

from modules.orders.models import Invoice, InvoiceSettings, Order, OrderLine
from modules.orders.services.document_files import render_and_store
from modules.orders.services.document_numbers import INVOICE, next_document_number
from modules.orders.services.vat import split_gross
from modules.tenancy.public import merchant_by_id, store_by_id
from orion_app.db import utcnow
from orion_app.errors import FieldErrors, NotFound
from orion_app.i18n import translate
from orion_app.scoped import in_store

INVOICE_ON = ("payment", "shipment")
# The order's VAT treatment (services/vat_rules.py) -> the invoice's legal mention.
MENTIONS = {"reverse_charge": "reverse_charge", "oss": "oss", "export": "export"}


@dataclass(frozen=True)
class Issuer:
    """Who issues: the merchant behind the store and its seller details."""

    merchant_id: int
    seller: dict
    payment_terms_days: int


def invoice_settings(session: Session, store_id: int) -> InvoiceSettings:
    """The store's invoicing settings (defaults when it has saved none)."""
    row = session.exec(select(InvoiceSettings).where(InvoiceSettings.store_id == store_id)).first()
    return row or InvoiceSettings(store_id=store_id)


def save_invoice_settings(
    session: Session,
    store_id: int,
    *,
    invoice_on: str,
    seller_address: str = "",
    registration_number: str = "",
) -> InvoiceSettings:
    """Save the store's invoicing settings; bad input is refused next to its field."""
    errors = {}
    if invoice_on not in INVOICE_ON:
        errors["invoice_on"] = "orders.documents.error.invoice_on"
    if len(seller_address.strip()) > 400:
        errors["seller_address"] = "orders.documents.error.too_long"
    if len(registration_number.strip()) > 40:
        errors["registration_number"] = "orders.documents.error.too_long"
    if errors:
        raise FieldErrors(errors)
    row = invoice_settings(session, store_id)
    row.invoice_on = invoice_on
    row.seller_address = seller_address.strip()
    row.registration_number = registration_number.strip()
    session.add(row)
    session.flush()
    return row


def invoices_on(session: Session, store_id: int) -> str:
    """When the store issues invoices: "payment" (the default) or "shipment"."""
    return invoice_settings(session, store_id).invoice_on


def issuer(session: Session, store_id: int) -> Issuer:
    store = store_by_id(session, store_id, active_only=False)
    merchant = merchant_by_id(session, store.merchant_id) if store else None
    if merchant is None:
        raise NotFound()
    settings = invoice_settings(session, store_id)
    vat_number = merchant.vat_number.replace(" ", "")
    seller = {
        "legal_name": merchant.legal_name or merchant.name,
        "address": settings.seller_address,
        "country": vat_number[:2].upper() if vat_number[:2].isalpha() else "LU",
        "vat_number": vat_number,
        "registration_number": settings.registration_number,
        "email": merchant.contact_email,
    }
    return Issuer(merchant.id, seller, settings.payment_terms_days)


def issue_invoice(session: Session, store_id: int, order_id: int) -> Invoice:
    """The order's invoice: the one issued before, or a new one with the next number."""
    order = session.exec(in_store(Order, store_id, id=order_id).with_for_update()).first()
    if order is None:
        raise NotFound()
    existing = session.exec(select(Invoice).where(Invoice.order_id == order.id)).first()
    if existing is not None:
        return existing
    who = issuer(session, store_id)
    issued_at = utcnow()
    lines = document_lines(session, order)
    invoice = Invoice(
        store_id=store_id,
        merchant_id=who.merchant_id,
        order_id=order.id,
        number=next_document_number(session, who.merchant_id, issued_at.year, INVOICE),
        year=issued_at.year,
        issued_at=issued_at,
        language=order.language,
        currency=order.currency,
        seller=who.seller,
        buyer=buyer_of(order),
        lines=lines,
        totals=totals_of(lines),
        net_cents=sum(line["net_cents"] for line in lines),
        vat_cents=sum(line["vat_cents"] for line in lines),
        gross_cents=sum(line["gross_cents"] for line in lines),
        payment_method=order.payment_method,
        payment_terms=translate(
            "orders.invoice.paid_terms", order.language, date=f"{order.paid_at or issued_at:%Y-%m-%d}"
        ),
        legal_mention=MENTIONS.get(getattr(order, "vat_treatment", ""), "none"),
    )
    session.add(invoice)
    session.flush()
    render_and_store(session, invoice)
    return invoice


def rate_text(rate: int | Decimal) -> str:
    """17 -> "17", Decimal("5.50") -> "5.5": how a rate is kept in a document's JSON."""
    value = Decimal(str(rate)).normalize()
    return f"{value:f}"


def document_lines(session: Session, order: Order) -> list[dict]:
    """The order's lines as the invoice keeps them, the shipping last (when charged)."""
    rows = session.exec(select(OrderLine).where(OrderLine.order_id == order.id).order_by(OrderLine.position))
    lines = [
        {
            "sku": row.sku,
            "title": row.title,
            "options": row.options,
            "quantity": row.quantity,
            "vat_rate": rate_text(row.vat_rate),
            "net_cents": row.net_cents,
            "vat_cents": row.vat_cents,
            "gross_cents": row.total_cents,
        }
        for row in rows.all()
    ]
    if order.shipping_cents:
        split = split_gross(order.shipping_cents, order.shipping_vat_rate)
        label = translate("orders.invoice.shipping", order.language, label=order.shipping_label)
        lines.append(
            {
                "sku": "",
                "title": label,
                "options": "",
                "quantity": 1,
                "vat_rate": rate_text(order.shipping_vat_rate),
                "net_cents": split.net_cents,
                "vat_cents": split.vat_cents,
                "gross_cents": split.gross_cents,
            }
        )
    return lines


def totals_of(lines: list[dict]) -> list[dict]:
    """The lines summed per VAT rate, highest rate first."""
    sums: dict[Decimal, list[int]] = {}
    for line in lines:
        total = sums.setdefault(Decimal(line["vat_rate"]), [0, 0, 0])
        total[0] += line["net_cents"]
        total[1] += line["vat_cents"]
        total[2] += line["gross_cents"]
    return [
        {"rate": rate_text(rate), "net_cents": net, "vat_cents": vat, "gross_cents": gross}
        for rate, (net, vat, gross) in sorted(sums.items(), reverse=True)
    ]


def buyer_of(order: Order) -> dict:
    address = order.billing_address or {}
    keys = ("name", "company", "vat_number", "line1", "line2", "postal_code", "city", "country")
    buyer = {key: str(address.get(key) or "") for key in keys}
    buyer.update(email=order.email, order_number=order.number)
    return buyer
