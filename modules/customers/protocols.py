"""What other modules implement for customers: orders tell the directory who has ordered.

Customers is a core module and names no optional one. The orders module (when it lands)
contributes an `OrderLookup` to the registry point `CUSTOMER_ORDERS`:

    contributes={"customer_orders": "modules.orders.providers:CUSTOMER_ORDERS"}

The merchant's customer list then filters on "has orders" with it, in the same SQL
query. Until a module contributes, nobody has orders, which is the truth.
"""

from typing import Protocol

from sqlalchemy.sql import Select

CUSTOMER_ORDERS = "customer_orders"


class OrderLookup(Protocol):
    def customer_ids_with_orders(self, store_id: int) -> Select:
        """A SELECT of the ids of the store's customers who have at least one order."""
        ...
