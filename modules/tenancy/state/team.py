"""Store dashboard: the store's team; owners change roles and remove members, owners and
managers invite people by e-mail and re-send or revoke pending invitations."""

import reflex as rx

from modules.tenancy.services.invitations import (
    invite_member,
    list_invitations,
    resend_invitation,
    revoke_invitation,
)
from modules.tenancy.services.scope import as_id
from modules.tenancy.services.users import change_member_role, list_team, remove_member
from modules.tenancy.state.forms import DialogFormMixin
from modules.tenancy.state.links import mail_origin
from orion_app.access import has_permission
from orion_app.db import session_scope
from orion_app.errors import FieldErrors
from orion_app.i18n import translate
from orion_app.ui.format import iso
from orion_app.ui.guard import current_access, guarded, ui_only
from orion_app.ui.state import OrionState


class TeamState(DialogFormMixin, OrionState):
    can_manage: bool = False
    can_invite: bool = False
    invitations: list[dict[str, str]] = []
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
            self.can_invite = has_permission(access.principal, "tenancy.team.invite", access.tenant)
            pending = (
                list_invitations(session, access.principal, access.tenant.store.id) if self.can_invite else []
            )
            self.invitations = [
                {
                    "id": str(item.id),
                    "email": item.email,
                    "name": item.name,
                    "role": item.role,
                    "expires_at": iso(item.expires_at),
                    "expired": "1" if item.expired else "",
                }
                for item in pending
            ]

    @rx.event
    @guarded("tenancy.team.view", quiet=True)
    def load(self):
        self.role_error_id, self.removing_id = "", ""
        self._reload()

    @rx.event
    @guarded("tenancy.team.invite")
    def invite(self, form: dict):
        """Mail an invitation; the dialog keeps refused input with the reason next to each field."""
        access = current_access()
        email = self._create(invite_member, access.principal, access.tenant.store.id, form, mail_origin(self))
        if email is None:
            return None
        self._reload()
        return rx.toast.success(translate("tenancy.invitation.sent_toast", self.lang, email=email))

    @rx.event
    @guarded("tenancy.team.invite")
    def resend(self, invitation_id: str):
        access = current_access()
        with session_scope() as session:
            email = resend_invitation(
                session, access.principal, access.tenant.store.id, as_id(invitation_id), mail_origin(self)
            )
        self._reload()
        return rx.toast.success(translate("tenancy.invitation.sent_toast", self.lang, email=email))

    @rx.event
    @guarded("tenancy.team.invite")
    def revoke(self, invitation_id: str):
        access = current_access()
        with session_scope() as session:
            email = revoke_invitation(session, access.principal, access.tenant.store.id, as_id(invitation_id))
        self._reload()
        return rx.toast.success(translate("tenancy.invitation.revoked_toast", self.lang, email=email))

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
