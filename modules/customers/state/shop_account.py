"""A signed-in shopper's account pages: profile (with the unverified banner), orders and
privacy. Every handler finds the customer again from the websocket's cookie for this store;
no customer id ever comes from the client or sits in state."""

from collections.abc import Callable

import reflex as rx
from sqlmodel import Session

from modules.customers.models import Customer
from modules.customers.services.accounts import resend_verification, update_profile
from modules.customers.services.history import account_orders
from modules.customers.services.privacy import delete_account
from modules.customers.state.shop_common import (
    STOREFRONT,
    base,
    field_errors,
    language_options,
    shop,
    signed_in,
)
from orion_app.db import session_scope
from orion_app.errors import FieldErrors
from orion_app.i18n import translate
from orion_app.ui.format import iso
from orion_app.ui.guard import current_access, public
from orion_app.ui.state import OrionState


def to_sign_in(state) -> rx.event.EventSpec:
    return rx.redirect(f"{base()}account/login?next={state.router.url.path}")


class ShopAccountState(OrionState):
    """The header every account page shows: who is signed in, and whether verified."""

    customer_name: str = ""
    customer_email: str = ""
    verified: bool = True
    resent: bool = False

    def _as_customer(self, work: Callable[[Session, Customer], None]):
        """`work(session, customer)` for the signed-in customer of this store, then the header
        shown again; the sign-in page instead when nobody is signed in. Service errors
        (FieldErrors) roll the work back and reach the caller."""
        with session_scope() as session:
            customer = signed_in(self, session)
            if customer is None:
                return to_sign_in(self)
            work(session, customer)
            session.flush()
            self.customer_name = customer.name
            self.customer_email = customer.email
            self.verified = customer.email_verified_at is not None
        return None

    @rx.event
    @public(frontends=STOREFRONT, rate=(5, 3600))
    def resend(self):
        """The verification link again (a few times an hour at most)."""
        if refused := self._as_customer(lambda session, c: resend_verification(session, shop(self), c.id)):
            return refused
        self.resent = True
        return None


class ShopProfileState(ShopAccountState):
    name: str = ""
    language: str = ""
    marketing: bool = False
    marketing_at: str = ""
    languages: list[dict[str, str]] = []
    errors: dict[str, str] = {}
    saved: bool = False
    welcome: bool = False
    form_key: int = 0  # a new key remounts the form with the saved values

    def _fill(self, _session: Session, customer: Customer) -> None:
        self.name = customer.name
        self.language = customer.language or ""
        self.marketing = customer.marketing_consent
        self.marketing_at = iso(customer.marketing_consent_at)
        self.form_key += 1

    @rx.event
    @public(frontends=STOREFRONT)
    def load(self):
        self.languages = language_options()
        self.errors, self.saved, self.resent = {}, False, False
        self.welcome = self.router.url.query_parameters.get("welcome") == "1"
        return self._as_customer(self._fill)

    @rx.event
    @public(frontends=STOREFRONT, rate=(30, 600))
    def save(self, form: dict):
        store = current_access().tenant.store

        def change(session: Session, customer: Customer) -> None:
            update_profile(
                session,
                store.id,
                customer.id,
                name=str(form.get("name") or ""),
                language=str(form.get("language") or ""),
                marketing_consent=form.get("marketing") in (True, "on"),
                languages=tuple(store.languages),
            )
            self._fill(session, customer)

        try:
            refused = self._as_customer(change)
        except FieldErrors as error:
            self.errors, self.saved = field_errors(error, self.lang), False
            return None
        self.errors, self.saved = {}, refused is None
        return refused


def _nothing(_session: Session, _customer: Customer) -> None:
    """Pages whose only data is the header."""


class ShopOrdersState(ShopAccountState):
    """The customer's orders, as the module contributing `customer_order_history` lists them."""

    orders: list[dict[str, str]] = []

    def _fill(self, session: Session, customer: Customer) -> None:
        self.orders = [
            {
                "number": order.number,
                "placed": iso(order.placed_at),
                "status": order.status,
                "total": order.total,
                "items": str(order.item_count),
                "path": order.path,
            }
            for order in account_orders(session, customer.store_id, customer.id, self.lang)
        ]

    @rx.event
    @public(frontends=STOREFRONT)
    def load(self):
        self.orders = []
        return self._as_customer(self._fill)


class ShopPrivacyState(ShopAccountState):
    errors: dict[str, str] = {}

    @rx.event
    @public(frontends=STOREFRONT)
    def load(self):
        self.errors = {}
        return self._as_customer(_nothing)

    @rx.event
    @public(frontends=STOREFRONT, rate=(5, 600))
    def delete(self, form: dict):
        """Anonymise the account (password asked again) and end every session."""
        if form.get("confirm") not in (True, "on"):
            self.errors = {"confirm": translate("customers.account.confirm_delete", self.lang)}
            return None
        store_id = current_access().tenant.store.id
        password = str(form.get("password") or "")
        try:
            refused = self._as_customer(lambda session, c: delete_account(session, store_id, c.id, password))
        except FieldErrors as error:
            self.errors = field_errors(error, self.lang)
            return None
        return refused or rx.redirect(f"{base()}account/login?notice=deleted")
