"""The shopper's address book: add, edit, delete, choose the defaults."""

import reflex as rx

from modules.customers.services.addresses import (
    EU_COUNTRIES,
    AddressInput,
    addresses_of,
    delete_address,
    make_default,
    save_address,
    vat_charged,
)
from modules.customers.state.shop_account import ShopAccountState
from modules.customers.state.shop_common import STOREFRONT, field_errors
from orion_app.errors import FieldErrors
from orion_app.ui.guard import current_access, public, ui_only

TEXT_FIELDS = ("label", "name", "company", "vat_number", "line1", "line2", "postal_code", "city", "phone")


def _row(address) -> dict[str, str]:
    row = {name: getattr(address, name) or "" for name in (*TEXT_FIELDS, "country")}
    row["id"] = str(address.id)
    row["billing"] = "1" if address.is_default_billing else ""
    row["shipping"] = "1" if address.is_default_shipping else ""
    row["vat_charged"] = "1" if vat_charged(row["vat_number"], row["country"]) else ""
    return row


def _id(value) -> int:
    """A client-sent id as a number (0 for garbage: the service then finds nothing)."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


EMPTY = {name: "" for name in TEXT_FIELDS} | {"id": "", "country": "LU", "billing": "", "shipping": ""}
EMPTY["vat_charged"] = ""


class ShopAddressesState(ShopAccountState):
    addresses: list[dict[str, str]] = []
    editing: dict[str, str] = EMPTY
    form_open: bool = False
    form_key: int = 0
    errors: dict[str, str] = {}
    countries: list[str] = list(EU_COUNTRIES)

    def _reload(self, session, customer) -> None:
        self.addresses = [_row(a) for a in addresses_of(session, customer.store_id, customer.id)]

    @rx.event
    @public(frontends=STOREFRONT)
    def load(self):
        self.errors, self.form_open = {}, False
        return self._as_customer(self._reload)

    @rx.event
    @ui_only
    def new(self):
        self.editing, self.errors, self.form_open = dict(EMPTY), {}, True
        self.form_key += 1

    @rx.event
    @ui_only
    def edit(self, address_id: str):
        """Open the form on one of the listed addresses (the service re-checks the owner)."""
        found = next((a for a in self.addresses if a["id"] == str(address_id)), None)
        if found is not None:
            self.editing, self.errors, self.form_open = dict(found), {}, True
            self.form_key += 1

    @rx.event
    @ui_only
    def close(self):
        self.form_open, self.errors = False, {}

    @rx.event
    @public(frontends=STOREFRONT, rate=(30, 600))
    def save(self, form: dict):
        data = AddressInput(
            **{name: str(form.get(name) or "") for name in (*TEXT_FIELDS, "country")},
            is_default_billing=form.get("billing") in (True, "on"),
            is_default_shipping=form.get("shipping") in (True, "on"),
        )
        address_id = _id(self.editing.get("id")) or None
        store_id = current_access().tenant.store.id

        def change(session, customer) -> None:
            save_address(session, store_id, customer.id, data, address_id)
            self._reload(session, customer)

        try:
            refused = self._as_customer(change)
        except FieldErrors as error:
            self.errors = field_errors(error, self.lang)
            return None
        self.errors, self.form_open = {}, False
        return refused

    @rx.event
    @public(frontends=STOREFRONT, rate=(30, 600))
    def make_default(self, address_id: str, kind: str):
        return self._changed(lambda s, c: make_default(s, c.store_id, c.id, _id(address_id), str(kind)))

    @rx.event
    @public(frontends=STOREFRONT, rate=(30, 600))
    def delete(self, address_id: str):
        return self._changed(lambda s, c: delete_address(s, c.store_id, c.id, _id(address_id)))

    def _changed(self, change):
        def work(session, customer) -> None:
            change(session, customer)
            self._reload(session, customer)

        return self._as_customer(work)
