"""Mails tenancy sends to staff (platform-level texts: stores cannot override them)."""

from modules.messaging.public import MessageKind

KINDS = (
    MessageKind(
        code="tenancy.team_invitation",
        variables=("inviter_name", "role_name", "link", "valid_days"),
        store_overridable=False,
    ),
    MessageKind(
        code="tenancy.reset_password",
        variables=("link", "valid_minutes"),
        store_overridable=False,
    ),
)
