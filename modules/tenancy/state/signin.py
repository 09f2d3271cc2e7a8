"""Sign-in pages of the admin and store dashboards.

The form posts to the framework's sign-in endpoint (`orion_app/auth_api.py`), which sets
the HttpOnly session cookie; this state only shows what that endpoint sent back.
"""

import reflex as rx

from orion_app.auth_api import ERRORS
from orion_app.i18n import translate
from orion_app.redirects import safe_next
from orion_app.registry import Frontend
from orion_app.ui.guard import public
from orion_app.ui.state import OrionState

# What another page may announce on the sign-in page (?error=password_changed).
NOTICES = ("password_changed", "password_reset", "joined")


class SignInState(OrionState):
    error: str = ""
    notice: str = ""
    next_path: str = ""

    @rx.event
    @public(frontends=(Frontend.ADMIN, Frontend.STORE))
    def load(self):
        """The refusal named in the URL (?error=invalid…), translated; unknown codes show nothing."""
        params = self.router.url.query_parameters
        code = params.get("error", "")
        self.error = translate(f"tenancy.signin.{code}", self.lang) if code in ERRORS else ""
        self.notice = translate(f"tenancy.signin.{code}", self.lang) if code in NOTICES else ""
        self.next_path = safe_next(params.get("next"), "")
