"""Accepting a team invitation (a public page of the store dashboard, reached from the mail)."""

import reflex as rx

from modules.tenancy.services.invitations import accept_invitation, preview_invitation
from orion_app.db import session_scope
from orion_app.errors import FieldErrors, ServiceError
from orion_app.i18n import translate
from orion_app.registry import Frontend
from orion_app.routes import sign_in_url
from orion_app.ui.forms import translated_errors
from orion_app.ui.guard import current_access, public
from orion_app.ui.state import OrionState


class InvitationState(OrionState):
    valid: bool = False
    email: str = ""
    name: str = ""
    role: str = ""
    store_name: str = ""
    has_account: bool = False
    errors: dict[str, str] = {}
    error: str = ""
    _token: str = ""

    @rx.event
    @public(frontends=(Frontend.STORE,))
    def load(self):
        """What the link invites to; an unknown, used or expired link shows only that."""
        self._token = self.router.url.query_parameters.get("token", "")
        self.errors, self.error = {}, ""
        with session_scope() as session:
            preview = preview_invitation(session, current_access().tenant.store.id, self._token)
        self.valid = preview is not None
        if preview is not None:
            self.email, self.name, self.role = preview.email, preview.name, preview.role
            self.store_name, self.has_account = preview.store_name, preview.has_account

    @rx.event
    @public(frontends=(Frontend.STORE,), rate=(10, 60))
    def accept(self, form: dict):
        """Join the team, then sign in; refused input stays with the reason next to the field."""
        access = current_access()
        try:
            with session_scope() as session:
                accept_invitation(
                    session, access.tenant.store.id, self._token, form, self.router.session.client_ip
                )
        except FieldErrors as error:
            self.errors = translated_errors(error, self.lang)
            return None
        except ServiceError as error:
            self.errors, self.error = {}, translate(error.message_key, self.lang)
            return None
        return rx.redirect(sign_in_url(access.tenant.base) + "?error=joined")
