"""Tenancy background jobs."""

from modules.tenancy.services.auth import purge_expired_sessions as _purge
from orion_app.db import session_scope


def purge_expired_sessions() -> int:
    """Delete expired and long-revoked sign-in sessions; returns how many went."""
    with session_scope() as session:
        return _purge(session)
