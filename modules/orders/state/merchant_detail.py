"""Store dashboard: one order — lines, VAT per rate, addresses, payments, the timeline and the
merchant's actions (status moves the transition table allows, mark a transfer paid, refund).

The order id comes from the URL and is only a row inside the store of the access decision:
another store's id reads as not found, for loading and for every action alike.
"""

import reflex as rx

from modules.orders.services.detail import AMOUNT_FIELD, OrderPage, order_page, parse_amount, payment_of_order
from modules.orders.services.documents import merchant_links
from modules.orders.services.status import NOT_BY_HAND, add_note, change_status
from modules.orders.services.transitions import CANCELLED, PAID_STATUSES, locked_order
from modules.orders.state.common import OrderShown
from modules.payments.public import mark_paid, refund
from orion_app.access import has_permission
from orion_app.db import session_scope
from orion_app.errors import FieldErrors, NotFound, ServiceError
from orion_app.i18n import translate
from orion_app.ui.forms import translated_errors
from orion_app.ui.guard import current_access, guarded
from orion_app.ui.state import OrionState

VIEW, MANAGE = "orders.view", "orders.manage"
# Declaring that money arrived is the store's accounts, not fulfilment: managers and above.
MARK_PAID, REFUND = "payments.manage", "payments.refund"


class OrderDetailState(OrderShown, OrionState):
    found: bool = True
    order_id: int = 0
    timeline: list[dict[str, str]] = []
    moves: list[str] = []  # statuses the merchant may move the order to now
    can_manage: bool = False
    can_mark_paid: bool = False
    can_refund: bool = False
    refund_open: bool = False
    refund_payment: int = 0
    refund_left: str = ""
    errors: dict[str, str] = {}
    form_key: int = 0

    def _store_id(self) -> int:
        return current_access().tenant.store.id

    def _may(self, permission: str) -> bool:
        access = current_access()
        return has_permission(access.principal, permission, access.tenant)

    def _reload(self) -> None:
        self.can_manage, self.can_mark_paid = self._may(MANAGE), self._may(MARK_PAID)
        self.can_refund = self._may(REFUND)
        with session_scope() as session:
            shown: OrderPage = order_page(session, self._store_id(), self.order_id, self.lang)
            store = current_access().tenant.store
            self.documents = merchant_links(session, store.id, store.code, self.order_id)
        self._show(shown)
        self.timeline = shown.timeline
        paid = self.head["status"] in PAID_STATUSES
        self.moves = [
            to
            for to in shown.moves
            if to not in NOT_BY_HAND and (to != CANCELLED or not paid or self.can_refund)
        ]

    @rx.event
    @guarded(VIEW, quiet=True)
    def load(self):
        segment = self._segment(3)
        self.errors, self.found, self.refund_open = {}, True, False
        self.order_id = int(segment) if segment.isascii() and segment.isdigit() and len(segment) < 10 else 0
        try:
            self._reload()
        except NotFound:
            self.found = False
            self._show(None)
            self.timeline, self.moves = [], []

    def _act(self, work) -> rx.event.EventSpec | None:
        """`work(session, store_id, actor)` in one transaction, then the order shown again; a
        refusal is a toast in the reader's language and changes nothing."""
        access = current_access()
        actor = access.principal.name or access.principal.email
        try:
            with session_scope() as session:
                work(session, access.tenant.store.id, actor, access.principal.user_id)
        except FieldErrors:
            raise
        except ServiceError as refusal:
            self._reload()
            return rx.toast.error(translate(refusal.message_key, self.lang, **refusal.params))
        self._reload()
        return rx.toast.success(translate("orders.ui.done", self.lang))

    @rx.event
    @guarded(MANAGE)
    def move_to(self, status: str):
        """Processing or cancelled, as the transition table allows (shipped and delivered come
        from the parcels of the fulfilment section)."""
        to, may_refund = str(status), self._may(REFUND)

        def work(session, store_id: int, actor: str, _user: int) -> None:
            # Cancelling a paid order refunds it: only those who may refund may do it. The
            # status is read under the order's lock, not from the page (a payment may have
            # arrived since it loaded).
            paid = locked_order(session, store_id, self.order_id).status in PAID_STATUSES
            if to == CANCELLED and paid and not may_refund:
                raise ServiceError("orders.ui.error.cancel_needs_refund")
            change_status(session, store_id, self.order_id, to, actor)

        return self._act(work)

    @rx.event
    @guarded(MARK_PAID)
    def mark_paid(self, payment_id: int):
        """A bank transfer arrived: its payment succeeds, and the order follows."""

        def work(session, store_id: int, actor: str, user: int) -> None:
            payment = payment_of_order(session, store_id, self.order_id, int(payment_id))
            mark_paid(session, store_id=store_id, payment_id=payment.id, actor=actor, user_id=user)

        return self._act(work)

    @rx.event
    @guarded(REFUND)
    def open_refund(self, payment_id: int):
        """The refund form for one of this order's payments (its amount left to refund)."""
        chosen = next((p for p in self.payments if p["id"] == str(int(payment_id))), None)
        if chosen is None:
            return
        self.refund_payment, self.refund_left = int(payment_id), chosen["left"]
        self.errors, self.refund_open = {}, True
        self.form_key += 1

    @rx.event
    @guarded(REFUND)
    def close_refund(self, _open: bool = False):
        self.refund_open, self.errors = False, {}

    @rx.event
    @guarded(REFUND)
    def refund(self, form: dict):
        """Give back the amount typed (all that is left, or part of it)."""

        def work(session, store_id: int, actor: str, user: int) -> None:
            payment = payment_of_order(session, store_id, self.order_id, self.refund_payment)
            cents = parse_amount(str(form.get(AMOUNT_FIELD) or ""))
            refund(
                session,
                store_id=store_id,
                payment_id=payment.id,
                amount_cents=cents,
                actor=actor,
                user_id=user,
            )

        try:
            done = self._act(work)
        except FieldErrors as error:
            self.errors = translated_errors(error, self.lang)
            return None
        self.refund_open = False
        return done

    @rx.event
    @guarded(MANAGE)
    def add_note(self, form: dict):
        text = str(form.get("note") or "")
        try:
            done = self._act(
                lambda session, store_id, actor, _user: add_note(
                    session, store_id, self.order_id, text, actor
                )
            )
        except FieldErrors as error:
            self.errors = translated_errors(error, self.lang)
            return None
        self.errors = {}
        self.form_key += 1
        return done
