"""Store dashboard, Payments: the methods a store offers, its bank account and Connect id."""

import dataclasses

import reflex as rx

from modules.payments.services.settings import save_store, store_view
from orion_app.db import session_scope
from orion_app.errors import FieldErrors
from orion_app.i18n import translate
from orion_app.ui.forms import translated_errors
from orion_app.ui.guard import current_access, guarded
from orion_app.ui.state import OrionState

MANAGE = "payments.manage"
TEXT_FIELDS = ("iban", "bic", "beneficiary", "stripe_account_id")


class StorePaymentsState(OrionState):
    card_enabled: bool = True
    bank_transfer_enabled: bool = False
    values: dict[str, str] = {}
    errors: dict[str, str] = {}
    form_key: int = 0

    def _show(self, view) -> None:
        data = dataclasses.asdict(view)
        self.card_enabled, self.bank_transfer_enabled = data["card_enabled"], data["bank_transfer_enabled"]
        self.values = {name: str(data[name]) for name in TEXT_FIELDS}
        self.form_key += 1

    @rx.event
    @guarded(MANAGE, quiet=True)
    def load(self):
        self.errors = {}
        with session_scope() as session:
            self._show(store_view(session, current_access().tenant.store.id))

    @rx.event
    @guarded(MANAGE)
    def save(self, form: dict):
        """Save the methods and the account; the store is the dashboard's, never the form's."""
        texts = {name: str(form.get(name, "")) for name in TEXT_FIELDS}
        try:
            with session_scope() as session:
                view = save_store(
                    session,
                    current_access().tenant.store.id,
                    card_enabled=bool(form.get("card_enabled")),
                    bank_transfer_enabled=bool(form.get("bank_transfer_enabled")),
                    **texts,
                )
        except FieldErrors as error:
            self.errors = translated_errors(error, self.lang)
            return rx.toast.error(translate("orion.error.invalid_input", self.lang))
        self.errors = {}
        self._show(view)
        return rx.toast.success(translate("orion.saved", self.lang))
