"""A store's invoices and credit notes: found for a download, listed by period, and
packed for the accountant (the PDFs and a CSV journal in one ZIP).

Every read is scoped by the store (the merchant's route) or by the order a shopper may
see (their own account, or the order's status link); anything else is None, so the
routes answer 404 whatever the reason.
"""

import io
import zipfile
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from urllib.parse import urlencode

from sqlmodel import Session, select

from modules.orders.models import CreditNote, Invoice, Order
from modules.orders.services.document_files import read_pdf
from modules.orders.services.hashing import token_hash
from orion_app.i18n import translate
from orion_app.spreadsheet import format_rows

Document = Invoice | CreditNote
DOCUMENTS_DOWNLOAD = "/api/orders/stores/{store}/documents/{number}.pdf"
DOCUMENTS_ZIP = "/api/orders/stores/{store}/documents.zip"
SHOP_DOCUMENT = "/api/shop/orders/{order}/documents/{number}.pdf"


@dataclass(frozen=True)
class DocumentRow:
    """One line of the documents list and of the journal."""

    kind: str  # invoice | credit_note
    number: str
    issued: str  # YYYY-MM-DD
    order_number: str
    customer: str
    net_cents: int
    vat_cents: int
    gross_cents: int
    status: str


def store_document(session: Session, store_id: int, number: str) -> Document | None:
    """The store's invoice or credit note numbered `number`."""
    for kind in (Invoice, CreditNote):
        doc = session.exec(select(kind).where(kind.store_id == store_id, kind.number == number)).first()
        if doc is not None:
            return doc
    return None


def order_documents(session: Session, store_id: int, order_id: int) -> list[Document]:
    """The order's invoice, then its credit notes, oldest first."""
    invoices = session.exec(select(Invoice).where(Invoice.store_id == store_id, Invoice.order_id == order_id))
    notes = session.exec(
        select(CreditNote)
        .where(CreditNote.store_id == store_id, CreditNote.order_id == order_id)
        .order_by(CreditNote.id)
    )
    return [*invoices.all(), *notes.all()]


def document_links(session: Session, store_id: int, order_id: int, href) -> list[dict[str, str]]:
    """The order's documents for its page: kind, number, date and `href(number)`."""
    return [
        {
            "kind": "credit_note" if isinstance(doc, CreditNote) else "invoice",
            "number": doc.number,
            "issued": f"{doc.issued_at:%Y-%m-%d}",
            "ready": "1" if doc.status == "issued" else "",
            "href": href(doc.number),
        }
        for doc in order_documents(session, store_id, order_id)
    ]


def merchant_links(session: Session, store_id: int, store_code: str, order_id: int) -> list[dict[str, str]]:
    return document_links(
        session, store_id, order_id, lambda number: DOCUMENTS_DOWNLOAD.format(store=store_code, number=number)
    )


def shopper_links(
    session: Session, store_id: int, order_id: int, order_number: str, base: str, token: str = ""
) -> list[dict[str, str]]:
    """Links the shopper's route answers: by the shopper cookie, or with the status link's token."""
    query = urlencode({"base": base, **({"token": token} if token else {})})
    return document_links(
        session,
        store_id,
        order_id,
        lambda number: SHOP_DOCUMENT.format(order=order_number, number=number) + "?" + query,
    )


def shopper_document(
    session: Session,
    store_id: int,
    order_number: str,
    number: str,
    *,
    customer_id: int | None = None,
    status_token: str = "",
) -> Document | None:
    """A document of the order `order_number` for whoever may see that order: its signed-in
    customer, or the holder of its status link's token."""
    order = session.exec(
        select(Order).where(Order.store_id == store_id, Order.number == order_number)
    ).first()
    if order is None:
        return None
    own = customer_id is not None and order.customer_id == customer_id
    linked = bool(status_token) and token_hash(status_token) == order.status_token_hash
    if not (own or linked):
        return None
    return next((doc for doc in order_documents(session, store_id, order.id) if doc.number == number), None)


def document_rows(
    session: Session, store_id: int, since: date | None, until: date | None
) -> list[DocumentRow]:
    """The store's invoices and credit notes issued in the period (days in UTC, both
    included), in the order they were issued."""
    rows: list[tuple[datetime, DocumentRow]] = []
    for kind, name in ((Invoice, "invoice"), (CreditNote, "credit_note")):
        query = select(kind).where(kind.store_id == store_id)
        if since:
            query = query.where(kind.issued_at >= datetime.combine(since, time.min, tzinfo=UTC))
        if until:
            query = query.where(
                kind.issued_at < datetime.combine(until + timedelta(days=1), time.min, tzinfo=UTC)
            )
        for doc in session.exec(query).all():
            buyer = doc.buyer
            rows.append(
                (
                    doc.issued_at,
                    DocumentRow(
                        name,
                        doc.number,
                        f"{doc.issued_at:%Y-%m-%d}",
                        buyer.get("order_number", ""),
                        buyer.get("company") or buyer.get("name", ""),
                        doc.net_cents,
                        doc.vat_cents,
                        doc.gross_cents,
                        doc.status,
                    ),
                )
            )
    return [row for _at, row in sorted(rows, key=lambda pair: pair[0])]


def journal_lines(session: Session, store_id: int, since: date | None, until: date | None, lang: str):
    """The accountant's journal as CSV lines: one line per document and VAT rate. Amounts
    are positive, the kind column tells a credit note (spreadsheet.py would neutralise a
    leading minus into text, which no accountant could add up)."""
    header = ("number", "kind", "date", "order", "customer", "rate", "net", "vat", "gross")
    yield from format_rows([[translate(f"orders.documents.column.{name}", lang) for name in header]], ",")
    for row in document_rows(session, store_id, since, until):
        doc = store_document(session, store_id, row.number)
        kind = translate(f"orders.documents.kind.{row.kind}", lang)
        amounts = ("net_cents", "vat_cents", "gross_cents")
        lines = [
            [row.number, kind, row.issued, row.order_number, row.customer, total["rate"]]
            + [_euros(total[key]) for key in amounts]
            for total in doc.totals
        ]
        yield from format_rows(lines, ",")


def accountant_zip(
    session: Session, store_id: int, since: date | None, until: date | None, lang: str, name: str
) -> bytes:
    """The period's PDFs (`invoices/…`, `credit-notes/…`) and `journal.csv`, as one ZIP."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{name}/journal.csv", "".join(journal_lines(session, store_id, since, until, lang)))
        for row in document_rows(session, store_id, since, until):
            pdf = read_pdf(store_document(session, store_id, row.number))
            if pdf is not None:
                folder = "invoices" if row.kind == "invoice" else "credit-notes"
                archive.writestr(f"{name}/{folder}/{row.number}.pdf", pdf)
    return buffer.getvalue()


def _euros(cents: int) -> str:
    return f"{Decimal(cents) / 100:.2f}"
