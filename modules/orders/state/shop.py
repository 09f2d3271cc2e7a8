"""The storefront's order pages: a signed-in shopper's own order, and a guest's status link.

Neither trusts the page for whose order it is. The shopper's order is found by number inside
the store and shown only when it belongs to the customer of this websocket's shopper cookie;
the guest's needs the number and the link's secret token together. Anything else reads as
"not found", whether the order exists or not. Both pages are private (never server-rendered).
"""

import reflex as rx
from sqlmodel import Session

from modules.customers.public import shopper_token, signed_in_customer
from modules.orders.records import OrderView
from modules.orders.services.detail import present
from modules.orders.services.documents import shopper_links
from modules.orders.services.reads import order_for_status_link, order_view_by_number
from modules.orders.state.common import OrderShown
from modules.orders.state.pay_later import PayLater
from modules.payments.public import payments_of
from orion_app.db import session_scope
from orion_app.errors import NotFound
from orion_app.registry import Frontend
from orion_app.ui.guard import current_access, public
from orion_app.ui.state import OrionState

STOREFRONT = (Frontend.STOREFRONT,)
NUMBER_MAX = 24  # the column's length


class ShopOrderBase(OrderShown, OrionState):
    """What both pages show: status, lines, totals, addresses and how to pay a transfer. Each
    page takes "Pay now" (`PayLater`) itself: Reflex runs an inherited handler on the state
    that defines it, and only the page's own state knows whose order it is."""

    found: bool = False
    loaded: bool = False  # nothing is said before the order was looked for (never rendered early)


class ShopOrderState(PayLater, ShopOrderBase):
    """`account/orders/<number>`: one of the signed-in customer's orders."""

    signed_out: bool = False

    def _page_state(self) -> type[PayLater]:
        return ShopOrderState

    def _number(self) -> str:
        return self._location()[0].rstrip("/").rpartition("/")[2][:NUMBER_MAX]

    def _reader_order(self, session: Session, store_id: int) -> OrderView | None:
        """The order of the page's number, only when it is this shopper cookie's customer's."""
        customer = signed_in_customer(session, store_id, shopper_token(self, store_id))
        self.signed_out = customer is None
        if customer is None:
            return None
        try:
            view = order_view_by_number(session, store_id, self._number())
        except NotFound:
            return None
        return view if view.customer_id == customer.id else None

    @rx.event
    @public(frontends=STOREFRONT, rate=(60, 600))
    def load(self):
        store_id = current_access().tenant.store.id
        shown = None
        with session_scope() as session:
            view = self._reader_order(session, store_id)
            if view is not None:
                shown = present(view, payments_of(session, store_id, view.id), [], self.lang)
                base = current_access().tenant.base
                self.documents = shopper_links(session, store_id, view.id, view.number, base)
        self.found, self.loaded = shown is not None, True
        self._show(shown)
        self._show_payable(view)
        if self.signed_out:
            path = current_access().tenant.base + "account/login?next=" + self._location()[0]
            return rx.redirect(path)
        return None


class OrderStatusState(PayLater, ShopOrderBase):
    """`order-status?number=…&token=…`: the guest's signed link from the confirmation mail."""

    def _page_state(self) -> type[PayLater]:
        return OrderStatusState

    def _link(self) -> tuple[str, str]:
        query = self.router.url.query_parameters
        return str(query.get("number") or "")[:NUMBER_MAX], str(query.get("token") or "")[:200]

    def _reader_order(self, session: Session, store_id: int) -> OrderView | None:
        """The order of the link, only with the link's own token."""
        number, token = self._link()
        return order_for_status_link(session, store_id, number, token) if number and token else None

    @rx.event
    @public(frontends=STOREFRONT, rate=(30, 600))
    def load(self):
        store_id = current_access().tenant.store.id
        token = self._link()[1]
        shown = None
        with session_scope() as session:
            view = self._reader_order(session, store_id)
            if view is not None:
                shown = present(view, payments_of(session, store_id, view.id), [], self.lang)
                base = current_access().tenant.base
                self.documents = shopper_links(session, store_id, view.id, view.number, base, token)
        self.found, self.loaded = shown is not None, True
        self._show(shown)
        self._show_payable(view)
