"""Credit notes: one per refund, referencing the order's invoice, with their own sequence.

A refund is credited by amount (spread over the invoice's VAT rates in proportion to
their gross, the last rate taking the rounding) or by lines (the invoice's line index and
a quantity, at that line's gross per unit or at the exact gross cents refunded for it).
Each piece is split into net and VAT with the orders' one rounding rule (services/vat.py).
`refund_ref` names the refund: the same ref returns the same credit note, so a repeated
refund event issues nothing twice. The invoice is issued first when the store invoices at
shipment and the order was refunded before it shipped. More than the invoice's gross, all
credit notes together, is refused.
"""

from decimal import Decimal

from sqlmodel import Session, func, select

from modules.orders.models import CreditNote, Invoice, Order
from modules.orders.services.document_files import render_and_store
from modules.orders.services.document_numbers import CREDIT_NOTE, next_document_number
from modules.orders.services.invoices import issue_invoice, issuer, totals_of
from modules.orders.services.vat import split_gross
from orion_app.db import utcnow
from orion_app.errors import NotFound, ServiceError
from orion_app.i18n import translate
from orion_app.scoped import in_store


def credited_cents(session: Session, invoice_id: int) -> int:
    """The gross already credited against the invoice."""
    total = session.exec(select(func.sum(CreditNote.gross_cents)).where(CreditNote.invoice_id == invoice_id))
    return int(total.one() or 0)


def issue_credit_note(
    session: Session,
    store_id: int,
    order_id: int,
    *,
    refund_ref: str,
    amount_cents: int | None = None,
    lines: list[tuple[int, int] | tuple[int, int, int]] | None = None,
) -> CreditNote:
    """The credit note for the refund `refund_ref` of the order: by `amount_cents` or by
    `lines` ((index into the invoice's lines, quantity[, gross cents]))."""
    if (amount_cents is None) == (lines is None):
        raise ValueError("Give either amount_cents or lines.")
    order = session.exec(in_store(Order, store_id, id=order_id).with_for_update()).first()
    if order is None:
        raise NotFound()
    invoice = issue_invoice(session, store_id, order.id)
    existing = session.exec(
        select(CreditNote).where(CreditNote.invoice_id == invoice.id, CreditNote.refund_ref == refund_ref)
    ).first()
    if existing is not None:
        return existing
    label = translate("orders.invoice.refund_line", invoice.language, number=order.number)
    pieces = _by_lines(invoice, lines) if lines is not None else _by_amount(invoice, amount_cents, label)
    gross = sum(piece["gross_cents"] for piece in pieces)
    if gross <= 0 or credited_cents(session, invoice.id) + gross > invoice.gross_cents:
        raise ServiceError("orders.error.credit_over_invoice")
    issued_at = utcnow()
    who = issuer(session, store_id)
    note = CreditNote(
        store_id=store_id,
        merchant_id=invoice.merchant_id,
        order_id=order.id,
        invoice_id=invoice.id,
        refund_ref=refund_ref[:200],
        number=next_document_number(session, invoice.merchant_id, issued_at.year, CREDIT_NOTE),
        year=issued_at.year,
        issued_at=issued_at,
        language=invoice.language,
        currency=invoice.currency,
        seller=who.seller,
        buyer=invoice.buyer,
        lines=pieces,
        totals=totals_of(pieces),
        net_cents=sum(piece["net_cents"] for piece in pieces),
        vat_cents=sum(piece["vat_cents"] for piece in pieces),
        gross_cents=gross,
        payment_method=invoice.payment_method,
        payment_terms=translate(
            "orders.invoice.refund_terms", invoice.language, date=f"{issued_at:%Y-%m-%d}"
        ),
        legal_mention=invoice.legal_mention,
    )
    session.add(note)
    session.flush()
    render_and_store(session, note)
    return note


def _piece(title: str, quantity: int, rate: str, gross_cents: int) -> dict:
    split = split_gross(gross_cents, Decimal(rate))
    return {
        "sku": "",
        "title": title,
        "options": "",
        "quantity": quantity,
        "vat_rate": rate,
        "net_cents": split.net_cents,
        "vat_cents": split.vat_cents,
        "gross_cents": gross_cents,
    }


def _by_amount(invoice: Invoice, amount_cents: int, label: str) -> list[dict]:
    """`amount_cents` over the invoice's rates in proportion to their gross."""
    if amount_cents <= 0:
        raise ServiceError("orders.error.credit_over_invoice")
    totals = [total for total in invoice.totals if total["gross_cents"] > 0]
    pieces, left = [], amount_cents
    for position, total in enumerate(totals):
        last = position == len(totals) - 1
        share = left if last else amount_cents * total["gross_cents"] // invoice.gross_cents
        left -= share
        if share:
            pieces.append(_piece(label, 1, total["rate"], share))
    return pieces


def _by_lines(invoice: Invoice, lines: list[tuple]) -> list[dict]:
    """Each (line index, quantity) at the invoice line's gross per unit (the whole line's
    gross when its whole quantity is credited, so no cent is lost to division), or
    (line index, quantity, gross cents) at those cents (a refund by line's own pricing)."""
    pieces = []
    for index, quantity, *cents in lines:
        if not 0 <= index < len(invoice.lines):
            raise NotFound()
        line = invoice.lines[index]
        gross = cents[0] if cents else line["gross_cents"] * quantity // max(line["quantity"], 1)
        if not 0 < quantity <= line["quantity"] or not 0 < gross <= line["gross_cents"]:
            raise ServiceError("orders.error.credit_over_invoice")
        pieces.append(_piece(line["title"], quantity, line["vat_rate"], gross))
    return pieces


def refund_ref(payment_id: int, refunded_total_cents: int) -> str:
    """The ref of the refund that brings the payment's refunds to `refunded_total_cents`."""
    return f"payment:{payment_id}:{refunded_total_cents}"


def credit_line_refund(
    session: Session,
    store_id: int,
    order_id: int,
    *,
    payment_id: int,
    refunded_total_cents: int,
    lines: list[tuple[int, int, int]],
) -> CreditNote:
    """The exact credit note of a refund by line: `lines` are (invoice line index, units,
    gross cents refunded). Issued in the refund's transaction before payments' refund
    event, under the ref that event would use (`refund_ref`): the event then finds the
    payment's refunds credited and issues nothing more (credit_refund)."""
    ref = refund_ref(payment_id, refunded_total_cents)
    return issue_credit_note(session, store_id, order_id, refund_ref=ref, lines=lines)


def credit_refund(
    session: Session, order: Order, payment_id: int, refunded_total_cents: int
) -> CreditNote | None:
    """The credit note for a refund event: the payment's refunds now total
    `refunded_total_cents`; what that adds to the ones credited before is credited now
    (nothing for a repeated or an older, smaller total). An order never paid gets none."""
    invoiced = session.exec(select(Invoice.id).where(Invoice.order_id == order.id)).first()
    if invoiced is None and order.paid_at is None:
        return None
    prefix = f"payment:{payment_id}:"
    before = session.exec(
        select(func.sum(CreditNote.gross_cents)).where(
            CreditNote.order_id == order.id, CreditNote.refund_ref.startswith(prefix)
        )
    ).one()
    amount = refunded_total_cents - int(before or 0)
    if amount <= 0:
        return None
    ref = refund_ref(payment_id, refunded_total_cents)
    return issue_credit_note(session, order.store_id, order.id, refund_ref=ref, amount_cents=amount)
