"""Orders' scheduled job: cancel unpaid orders past their payment window."""

from sqlmodel import Session

from modules.orders.services.expiry import expire_unpaid
from orion_app.db import get_engine


def cancel_expired_orders() -> int:
    """Every 5 minutes: unpaid orders past their window are cancelled, their stock released."""
    with Session(get_engine(), expire_on_commit=False) as session:
        return expire_unpaid(session)
