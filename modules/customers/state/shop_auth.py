"""Storefront sign-up, sign-in, e-mail verification, forgot and reset password.

Sign-up and sign-in post plain forms to `modules/customers/api.py` (which sets the
HttpOnly cookie); these states show what came back in the URL. Verification, "forgot" and
"reset" set no cookie, so they are handlers here.
"""

import reflex as rx

from modules.customers.services.accounts import verify_email
from modules.customers.services.auth import forgot_password, reset_link_works, reset_password
from modules.customers.state.shop_common import (
    STOREFRONT,
    base,
    errors_from_query,
    field_errors,
    language_options,
    shop,
)
from orion_app.db import session_scope
from orion_app.errors import FieldErrors, ServiceError
from orion_app.i18n import translate
from orion_app.redirects import safe_next
from orion_app.ui.guard import current_access, public
from orion_app.ui.state import OrionState

SIGN_IN_ERRORS = ("invalid", "too_many")
SIGN_IN_NOTICES = ("reset_done", "signed_out", "deleted")


class ShopSignUpState(OrionState):
    errors: dict[str, str] = {}
    name: str = ""
    email: str = ""
    language: str = ""
    languages: list[dict[str, str]] = []

    @rx.event
    @public(frontends=STOREFRONT)
    def load(self):
        """The form again with what was sent and the errors the endpoint named (?e_email=…)."""
        params = self.router.url.query_parameters
        self.errors = errors_from_query(params, self.lang)
        self.name = (params.get("name") or "")[:120]
        self.email = (params.get("email") or "")[:254]
        self.languages = language_options()
        asked = params.get("language") or self.lang
        self.language = asked if any(o["value"] == asked for o in self.languages) else self.lang


class ShopSignInState(OrionState):
    errors: dict[str, str] = {}  # none: a refusal names no field (it never says which was wrong)
    error: str = ""
    notice: str = ""
    next_path: str = ""

    @rx.event
    @public(frontends=STOREFRONT)
    def load(self):
        params = self.router.url.query_parameters
        code, notice = params.get("error", ""), params.get("notice", "")
        self.error = translate(f"customers.shop.{code}", self.lang) if code in SIGN_IN_ERRORS else ""
        self.notice = translate(f"customers.shop.{notice}", self.lang) if notice in SIGN_IN_NOTICES else ""
        self.next_path = safe_next(params.get("next"), f"{base()}account")


class ShopVerifyState(OrionState):
    verified: bool = False
    checked: bool = False

    @rx.event
    @public(frontends=STOREFRONT)
    def load(self):
        """Use the link's token (once): the account of this store is now verified."""
        token = (self.router.url.query_parameters.get("token") or "")[:100]
        with session_scope() as session:
            self.verified = verify_email(session, current_access().tenant.store.id, token)
        self.checked = True


class ShopForgotState(OrionState):
    sent: bool = False
    errors: dict[str, str] = {}

    @rx.event
    @public(frontends=STOREFRONT)
    def load(self):
        self.sent = False
        self.errors = {}

    @rx.event
    @public(frontends=STOREFRONT, rate=(5, 600))
    def request_link(self, form: dict):
        """Queue the reset mail; the answer is the same whether the e-mail has an account."""
        email = str(form.get("email") or "").strip()
        if not email:
            self.errors = {"email": translate("customers.account.required", self.lang)}
            return
        forgot_password(shop(self), email)
        self.errors = {}
        self.sent = True


class ShopResetState(OrionState):
    link_ok: bool = False
    checked: bool = False
    errors: dict[str, str] = {}
    error: str = ""

    def _token(self) -> str:
        return (self.router.url.query_parameters.get("token") or "")[:100]

    @rx.event
    @public(frontends=STOREFRONT)
    def load(self):
        with session_scope() as session:
            self.link_ok = reset_link_works(session, current_access().tenant.store.id, self._token())
        self.checked, self.errors, self.error = True, {}, ""

    @rx.event
    @public(frontends=STOREFRONT, rate=(10, 600))
    def set_new_password(self, form: dict):
        """The new password (once per link); every session of the account ends."""
        try:
            with session_scope() as session:
                reset_password(
                    session, current_access().tenant.store.id, self._token(), str(form.get("password") or "")
                )
        except FieldErrors as error:
            self.errors = field_errors(error, self.lang)
            return None
        except ServiceError as error:
            self.link_ok, self.error = False, translate(error.message_key, self.lang)
            return None
        return rx.redirect(f"{base()}account/login?notice=reset_done")
