"""What other modules implement for customers: orders tell the directory who has ordered,
and the shopper's "My orders" page what they ordered.

Customers is a core module and names no optional one. The orders module (when it lands)
contributes an `OrderLookup` to the registry point `CUSTOMER_ORDERS`:

    contributes={"customer_orders": "modules.orders.providers:CUSTOMER_ORDERS"}

The merchant's customer list then filters on "has orders" with it, in the same SQL
query. Until a module contributes, nobody has orders, which is the truth.

For the account's orders page it contributes an `OrderHistory` to `CUSTOMER_ORDER_HISTORY`
(`{"customer_order_history": "modules.orders.services.history:ORDER_HISTORY"}`): rows ready
to show, in the shopper's language, each with the storefront path of its own page.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from sqlalchemy.sql import Select
from sqlmodel import Session

CUSTOMER_ORDERS = "customer_orders"
CUSTOMER_ORDER_HISTORY = "customer_order_history"


@dataclass(frozen=True)
class AccountOrder:
    """One line of "My orders", texts already in the shopper's language."""

    number: str
    placed_at: datetime
    status: str  # the status as the shopper reads it
    total: str  # the amount, formatted
    item_count: int
    path: str  # below the storefront's base: "account/orders/CL-2026-000123"


class OrderHistory(Protocol):
    def orders_of(self, session: Session, store_id: int, customer_id: int, lang: str) -> list[AccountOrder]:
        """The customer's orders in the store, newest first."""
        ...


class OrderLookup(Protocol):
    def customer_ids_with_orders(self, store_id: int) -> Select:
        """A SELECT of the ids of the store's customers who have at least one order."""
        ...
