"""Admin, Payments: each platform's Stripe account (secrets write-only) and API base."""

import reflex as rx
from sqlmodel import Session

from modules.payments.services.settings import platform_view, save_platform
from modules.tenancy.public import administered_platform, platforms_administered
from orion_app.db import session_scope
from orion_app.errors import FieldErrors, NotFound
from orion_app.i18n import translate
from orion_app.registry import Frontend
from orion_app.routes import frontend_url
from orion_app.ui.forms import translated_errors
from orion_app.ui.guard import current_access, guarded
from orion_app.ui.state import OrionState

PLATFORM = "payments.platform.manage"


class PaymentPlatformsState(OrionState):
    rows: list[dict[str, str]] = []

    @rx.event
    @guarded(PLATFORM, quiet=True)
    def load(self):
        with session_scope() as session:
            platforms = platforms_administered(session, current_access().principal)
        self.rows = [
            {"code": p.code, "name": p.name, "href": frontend_url(Frontend.ADMIN, f"payments/{p.code}")}
            for p in platforms
        ]


class PaymentPlatformState(OrionState):
    """The secrets never enter this state: only whether each one is set."""

    found: bool = True
    platform_name: str = ""
    publishable_key: str = ""
    api_base: str = ""
    secret_key_set: bool = False
    webhook_secret_set: bool = False
    errors: dict[str, str] = {}
    form_key: int = 0
    _platform_id: int = 0

    def _fill(self, session: Session) -> bool:
        try:
            platform = administered_platform(session, current_access().principal, self._segment(2))
        except NotFound:
            self.found = False
            return False
        self.found, self._platform_id, self.platform_name = True, platform.id, platform.name
        view = platform_view(session, platform.id)
        self.publishable_key, self.api_base = view.publishable_key, view.api_base
        self.secret_key_set, self.webhook_secret_set = view.secret_key_set, view.webhook_secret_set
        self.form_key += 1
        return True

    @rx.event
    @guarded(PLATFORM, quiet=True)
    def load(self):
        self.errors = {}
        with session_scope() as session:
            self._fill(session)

    @rx.event
    @guarded(PLATFORM)
    def save(self, form: dict):
        """Save the account; a secret is replaced only when a new one is typed."""
        try:
            with session_scope() as session:
                if not self._fill(session):
                    return None
                save_platform(
                    session,
                    self._platform_id,
                    publishable_key=str(form.get("publishable_key", "")),
                    secret_key=str(form.get("secret_key", "")),
                    webhook_secret=str(form.get("webhook_secret", "")),
                    api_base=str(form.get("api_base", "")),
                )
                self._fill(session)
        except FieldErrors as error:
            self.errors = translated_errors(error, self.lang)
            return rx.toast.error(translate("orion.error.invalid_input", self.lang))
        self.errors = {}
        return rx.toast.success(translate("orion.saved", self.lang))
