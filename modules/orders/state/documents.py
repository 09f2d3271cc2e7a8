"""Store dashboard: the invoices and credit notes of a period, and the accountant's ZIP."""

from urllib.parse import urlencode

import reflex as rx

from modules.orders.services.documents import DOCUMENTS_DOWNLOAD, DOCUMENTS_ZIP, document_rows
from modules.orders.services.invoices import invoice_settings, save_invoice_settings
from modules.orders.services.listing import OrderFilters
from modules.orders.services.returns import return_days, set_return_days
from orion_app.access import has_permission
from orion_app.db import session_scope
from orion_app.errors import FieldErrors
from orion_app.ui.format import money
from orion_app.ui.forms import translated_errors
from orion_app.ui.guard import current_access, guarded
from orion_app.ui.state import OrionState

VIEW = "orders.view"
MANAGE = "orders.manage"
LIMIT = 500  # the page lists the period's first 500; the ZIP has them all


def _save_settings(session, store_id: int, form: dict) -> None:
    """Save the invoicing settings and the return window together, or nothing: every bad
    field is reported at once (the raised FieldErrors rolls the session back)."""
    errors, params = {}, {}
    saves = (
        lambda: save_invoice_settings(
            session,
            store_id,
            invoice_on=str(form.get("invoice_on") or ""),
            seller_address=str(form.get("seller_address") or ""),
            registration_number=str(form.get("registration_number") or ""),
        ),
        lambda: set_return_days(session, store_id, str(form.get("return_days") or "")),
    )
    for save in saves:
        try:
            save()
        except FieldErrors as error:
            errors.update(error.errors)
            params.update(error.field_params)
    if errors:
        raise FieldErrors(errors, params)


class DocumentsState(OrionState):
    rows: list[dict[str, str]] = []
    since: str = ""
    until: str = ""
    errors: dict[str, str] = {}
    zip_path: str = ""
    form_key: int = 0
    can_manage: bool = False
    settings: dict[str, str] = {}  # invoice_on, seller_address, registration_number, return_days
    settings_errors: dict[str, str] = {}
    settings_saved: bool = False

    def _reload(self) -> None:
        store = current_access().tenant.store
        period = OrderFilters.of(since=self.since, until=self.until)
        with session_scope() as session:
            found = document_rows(session, store.id, period.since, period.until)
        self.rows = [
            {
                "kind": row.kind,
                "number": row.number,
                "issued": row.issued,
                "order": row.order_number,
                "customer": row.customer,
                "net": money(row.net_cents, "EUR", self.lang),
                "vat": money(row.vat_cents, "EUR", self.lang),
                "gross": money(row.gross_cents, "EUR", self.lang),
                "status": row.status,
                "href": DOCUMENTS_DOWNLOAD.format(store=store.code, number=row.number),
            }
            for row in found[:LIMIT]
        ]
        query = urlencode({"since": self.since, "until": self.until})
        self.zip_path = DOCUMENTS_ZIP.format(store=store.code) + "?" + query

    def _load_settings(self) -> None:
        access = current_access()
        self.can_manage = has_permission(access.principal, MANAGE, access.tenant)
        with session_scope() as session:
            row = invoice_settings(session, access.tenant.store.id)
            days = return_days(session, access.tenant.store.id)
        self.settings = {
            "invoice_on": row.invoice_on,
            "seller_address": row.seller_address,
            "registration_number": row.registration_number,
            "return_days": str(days),
        }

    @rx.event
    @guarded(VIEW, quiet=True)
    def load(self):
        self.errors, self.settings_errors, self.settings_saved = {}, {}, False
        self._reload()
        self._load_settings()

    @rx.event
    @guarded(MANAGE)
    def save_settings(self, form: dict):
        store_id = current_access().tenant.store.id
        try:
            with session_scope() as session:
                _save_settings(session, store_id, form)
        except FieldErrors as error:
            self.settings_errors, self.settings_saved = translated_errors(error, self.lang), False
            return
        self.settings_errors, self.settings_saved = {}, True
        self._load_settings()

    @rx.event
    @guarded(VIEW)
    def apply_period(self, form: dict):
        try:
            period = OrderFilters.of(since=str(form.get("since") or ""), until=str(form.get("until") or ""))
        except FieldErrors as error:
            self.errors = translated_errors(error, self.lang)
            return
        query = period.as_query()
        self.since, self.until, self.errors = query["since"], query["until"], {}
        self._reload()

    @rx.event
    @guarded(VIEW)
    def clear_period(self):
        self.since, self.until, self.errors = "", "", {}
        self.form_key += 1
        self._reload()
