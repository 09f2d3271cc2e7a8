"""The storefront's order pages: a signed-in shopper's own order, and a guest's status link.

Neither trusts the page for whose order it is. The shopper's order is found by number inside
the store and shown only when it belongs to the customer of this websocket's shopper cookie;
the guest's needs the number and the link's secret token together. Anything else reads as
"not found", whether the order exists or not. Both pages are private (never server-rendered).
"""

import reflex as rx

from modules.customers.public import shopper_token, signed_in_customer
from modules.orders.services.detail import present
from modules.orders.services.documents import shopper_links
from modules.orders.services.reads import order_for_status_link, order_view_by_number
from modules.orders.state.common import OrderShown
from modules.payments.public import payments_of
from orion_app.db import session_scope
from orion_app.errors import NotFound
from orion_app.registry import Frontend
from orion_app.ui.guard import current_access, public
from orion_app.ui.state import OrionState

STOREFRONT = (Frontend.STOREFRONT,)
NUMBER_MAX = 24  # the column's length


class ShopOrderBase(OrderShown, OrionState):
    """What both pages show: status, lines, totals, addresses and how to pay a transfer."""

    found: bool = False
    loaded: bool = False  # nothing is said before the order was looked for (never rendered early)


class ShopOrderState(ShopOrderBase):
    """`account/orders/<number>`: one of the signed-in customer's orders."""

    signed_out: bool = False

    @rx.event
    @public(frontends=STOREFRONT, rate=(60, 600))
    def load(self):
        store_id = current_access().tenant.store.id
        number = self._location()[0].rstrip("/").rpartition("/")[2][:NUMBER_MAX]
        shown = None
        with session_scope() as session:
            customer = signed_in_customer(session, store_id, shopper_token(self, store_id))
            self.signed_out = customer is None
            if customer is not None:
                try:
                    view = order_view_by_number(session, store_id, number)
                except NotFound:
                    view = None
                if view is not None and view.customer_id == customer.id:
                    shown = present(view, payments_of(session, store_id, view.id), [], self.lang)
                    base = current_access().tenant.base
                    self.documents = shopper_links(session, store_id, view.id, view.number, base)
        self.found, self.loaded = shown is not None, True
        self._show(shown)
        if self.signed_out:
            path = current_access().tenant.base + "account/login?next=" + self._location()[0]
            return rx.redirect(path)
        return None


class OrderStatusState(ShopOrderBase):
    """`order-status?number=…&token=…`: the guest's signed link from the confirmation mail."""

    @rx.event
    @public(frontends=STOREFRONT, rate=(30, 600))
    def load(self):
        store_id = current_access().tenant.store.id
        query = self.router.url.query_parameters
        number = str(query.get("number") or "")[:NUMBER_MAX]
        token = str(query.get("token") or "")[:200]
        shown = None
        with session_scope() as session:
            view = order_for_status_link(session, store_id, number, token) if number and token else None
            if view is not None:
                shown = present(view, payments_of(session, store_id, view.id), [], self.lang)
                base = current_access().tenant.base
                self.documents = shopper_links(session, store_id, view.id, view.number, base, token)
        self.found, self.loaded = shown is not None, True
        self._show(shown)
