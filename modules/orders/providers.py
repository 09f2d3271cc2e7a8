"""What orders gives other modules through the registry: who has ordered (customers'
directory filter, `customer_orders`)."""

from sqlalchemy.sql import Select
from sqlmodel import select

from modules.orders.models import Order


class _CustomersWithOrders:
    def customer_ids_with_orders(self, store_id: int) -> Select:
        """A SELECT of the ids of the store's customers who have at least one order."""
        return (
            select(Order.customer_id)
            .where(Order.store_id == store_id, Order.customer_id.is_not(None))
            .distinct()
        )


CUSTOMER_ORDERS = _CustomersWithOrders()
