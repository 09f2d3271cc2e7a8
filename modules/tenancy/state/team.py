"""Store dashboard: the store's team; owners add members with a role."""

import reflex as rx

from modules.tenancy.services.users import add_member, list_team
from modules.tenancy.state.forms import DialogFormMixin
from orion_app.access import has_permission
from orion_app.db import session_scope
from orion_app.registry import StoreRole
from orion_app.ui.guard import current_access, guarded
from orion_app.ui.state import OrionState


class TeamState(DialogFormMixin, OrionState):
    can_manage: bool = False
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
    @guarded("tenancy.team.manage")
    def add(self, form: dict):
        access = current_access()
        user = self._create(add_member, access.principal, access.tenant.store.id, form)
        if user is None:
            return None
        self._reload()
        return rx.toast.success(user.email)
