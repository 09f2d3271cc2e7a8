"""Forgotten passwords on the admin and store dashboards: ask for a link, then set a new one."""

import reflex as rx

from modules.tenancy.services.password_reset import request_reset, reset_link_is_live, reset_password
from modules.tenancy.state.links import mail_origin
from orion_app.db import session_scope
from orion_app.errors import FieldErrors, ServiceError
from orion_app.i18n import translate
from orion_app.registry import Frontend
from orion_app.routes import sign_in_url
from orion_app.ui.forms import translated_errors
from orion_app.ui.guard import current_access, public
from orion_app.ui.state import OrionState

STAFF = (Frontend.ADMIN, Frontend.STORE)


class ForgotPasswordState(OrionState):
    sent: bool = False
    error: str = ""
    errors: dict[str, str] = {}  # none: the form has one field, refused only as a whole

    @rx.event
    @public(frontends=STAFF)
    def load(self):
        self.sent, self.error = False, ""

    @rx.event
    @public(frontends=STAFF, rate=(10, 60))
    def send_link(self, form: dict):
        """The same answer whether the e-mail has an account or not (a job looks it up)."""
        tenant = current_access().tenant
        try:
            request_reset(
                str(form.get("email") or ""),
                self.router.session.client_ip,
                f"{mail_origin(self)}{tenant.base}reset-password",
                tenant.platform.id if tenant.platform else None,
            )
        except ServiceError as error:
            self.error = translate(error.message_key, self.lang)
            return
        self.sent, self.error = True, ""


class ResetPasswordState(OrionState):
    valid: bool = False
    errors: dict[str, str] = {}
    _token: str = ""

    @rx.event
    @public(frontends=STAFF)
    def load(self):
        self._token = self.router.url.query_parameters.get("token", "")
        self.errors = {}
        with session_scope() as session:
            self.valid = reset_link_is_live(session, self._token)

    @rx.event
    @public(frontends=STAFF, rate=(10, 60))
    def save_password(self, form: dict):
        """Set the new password (the link is then spent), and go to sign-in."""
        base = current_access().tenant.base
        try:
            with session_scope() as session:
                reset_password(session, self._token, str(form.get("password") or ""))
        except FieldErrors as error:
            self.errors = translated_errors(error, self.lang)
            return None
        except ServiceError:
            self.valid = False
            return None
        return rx.redirect(sign_in_url(base) + "?error=password_reset")
