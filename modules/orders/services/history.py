"""Orders' side of customers' "My orders" page (`customer_order_history`): the customer's
orders in the store as customers shows them, with the path of each order's own page."""

from sqlmodel import Session

from modules.customers.protocols import AccountOrder
from modules.orders.services.reads import orders_of_customer
from orion_app.i18n import translate
from orion_app.ui.format import money

SHOPPER_ORDER_PAGE = "account/orders/{number}"  # the storefront page in definition.py


class _OrderHistory:
    def orders_of(self, session: Session, store_id: int, customer_id: int, lang: str) -> list[AccountOrder]:
        return [
            AccountOrder(
                number=order.number,
                placed_at=order.created_at,
                status=translate(f"orders.domain.status.{order.status}", lang),
                total=money(order.total_cents, order.currency, lang),
                item_count=order.item_count,
                path=SHOPPER_ORDER_PAGE.format(number=order.number),
            )
            for order in orders_of_customer(session, store_id, customer_id)
        ]


ORDER_HISTORY = _OrderHistory()
