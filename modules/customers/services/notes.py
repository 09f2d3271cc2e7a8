"""The merchant's notes on a customer: append-only, each with its author and time.

There is no edit and no delete: a note is a record of what the team knew when. The
author's name is copied onto the note, so it still reads right after the user is renamed
or removed.
"""

from sqlmodel import Session

from modules.customers.models import CustomerNote
from modules.customers.services.directory import get_customer
from orion_app.errors import FieldErrors
from orion_app.ports import Principal
from orion_app.scoped import list_in_store

MAX_NOTE = 4000  # characters, as the column


def add_note(session: Session, store_id: int, customer_id: int, author: Principal, body: str) -> CustomerNote:
    """Append a note to the store's customer (NotFound for another store's); commits."""
    text = (body or "").strip()
    if not text:
        raise FieldErrors({"body": "customers.admin.note_required"})
    if len(text) > MAX_NOTE:
        raise FieldErrors({"body": "customers.admin.note_too_long"}, {"body": {"max": MAX_NOTE}})
    customer = get_customer(session, store_id, customer_id)
    note = CustomerNote(
        customer_id=customer.id,
        store_id=store_id,
        author_user_id=author.user_id,
        author_name=(author.name or author.email)[:120],
        body=text,
    )
    session.add(note)
    session.commit()
    return note


def notes_of(session: Session, store_id: int, customer_id: int) -> list[CustomerNote]:
    """The customer's notes, newest first."""
    return list_in_store(
        session,
        CustomerNote,
        store_id,
        CustomerNote.created_at.desc(),
        CustomerNote.id.desc(),
        customer_id=customer_id,
    )
