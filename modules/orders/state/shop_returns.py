"""The shopper's "Request a return" on `account/orders/<number>`: within the store's window,
lines and units (at most what shipped and is not in another return) and a reason.

Like the order page itself, it trusts nothing from the page: each call finds the order by
number inside the store and goes on only when it is the signed-in customer's own.
"""

import reflex as rx

from modules.customers.public import shopper_token, signed_in_customer
from modules.orders.services.fulfilment_view import quantities_of
from modules.orders.services.returns import customers_order, request_return, return_form
from modules.orders.state.shop import NUMBER_MAX, STOREFRONT
from orion_app.db import session_scope
from orion_app.errors import FieldErrors, NotFound, ServiceError
from orion_app.i18n import translate
from orion_app.ui.format import iso
from orion_app.ui.forms import translated_errors
from orion_app.ui.guard import current_access, public
from orion_app.ui.state import OrionState


class ShopReturnState(OrionState):
    open: bool = False
    deadline: str = ""
    lines: list[dict[str, str]] = []
    errors: dict[str, str] = {}
    sent: bool = False
    form_key: int = 0

    def _order(self, session):
        store_id = current_access().tenant.store.id
        customer = signed_in_customer(session, store_id, shopper_token(self, store_id))
        if customer is None:
            raise NotFound()
        number = self._location()[0].rstrip("/").rpartition("/")[2][:NUMBER_MAX]
        return customers_order(session, store_id, customer.id, number), customer.id

    def _refresh(self, session) -> None:
        try:
            order, _customer = self._order(session)
        except NotFound:
            self.open, self.lines, self.deadline = False, [], ""
            return
        form = return_form(session, order)
        self.open, self.lines, self.deadline = form.open, form.lines, iso(form.deadline)

    @rx.event
    @public(frontends=STOREFRONT, rate=(60, 600))
    def load(self):
        self.errors, self.sent = {}, False
        with session_scope() as session:
            self._refresh(session)

    @rx.event
    @public(frontends=STOREFRONT, rate=(10, 600))
    def request(self, form: dict):
        """Send the request (errors next to each line and the reason)."""
        try:
            with session_scope() as session:
                order, customer_id = self._order(session)
                request_return(
                    session,
                    order,
                    quantities_of(form, "ret_"),
                    str(form.get("reason") or ""),
                    customer_id=customer_id,
                )
        except FieldErrors as error:
            self.errors = translated_errors(error, self.lang)
            return None
        except ServiceError as refusal:
            self.errors = {"lines": translate(refusal.message_key, self.lang, **refusal.params)}
            return None
        self.errors, self.sent, self.form_key = {}, True, self.form_key + 1
        with session_scope() as session:
            self._refresh(session)
        return None
