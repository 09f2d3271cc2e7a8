"""Cart background jobs."""

from modules.cart.services.carts import purge_expired
from orion_app.db import session_scope


def purge_expired_carts() -> int:
    """Delete guest carts past their expiry (`CART_GUEST_TTL_DAYS` after their last change)."""
    with session_scope() as session:
        return purge_expired(session)
