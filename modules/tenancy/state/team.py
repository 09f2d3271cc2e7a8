"""Store dashboard: the store's team; owners add members with a role."""

import reflex as rx

from modules.tenancy.services.users import add_member, list_team
from orion_app.access import has_permission
from orion_app.db import session_scope
from orion_app.errors import FieldErrors
from orion_app.registry import StoreRole
from orion_app.ui.forms import translated_errors
from orion_app.ui.guard import current_access, guarded, ui_only
from orion_app.ui.state import OrionState


class TeamState(OrionState):
    rows: list[dict[str, str]] = []
    errors: dict[str, str] = {}
    can_manage: bool = False
    dialog_open: bool = False
    role_options: list[dict[str, str]] = [{"value": r.value, "label": r.value} for r in StoreRole]

    def _reload(self) -> None:
        access = current_access()
        with session_scope() as session:
            self.rows = [
                {"email": user.email, "name": user.name, "role": role}
                for user, role in list_team(session, access.principal, access.tenant.store.id)
            ]
        self.can_manage = has_permission(access.principal, "tenancy.team.manage", access.tenant)

    @rx.event
    @guarded("tenancy.team.view", quiet=True)
    def load(self):
        self._reload()

    @rx.event
    @ui_only
    def set_dialog_open(self, value: bool):
        self.dialog_open = value
        self.errors = {}

    @rx.event
    @guarded("tenancy.team.manage")
    def add(self, form: dict):
        access = current_access()
        try:
            with session_scope() as session:
                user = add_member(session, access.principal, access.tenant.store.id, form)
        except FieldErrors as error:
            self.errors = translated_errors(error, self.lang)
            return None
        self.errors, self.dialog_open = {}, False
        self._reload()
        return rx.toast.success(user.email)
