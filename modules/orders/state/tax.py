"""Store dashboard: Settings → Tax — the store's VAT settings (OSS threshold, VIES switch,
the VAT class of each Luxembourg rate)."""

import reflex as rx

from modules.orders.services.vat_rules import LU_RATES, VAT_CLASSES
from modules.orders.services.vat_settings import save_vat_settings, vat_settings
from orion_app.db import session_scope
from orion_app.errors import FieldErrors
from orion_app.i18n import translate
from orion_app.ui.forms import translated_errors
from orion_app.ui.guard import current_access, guarded
from orion_app.ui.state import OrionState

MANAGE = "orders.manage"


class TaxState(OrionState):
    oss_over_threshold: bool = False
    vies_check: bool = False
    classes: dict[str, str] = {}
    lu_rates: list[str] = [str(rate) for rate in LU_RATES]
    vat_classes: list[str] = list(VAT_CLASSES)
    errors: dict[str, str] = {}
    form_key: int = 0

    def _show(self, record) -> None:
        self.oss_over_threshold = record.oss_over_threshold
        self.vies_check = record.vies_check
        self.classes = {str(rate): name for rate, name in record.class_by_lu_rate.items()}
        self.form_key += 1

    @rx.event
    @guarded(MANAGE, quiet=True)
    def load(self):
        self.errors = {}
        with session_scope() as session:
            self._show(vat_settings(session, current_access().tenant.store.id))

    @rx.event
    @guarded(MANAGE)
    def save(self, form: dict):
        store_id = current_access().tenant.store.id
        classes = {str(rate): str(form.get(f"class_{rate}") or "") for rate in LU_RATES}
        with session_scope() as session:
            try:
                record = save_vat_settings(
                    session,
                    store_id,
                    oss_over_threshold=form.get("oss_over_threshold") in (True, "on"),
                    vies_check=form.get("vies_check") in (True, "on"),
                    classes=classes,
                )
            except FieldErrors as error:
                self.errors = translated_errors(error, self.lang)
                return None
            session.commit()
        self._show(record)
        self.errors = {}
        return rx.toast.success(translate("orders.vat.saved", self.lang))
