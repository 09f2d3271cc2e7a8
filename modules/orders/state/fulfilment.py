"""Store dashboard, one order: its fulfilment section — ship lines in parcels, mark them
delivered, handle returns, refund by line. The order id comes from the URL and is only a
row inside the store of the access decision (another store's reads as not found); each
action re-reads it there, and then the page's own state reloads (status, timeline)."""

import reflex as rx

from modules.orders.services.fulfilment_view import (
    FulfilmentPage,
    carrier_options,
    fulfilment_page,
    quantities_of,
)
from modules.orders.services.line_refunds import refund_lines
from modules.orders.services.picklist import picklist_path
from modules.orders.services.returns import decide, receive
from modules.orders.services.shipments import mark_delivered, ship
from modules.orders.state.merchant_detail import MANAGE, REFUND, VIEW, OrderDetailState
from orion_app.access import has_permission
from orion_app.db import session_scope
from orion_app.errors import FieldErrors, NotFound, ServiceError
from orion_app.i18n import translate
from orion_app.ui.forms import translated_errors
from orion_app.ui.guard import current_access, guarded
from orion_app.ui.state import OrionState


class FulfilmentState(OrionState):
    found: bool = False
    order_id: int = 0
    shippable: bool = False
    partial: bool = False
    picklist: str = ""
    lines: list[dict[str, str]] = []
    shipments: list[dict[str, str]] = []
    returns: list[dict[str, str]] = []
    return_lines: dict[str, list[dict[str, str]]] = {}
    receiving: list[dict[str, str]] = []
    receiving_id: int = 0
    carriers: list[dict[str, str]] = []
    carrier: str = "post_lu"
    can_manage: bool = False
    can_refund: bool = False
    dialog: str = ""  # "" | ship | receive | refund
    errors: dict[str, str] = {}
    form_key: int = 0

    def _may(self, permission: str) -> bool:
        access = current_access()
        return has_permission(access.principal, permission, access.tenant)

    def _reload(self) -> None:
        access = current_access()
        self.can_manage, self.can_refund = self._may(MANAGE), self._may(REFUND)
        with session_scope() as session:
            shown: FulfilmentPage = fulfilment_page(session, access.tenant.store.id, self.order_id, self.lang)
        self.found, self.shippable, self.partial = True, shown.shippable, shown.partial
        self.lines, self.shipments, self.returns = shown.lines, shown.shipments, shown.returns
        self.return_lines = shown.return_lines
        self.carriers = carrier_options(self.lang)
        self.picklist = picklist_path(access.tenant.store.code, [self.order_id])

    @rx.event
    @guarded(VIEW, quiet=True)
    def load(self):
        segment = self._segment(3)
        self.errors, self.dialog, self.found = {}, "", False
        self.order_id = int(segment) if segment.isascii() and segment.isdigit() and len(segment) < 10 else 0
        try:
            self._reload()
        except NotFound:
            self.lines, self.shipments, self.returns = [], [], []

    def _act(self, work):
        """`work(session, store_id, actor, user_id)` in one transaction; then this section and
        the page above it (status, timeline, payments) are read again."""
        access = current_access()
        actor = access.principal.name or access.principal.email
        try:
            with session_scope() as session:
                work(session, access.tenant.store.id, actor, access.principal.user_id)
        except FieldErrors as error:
            self.errors = translated_errors(error, self.lang)
            return None
        except ServiceError as refusal:
            self._reload()
            return rx.toast.error(translate(refusal.message_key, self.lang, **refusal.params))
        self.errors, self.dialog = {}, ""
        self._reload()
        return [rx.toast.success(translate("orders.ui.done", self.lang)), OrderDetailState.load]

    @rx.event
    @guarded(MANAGE)
    def open_dialog(self, which: str):
        self.dialog = which if which in ("ship", "refund") else ""
        self.errors, self.form_key = {}, self.form_key + 1

    @rx.event
    @guarded(MANAGE)
    def close_dialog(self, _open: bool = False):
        self.dialog, self.errors = "", {}

    @rx.event
    @guarded(MANAGE)
    def choose_carrier(self, code: str):
        self.carrier = str(code)

    @rx.event
    @guarded(MANAGE)
    def ship(self, form: dict):
        """One parcel: units per line, carrier and tracking number (errors next to each)."""

        def work(session, store_id: int, actor: str, _user) -> None:
            ship(
                session,
                store_id,
                self.order_id,
                quantities_of(form, "qty_"),
                carrier=str(form.get("carrier") or ""),
                tracking_number=str(form.get("tracking_number") or ""),
                tracking_url=str(form.get("tracking_url") or ""),
                actor=actor,
            )

        return self._act(work)

    @rx.event
    @guarded(MANAGE)
    def delivered(self, shipment_id: str):
        wanted = int(shipment_id) if str(shipment_id).isdigit() and len(str(shipment_id)) < 10 else 0
        return self._act(
            lambda s, store_id, actor, _u: mark_delivered(s, store_id, self.order_id, wanted, actor=actor)
        )

    @rx.event
    @guarded(MANAGE)
    def decide(self, return_id: str, accept: bool):
        wanted = int(return_id) if str(return_id).isdigit() and len(str(return_id)) < 10 else 0
        return self._act(
            lambda s, store_id, actor, _u: decide(s, store_id, self.order_id, wanted, bool(accept), actor)
        )

    @rx.event
    @guarded(MANAGE)
    def open_receive(self, return_id: str):
        self.receiving = self.return_lines.get(str(return_id), [])
        self.receiving_id = int(return_id) if self.receiving else 0
        self.dialog, self.errors, self.form_key = ("receive" if self.receiving else ""), {}, self.form_key + 1

    @rx.event
    @guarded(MANAGE)
    def receive(self, form: dict):
        """Restock or write off each line of the return being received."""
        choices = {
            int(name[4:]): str(value)
            for name, value in form.items()
            if str(name).startswith("ret_") and str(name)[4:].isdigit() and len(str(name)) < 14
        }

        def work(session, store_id: int, actor: str, user) -> None:
            receive(session, store_id, self.order_id, self.receiving_id, choices, actor=actor, user_id=user)

        return self._act(work)

    @rx.event
    @guarded(REFUND)
    def refund_lines(self, form: dict):
        """Refund the units chosen per line; the amount is computed on the server."""

        def work(session, store_id: int, actor: str, user) -> None:
            refund_lines(
                session, store_id, self.order_id, quantities_of(form, "ref_"), actor=actor, user_id=user
            )

        return self._act(work)
