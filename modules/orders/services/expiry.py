"""Unpaid orders past their payment window are cancelled and their stock given back.

Each order is cancelled in its own short transaction, locked and re-checked first, so a
payment that arrives at the same moment either wins (the order is paid, the job skips it)
or loses (the order is cancelled, the late payment is recorded and not applied). Running
the job twice changes nothing the second time.
"""

from sqlmodel import Session, select

from modules.orders.models import Order
from modules.orders.services import transitions as t
from modules.orders.services.status import cancel
from orion_app.db import utcnow

BATCH = 200


def due_orders(session: Session, now=None) -> list[tuple[int, int]]:
    """(store id, order id) of unpaid orders whose window has passed, oldest first."""
    return list(
        session.exec(
            select(Order.store_id, Order.id)
            .where(Order.status == t.PENDING_PAYMENT, Order.expires_at < (now or utcnow()))
            .order_by(Order.expires_at)
            .limit(BATCH)
        ).all()
    )


def expire_order(session: Session, store_id: int, order_id: int, now=None) -> bool:
    """Cancel one due order and release its reservation, then commit; False if no longer due."""
    order = t.locked_order(session, store_id, order_id)
    if order.status != t.PENDING_PAYMENT or order.expires_at is None or order.expires_at >= (now or utcnow()):
        session.rollback()
        return False
    cancel(session, order, actor="Orion", source="job:expiry", note="payment window passed")
    session.commit()
    return True


def expire_unpaid(session: Session, now=None) -> int:
    """Cancel every due order (in batches, each order in its own transaction); how many."""
    cancelled = 0
    while due := due_orders(session, now):
        session.rollback()
        done = sum(expire_order(session, store_id, order_id, now) for store_id, order_id in due)
        cancelled += done
        if not done:
            break
    return cancelled
