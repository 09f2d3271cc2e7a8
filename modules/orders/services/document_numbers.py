"""Invoice and credit-note numbers: per merchant, per year, per kind, without gaps.

Like order numbers (services/numbering.py), the next number comes from one
`UPDATE … SET last = last + 1 RETURNING last` on the merchant's `document_sequence` row,
in the issuing transaction. The row stays locked until that transaction ends (PostgreSQL
row lock; SQLite has one writer at a time): two issuers get two consecutive numbers, and
an issue that rolls back gives its number back. The law wants one unbroken sequence per
seller, so the sequence is the merchant's, shared by all its stores.
"""

from sqlalchemy import update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session

from modules.orders.models import DocumentSequence

INVOICE = "invoice"
CREDIT_NOTE = "credit_note"
PREFIXES = {INVOICE: "INV", CREDIT_NOTE: "CN"}


def format_document_number(kind: str, year: int, sequence: int) -> str:
    """`INV-2026-000001`, `CN-2026-000001`."""
    return f"{PREFIXES[kind]}-{year}-{sequence:06d}"


def next_document_number(session: Session, merchant_id: int, year: int, kind: str) -> str:
    """Take the merchant's next `kind` number for `year`; its row stays locked until commit."""
    if kind not in PREFIXES:
        raise ValueError(f"Unknown document kind '{kind}'.")
    sequence = _increment(session, merchant_id, year, kind)
    if sequence is None:
        _create(session, merchant_id, year, kind)
        sequence = _increment(session, merchant_id, year, kind)
    return format_document_number(kind, year, sequence)


def _increment(session: Session, merchant_id: int, year: int, kind: str) -> int | None:
    return session.execute(
        update(DocumentSequence)
        .where(
            DocumentSequence.merchant_id == merchant_id,
            DocumentSequence.year == year,
            DocumentSequence.kind == kind,
        )
        .values(last=DocumentSequence.last + 1)
        .returning(DocumentSequence.last)
        .execution_options(synchronize_session=False)
    ).scalar_one_or_none()


def _create(session: Session, merchant_id: int, year: int, kind: str) -> None:
    """The year's first document: insert the row, unless a concurrent first issue just did."""
    dialect = session.get_bind().dialect.name
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    session.execute(
        insert(DocumentSequence)
        .values(merchant_id=merchant_id, year=year, kind=kind, last=0)
        .on_conflict_do_nothing(index_elements=["merchant_id", "year", "kind"])
    )
