"""Sign-in for the admin and store dashboards."""

import reflex as rx

from modules.tenancy.services.auth import sign_in
from orion_app.access import may_enter, principal_for
from orion_app.db import session_scope
from orion_app.errors import ServiceError
from orion_app.i18n import translate
from orion_app.observability import SIGN_INS
from orion_app.registry import Frontend
from orion_app.ui.forms import safe_next
from orion_app.ui.guard import current_access, guarded
from orion_app.ui.state import OrionState


class SignInState(OrionState):
    error: str = ""

    @rx.event
    @guarded(public=True, frontends=(Frontend.ADMIN, Frontend.STORE))
    def submit(self, form: dict):
        tenant = current_access().tenant
        try:
            with session_scope() as session:
                token, _user = sign_in(
                    session,
                    form.get("email", ""),
                    form.get("password", ""),
                    ip=self.router.session.client_ip,
                    previous_token=self.session_token,
                )
        except ServiceError as error:
            SIGN_INS.labels(outcome=error.message_key.rsplit(".", 1)[-1]).inc()
            self.error = translate(error.message_key, self.lang)
            return None
        if not may_enter(principal_for(token), tenant):
            SIGN_INS.labels(outcome="no_access").inc()
            self.error = translate("tenancy.signin.no_access", self.lang)
            return None
        SIGN_INS.labels(outcome="ok").inc()
        self.error = ""
        self.session_token = token
        return rx.redirect(safe_next(self.router.url.query_parameters.get("next"), tenant.base))
