"""'Pay now' on the shopper's order pages: a card order still waiting for its payment opens it
again on the server and shows the card form checkout uses (payments' `card_element` and its
scripts). The order is found again on every step the way the page found it (this customer's,
or the status link's token), and the payment id lives only in this tab's backend state."""

import reflex as rx
from sqlmodel import Session

from modules.orders.records import OrderView
from modules.orders.services.pay_later import open_card_payment, owns_payment, payable_by_card
from modules.payments.public import authenticate, card_token, confirm_card, mount_card
from orion_app.db import session_scope
from orion_app.errors import ServiceError
from orion_app.i18n import translate
from orion_app.registry import Frontend
from orion_app.ui.guard import current_access, public, ui_only

STOREFRONT = (Frontend.STOREFRONT,)


class PayLater(rx.State, mixin=True):
    """`card_status`: "" | mounting | ready | paying | succeeded | processing | failed
    | unavailable. Each page says which order is the reader's (`_reader_order`)."""

    payable: bool = False
    card_status: str = ""
    card_error: str = ""
    _payment_id: int = 0
    _client_secret: str = ""

    def _reader_order(self, session: Session, store_id: int) -> OrderView | None:
        raise NotImplementedError

    def _page_state(self) -> type["PayLater"]:
        """The page's own state class, whose handlers the card scripts call back."""
        raise NotImplementedError

    def _show_payable(self, view: OrderView | None) -> None:
        """Whether "Pay now" shows; a page (re)load starts the card form afresh."""
        self.payable = view is not None and payable_by_card(view.status, view.payment_method)
        if self.card_status not in ("succeeded", "processing"):
            self.card_status, self.card_error = "", ""

    @rx.event
    @public(frontends=STOREFRONT, rate=(10, 600))
    def open_payment(self):
        """(Re)open the order's card payment and mount the card form."""
        store_id = current_access().tenant.store.id
        self.card_error = ""
        with session_scope() as session:
            view = self._reader_order(session, store_id)
            self._show_payable(view)
            if view is None or not self.payable:
                return None
            try:
                payment = open_card_payment(session, store_id, view.id)
                session.commit()
            except ServiceError:
                session.rollback()
                self.card_status = "unavailable"
                self.card_error = translate("orders.pay.unavailable", self.lang)
                return None
        self._payment_id, self._client_secret = payment.id, payment.client_secret
        self.card_status = "mounting"
        return rx.call_script(
            mount_card(payment.stripe_js_url, payment.publishable_key),
            callback=self._page_state().card_mounted,
        )

    @rx.event
    @ui_only
    def card_mounted(self, result: str):
        self.card_status = "ready" if result == "ready" else "unavailable"
        self.card_error = "" if result == "ready" else translate("orders.pay.unavailable", self.lang)

    @rx.event
    @ui_only
    def pay(self):
        if self.card_status not in ("ready", "failed") or not self._payment_id:
            return None
        self.card_status, self.card_error = "paying", ""
        return rx.call_script(card_token(), callback=self._page_state().card_tokenised)

    @rx.event
    @public(frontends=STOREFRONT, rate=(10, 600))
    def card_tokenised(self, result: dict):
        """Confirm the reader's own order's payment with the tokenised card; the webhook marks
        the order paid."""
        card = str((result if isinstance(result, dict) else {}).get("card") or "")
        store_id = current_access().tenant.store.id
        with session_scope() as session:
            view = self._reader_order(session, store_id)
            if (
                not card
                or view is None
                or not payable_by_card(view.status, view.payment_method)
                or not owns_payment(session, store_id, view.id, self._payment_id)
            ):
                return self._card_failed()
            try:
                payment = confirm_card(session, store_id, self._payment_id, card)
                session.commit()
            except ServiceError:
                session.rollback()
                return self._card_failed()
        if payment.status == "pending":  # the bank wants the shopper (3-D Secure)
            return rx.call_script(authenticate(self._client_secret), callback=self._page_state().card_result)
        return self._card_status(payment.status)

    def _card_failed(self):
        self.card_status = "failed"
        self.card_error = translate("orders.pay.failed", self.lang)

    @rx.event
    @ui_only
    def card_result(self, result: dict):
        """What the payment says now; the webhook, not this, marks the order paid."""
        self._card_status(str((result if isinstance(result, dict) else {}).get("status") or ""))

    def _card_status(self, status: str):
        if status in ("succeeded", "processing"):
            self.card_status = status
        else:
            self._card_failed()
