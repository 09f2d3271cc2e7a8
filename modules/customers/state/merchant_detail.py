"""Store dashboard: one customer — profile, addresses (read-only) and the team's notes."""

import reflex as rx

from modules.customers.services.directory import addresses_of, get_customer
from modules.customers.services.export import display_name
from modules.customers.services.notes import add_note, notes_of
from orion_app.access import has_permission
from orion_app.db import session_scope
from orion_app.errors import FieldErrors, NotFound
from orion_app.i18n import translate
from orion_app.ui.format import iso
from orion_app.ui.forms import translated_errors
from orion_app.ui.guard import current_access, guarded
from orion_app.ui.state import OrionState

VIEW, MANAGE = "customers.view", "customers.manage"


class CustomerDetailState(OrionState):
    found: bool = True
    customer_id: int = 0
    profile: dict[str, str] = {}
    addresses: list[dict[str, str]] = []
    notes: list[dict[str, str]] = []
    can_manage: bool = False
    errors: dict[str, str] = {}
    form_key: int = 0

    def _load_customer(self) -> None:
        access = current_access()
        store_id = access.tenant.store.id
        self.can_manage = has_permission(access.principal, MANAGE, access.tenant)
        with session_scope() as session:
            customer = get_customer(session, store_id, self.customer_id)
            deleted = customer.anonymised_at is not None
            self.profile = {
                "name": display_name(customer, self.lang),
                "email": "" if deleted else customer.email,
                "deleted": "1" if deleted else "",
                "language": (customer.language or "").upper(),
                "verified": iso(customer.email_verified_at),
                "consent": "1" if customer.marketing_consent else "",
                "consent_at": iso(customer.marketing_consent_at),
                "created": iso(customer.created_at),
                "last_sign_in": iso(customer.last_login_at),
                "deleted_at": iso(customer.anonymised_at),
            }
            self.addresses = [
                {
                    "id": str(a.id),
                    "label": a.label,
                    "name": a.name,
                    "company": a.company,
                    "vat": a.vat_number,
                    "street": ", ".join(line for line in (a.line1, a.line2) if line),
                    "city": f"{a.country}-{a.postal_code} {a.city}",
                    "phone": a.phone,
                    "billing": "1" if a.is_default_billing else "",
                    "shipping": "1" if a.is_default_shipping else "",
                }
                for a in addresses_of(session, store_id, customer.id)
            ]
            self.notes = [
                {"id": str(n.id), "author": n.author_name, "at": iso(n.created_at), "body": n.body}
                for n in notes_of(session, store_id, customer.id)
            ]

    @rx.event
    @guarded(VIEW, quiet=True)
    def load(self):
        segment = self._segment(3)
        self.errors, self.found = {}, True
        self.customer_id = (
            int(segment) if segment.isascii() and segment.isdigit() and len(segment) < 10 else 0
        )
        try:
            self._load_customer()
        except NotFound:
            self.found = False
            self.profile, self.addresses, self.notes = {}, [], []

    @rx.event
    @guarded(MANAGE)
    def add_note(self, form: dict):
        access = current_access()
        try:
            with session_scope() as session:
                add_note(
                    session, access.tenant.store.id, self.customer_id, access.principal, form.get("body", "")
                )
        except FieldErrors as error:
            self.errors = translated_errors(error, self.lang)
            return None
        self.errors = {}
        self.form_key += 1  # a fresh, empty form
        self._load_customer()
        return rx.toast.success(translate("customers.admin.note_added", self.lang))
