"""What an admin does to a user, from the users list and from the user's own page."""

import reflex as rx

from modules.tenancy.services.scope import as_id
from modules.tenancy.services.users import admin_reset_password, set_user_active
from orion_app.db import session_scope
from orion_app.errors import FieldErrors
from orion_app.i18n import translate
from orion_app.ui.forms import translated_errors
from orion_app.ui.guard import current_access, guarded, ui_only


class UserActionsMixin(rx.State, mixin=True):
    """Disable/enable a user and set their password (in a dialog); after each, the page's
    own `_reload` shows the change."""

    reset_user_id: str = ""
    reset_email: str = ""
    reset_errors: dict[str, str] = {}

    @rx.event
    @guarded("tenancy.users.manage")
    def set_active(self, user_id: str, active: bool):
        """Disabling signs the person out everywhere; re-enabling brings no session back."""
        with session_scope() as session:
            user = set_user_active(session, current_access().principal, as_id(user_id), bool(active))
        self._reload()
        key = "tenancy.user.enabled_toast" if user.is_active else "tenancy.user.disabled_toast"
        return rx.toast.success(translate(key, self.lang, email=user.email))

    @rx.event
    @ui_only
    def open_reset(self, user_id: str, email: str):
        self.reset_user_id, self.reset_email, self.reset_errors = user_id, email, {}

    @rx.event
    @ui_only
    def close_reset(self, _open: bool = False):
        self.reset_user_id, self.reset_errors = "", {}

    @rx.event
    @guarded("tenancy.users.manage")
    def reset_password(self, form: dict):
        """Set someone's password (the service checks they are in the admin's scope)."""
        try:
            with session_scope() as session:
                admin_reset_password(
                    session,
                    current_access().principal,
                    as_id(self.reset_user_id),
                    str(form.get("new_password") or ""),
                )
        except FieldErrors as error:
            self.reset_errors = translated_errors(error, self.lang)
            return None
        email, self.reset_user_id, self.reset_errors = self.reset_email, "", {}
        self._reload()
        return rx.toast.success(translate("tenancy.user.password_reset_toast", self.lang, email=email))
