"""Orders' scheduled jobs: cancel unpaid orders past their payment window; render the
invoices and credit notes whose PDF failed."""

from sqlmodel import Session

from modules.orders.services.document_files import render_pending
from modules.orders.services.expiry import expire_unpaid
from orion_app.db import get_engine


def cancel_expired_orders() -> int:
    """Every 5 minutes: unpaid orders past their window are cancelled, their stock released."""
    with Session(get_engine(), expire_on_commit=False) as session:
        return expire_unpaid(session)


def render_pending_documents() -> int:
    """Every 5 minutes: invoices and credit notes whose PDF failed to render are tried again."""
    with Session(get_engine(), expire_on_commit=False) as session:
        rendered = render_pending(session)
        session.commit()
        return rendered
