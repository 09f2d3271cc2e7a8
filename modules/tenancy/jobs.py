"""Tenancy background jobs."""

from modules.tenancy.services import password_reset
from modules.tenancy.services.auth import purge_expired_sessions as _purge
from orion_app.db import session_scope


def purge_expired_sessions() -> int:
    """Delete expired and long-revoked sign-in sessions; returns how many went."""
    with session_scope() as session:
        return _purge(session)


def send_reset_link(email: str, link: str, platform_id: int | None) -> bool:
    """Mail a password-reset link when an active account has this e-mail (see password_reset)."""
    with session_scope() as session:
        return password_reset.send_reset_link(session, email, link, platform_id)
