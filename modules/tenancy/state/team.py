"""Store dashboard: the store's team; owners add members, change their roles and remove them."""

import reflex as rx

from modules.tenancy.services.scope import as_id
from modules.tenancy.services.users import add_member, change_member_role, list_team, remove_member
from modules.tenancy.state.forms import DialogFormMixin
from orion_app.access import has_permission
from orion_app.db import session_scope
from orion_app.errors import FieldErrors
from orion_app.i18n import translate
from orion_app.ui.guard import current_access, guarded, ui_only
from orion_app.ui.state import OrionState


class TeamState(DialogFormMixin, OrionState):
    can_manage: bool = False
    # A refused role change: the member's id and why, shown on that member's row.
    role_error_id: str = ""
    role_error: str = ""
    # The member waiting for "remove?" to be confirmed, and why a removal was refused.
    removing_id: str = ""
    removing_name: str = ""
    remove_error: str = ""

    def _reload(self) -> None:
        access = current_access()
        with session_scope() as session:
            self.rows = [
                {
                    "id": str(user.id),
                    "email": user.email,
                    "name": user.name,
                    "role": role,
                    "self": "1" if user.id == access.principal.user_id else "",
                }
                for user, role in list_team(session, access.principal, access.tenant.store.id)
            ]
        self.can_manage = has_permission(access.principal, "tenancy.team.manage", access.tenant)

    @rx.event
    @guarded("tenancy.team.view", quiet=True)
    def load(self):
        self.role_error_id, self.removing_id = "", ""
        self._reload()

    @rx.event
    @guarded("tenancy.team.manage")
    def add(self, form: dict):
        access = current_access()
        user = self._create(add_member, access.principal, access.tenant.store.id, form)
        if user is None:
            return None
        self._reload()
        return rx.toast.success(user.email)

    @rx.event
    @guarded("tenancy.team.manage")
    def change_role(self, user_id: str, role: str):
        """Give a member another role; refusing to demote the last owner, next to his role."""
        access = current_access()
        self.role_error_id = ""
        try:
            with session_scope() as session:
                change_member_role(session, access.principal, access.tenant.store.id, as_id(user_id), role)
        except FieldErrors as error:
            self.role_error_id = str(user_id)
            self.role_error = translate(next(iter(error.errors.values())), self.lang)
        self._reload()

    @rx.event
    @ui_only
    def ask_remove(self, user_id: str, name: str):
        self.removing_id, self.removing_name, self.remove_error = user_id, name, ""

    @rx.event
    @ui_only
    def cancel_remove(self):
        self.removing_id, self.remove_error = "", ""

    @rx.event
    @guarded("tenancy.team.manage")
    def remove(self):
        """Take the member out of the team; the store's last owner stays, with the reason in the dialog."""
        access = current_access()
        try:
            with session_scope() as session:
                remove_member(session, access.principal, access.tenant.store.id, as_id(self.removing_id))
        except FieldErrors as error:
            self.remove_error = translate(next(iter(error.errors.values())), self.lang)
            return None
        name, self.removing_id = self.removing_name, ""
        self._reload()
        return rx.toast.success(translate("tenancy.team.removed_toast", self.lang, name=name))
