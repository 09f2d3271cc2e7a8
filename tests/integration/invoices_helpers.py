"""Builders for the invoice tests: paid orders, their invoices and credit notes, the PDFs."""

import io

from pypdf import PdfReader
from sqlmodel import select

from modules.orders.models import CreditNote, Invoice, Order
from modules.orders.public import place_order
from modules.payments.public import mark_paid
from orion_app.db import session_scope
from tests.integration.orders_helpers import placement


def paid_order(variant_id: int, quantity: int = 2, store: str = "cafe-lux", **changes):
    """A bank-transfer order of `quantity` units, placed and marked paid by Marie."""
    with session_scope() as session:
        record = place_order(session, placement([(variant_id, quantity)], store=store, **changes))
    with session_scope() as session:
        mark_paid(session, store_id=record.store_id, payment_id=record.payment.id, actor="Marie")
    return record


def invoices_of(order_id: int) -> list[Invoice]:
    with session_scope() as session:
        return list(session.exec(select(Invoice).where(Invoice.order_id == order_id)))


def credit_notes_of(order_id: int) -> list[CreditNote]:
    with session_scope() as session:
        return list(
            session.exec(select(CreditNote).where(CreditNote.order_id == order_id).order_by(CreditNote.id))
        )


def order_status(order_id: int) -> str:
    with session_scope() as session:
        return session.get(Order, order_id).status


def pdf_attachments(pdf: bytes) -> dict[str, bytes]:
    """The PDF's embedded files, by name (pypdf reads the whole document to get them)."""
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 1
    return {name: contents[0] for name, contents in reader.attachments.items()}
