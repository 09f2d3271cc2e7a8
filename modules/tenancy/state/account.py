"""A staff member's own account ("My profile"): name, language, password and sessions."""

import reflex as rx

from modules.tenancy.services.auth import change_password, sign_out_everywhere
from modules.tenancy.services.profile import own_sessions, update_profile
from orion_app.db import session_scope
from orion_app.errors import FieldErrors
from orion_app.i18n import translate
from orion_app.registry import Frontend
from orion_app.routes import sign_in_url
from orion_app.ui.format import iso
from orion_app.ui.forms import translated_errors
from orion_app.ui.guard import current_access, guarded
from orion_app.ui.state import OrionState

STAFF = (Frontend.ADMIN, Frontend.STORE)


class AccountState(OrionState):
    errors: dict[str, str] = {}
    profile_errors: dict[str, str] = {}
    email: str = ""
    name: str = ""
    language: str = ""
    sessions: list[dict[str, str]] = []

    @rx.event
    @guarded(frontends=STAFF, quiet=True)
    def load(self):
        self.errors, self.profile_errors = {}, {}
        principal = current_access().principal
        self.email, self.name, self.language = (
            principal.email,
            principal.name,
            principal.language or self.lang,
        )
        with session_scope() as session:
            self.sessions = [
                {"created_at": iso(row.created_at), "ip": row.ip, "current": "1" if row.current else ""}
                for row in own_sessions(session, principal, self._session_token())
            ]

    @rx.event
    @guarded(frontends=STAFF)
    def save_profile(self, form: dict):
        """Name and language; the page reloads in the chosen language."""
        try:
            with session_scope() as session:
                user = update_profile(session, current_access().principal, form)
        except FieldErrors as error:
            self.profile_errors = translated_errors(error, self.lang)
            return None
        self.profile_errors, self.name = {}, user.name
        self.lang_choice = self.lang = self.language = user.language
        return [
            rx.toast.success(translate("tenancy.profile.saved", self.lang)),
            rx.call_script("location.reload()"),
        ]

    @rx.event
    @guarded(frontends=STAFF)
    def change_password(self, form: dict):
        """Every session of the account ends, this one too: the person signs in again (a
        new cookie can only come from the sign-in endpoint, and a session that outlives a
        password change would be one more thing a thief could keep)."""
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

    @rx.event
    @guarded(frontends=STAFF)
    def sign_out_everywhere(self):
        """End every session of the account, this browser's too."""
        access = current_access()
        with session_scope() as session:
            sign_out_everywhere(session, access.principal.user_id)
        return rx.redirect(sign_in_url(access.tenant.base))
