"""A staff member's own account: changing the password."""

import reflex as rx

from modules.tenancy.services.auth import change_password
from orion_app.db import session_scope
from orion_app.errors import FieldErrors
from orion_app.registry import Frontend
from orion_app.routes import sign_in_url
from orion_app.ui.forms import translated_errors
from orion_app.ui.guard import current_access, guarded
from orion_app.ui.state import OrionState

STAFF = (Frontend.ADMIN, Frontend.STORE)


class AccountState(OrionState):
    errors: dict[str, str] = {}
    email: str = ""

    @rx.event
    @guarded(frontends=STAFF, quiet=True)
    def load(self):
        self.errors = {}
        self.email = current_access().principal.email

    @rx.event
    @guarded(frontends=STAFF)
    def change_password(self, form: dict):
        """Every session of the account ends, this one too: the person signs in again."""
        access = current_access()
        try:
            with session_scope() as session:
                change_password(
                    session,
                    access.principal,
                    str(form.get("current_password") or ""),
                    str(form.get("new_password") or ""),
                )
        except FieldErrors as error:
            self.errors = translated_errors(error, self.lang)
            return None
        self.errors = {}
        return rx.redirect(sign_in_url(access.tenant.base) + "?error=password_changed")
