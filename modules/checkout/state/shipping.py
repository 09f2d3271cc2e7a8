"""Store dashboard: the store's shipping methods, listed, added, changed and removed."""

import reflex as rx

from modules.checkout.services.shipping import (
    VAT_RATES,
    ShippingInput,
    delete_method,
    label_of,
    methods_of,
    save_method,
)
from orion_app.db import session_scope
from orion_app.errors import FieldErrors
from orion_app.i18n import translate
from orion_app.ui.format import money
from orion_app.ui.forms import translated_errors
from orion_app.ui.guard import current_access, guarded, ui_only
from orion_app.ui.state import OrionState

FIELDS = ("code", "kind", "zone", "price", "vat_rate", "free_above", "warehouse", "position")
EMPTY = {"id": "", "code": "", "kind": "flat", "zone": "LU", "price": "0.00", "vat_rate": "17"} | {
    "free_above": "",
    "warehouse": "",
    "position": "0",
    "active": "1",
}


def _amount(cents: int | None) -> str:
    return "" if cents is None else f"{cents // 100}.{cents % 100:02d}"


def _id(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


class ShippingState(OrionState):
    rows: list[dict[str, str]] = []
    languages: list[str] = []
    vat_rates: list[str] = [str(rate) for rate in VAT_RATES]
    editing: dict[str, str] = EMPTY
    errors: dict[str, str] = {}
    form_open: bool = False
    form_key: int = 0
    confirm_id: str = ""

    def _reload(self, session) -> None:
        store = current_access().tenant.store
        self.languages = list(store.languages)
        lang, fallback = self.lang, store.default_language
        self.rows = [
            {
                "id": str(m.id),
                "code": m.code,
                "kind": m.kind,
                "kind_label": translate(f"checkout.shipping.kind_{m.kind}", lang),
                "label": label_of(m, lang, fallback),
                "zone": m.zone,
                "price_text": money(m.price_cents, "EUR", lang),
                "free_text": "" if m.free_above_cents is None else money(m.free_above_cents, "EUR", lang),
                "price": _amount(m.price_cents),
                "free_above": _amount(m.free_above_cents),
                "vat_rate": str(m.vat_rate),
                "warehouse": m.warehouse,
                "position": str(m.position),
                "active": "1" if m.active else "",
            }
            | {f"label_{code}": (m.labels or {}).get(code, "") for code in self.languages}
            for m in methods_of(session, store.id)
        ]

    @rx.event
    @guarded("checkout.manage", quiet=True)
    def load(self):
        self.form_open, self.errors, self.confirm_id = False, {}, ""
        with session_scope() as session:
            self._reload(session)

    @rx.event
    @ui_only
    def new(self):
        self.editing = dict(EMPTY) | {f"label_{code}": "" for code in self.languages}
        self.errors, self.form_open = {}, True
        self.form_key += 1

    @rx.event
    @ui_only
    def edit(self, method_id: str):
        """Open the form on a listed method (the service re-checks the store on save)."""
        found = next((row for row in self.rows if row["id"] == str(method_id)), None)
        if found is not None:
            self.editing, self.errors, self.form_open = dict(found), {}, True
            self.form_key += 1

    @rx.event
    @ui_only
    def set_form_open(self, value: bool):
        self.form_open = bool(value)
        if not value:
            self.errors = {}

    @rx.event
    @guarded("checkout.manage")
    def save(self, form: dict):
        store = current_access().tenant.store
        data = ShippingInput(
            **{name: str(form.get(name) or "") for name in FIELDS},
            labels={code: str(form.get(f"label_{code}") or "") for code in store.languages},
            active=form.get("active") in (True, "on"),
        )
        with session_scope() as session:
            try:
                save_method(
                    session, store.id, list(store.languages), data, _id(self.editing.get("id")) or None
                )
            except FieldErrors as error:
                self.errors = translated_errors(error, self.lang)
                return None
            self._reload(session)
        self.errors, self.form_open = {}, False
        return rx.toast.success(translate("checkout.shipping.saved", self.lang))

    @rx.event
    @ui_only
    def ask_delete(self, method_id: str):
        self.confirm_id = str(method_id)

    @rx.event
    @ui_only
    def cancel_delete(self):
        self.confirm_id = ""

    @rx.event
    @guarded("checkout.manage")
    def delete(self):
        store_id = current_access().tenant.store.id
        with session_scope() as session:
            delete_method(session, store_id, _id(self.confirm_id))
            self._reload(session)
        self.confirm_id = ""
