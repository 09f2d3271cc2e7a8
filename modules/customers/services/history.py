"""The signed-in shopper's orders, from whichever module contributes `customer_order_history`
(orders); customers names no optional module and shows none until one contributes."""

from sqlmodel import Session

from modules.customers.protocols import CUSTOMER_ORDER_HISTORY, AccountOrder
from orion_app.registry import get_registry


def account_orders(session: Session, store_id: int, customer_id: int, lang: str) -> list[AccountOrder]:
    """The customer's orders in the store, newest first, from every contributing module."""
    found = [
        order
        for _code, history in get_registry().contributions(CUSTOMER_ORDER_HISTORY)
        for order in history.orders_of(session, store_id, customer_id, lang)
    ]
    return sorted(found, key=lambda order: order.placed_at, reverse=True)
