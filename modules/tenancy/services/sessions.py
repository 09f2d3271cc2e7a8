"""Server-side session tokens: random, stored only as a SHA-256, with an expiry and a revocation.

Nothing here knows who signs in: the helpers work on any session table with `token_hash`,
`expires_at` and `revoked_at` columns (staff sessions today, shopper sessions later).
"""

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, delete, update
from sqlmodel import Session, select

from orion_app.db import utcnow


def new_token() -> str:
    """A token for the cookie; only its hash is ever stored."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def expires_at(hours: int) -> datetime:
    return utcnow() + timedelta(hours=hours)


def live(model) -> ColumnElement[bool]:
    """The condition of a session that still signs someone in: not revoked, not expired."""
    return model.revoked_at.is_(None) & (model.expires_at > utcnow())


def revoke(session: Session, model, *where: ColumnElement[bool]) -> int:
    """Revoke every live session matching `where`; the caller commits. Returns how many.

    Nothing is written when nothing matches: every write to a session table drops the
    access caches of all processes, and an unknown token must not cause that.
    """
    if session.exec(select(model.id).where(live(model), *where).limit(1)).first() is None:
        return 0
    statement = update(model).where(live(model), *where).values(revoked_at=utcnow())
    return session.exec(statement.execution_options(synchronize_session="fetch")).rowcount


def purge(session: Session, model) -> int:
    """Delete sessions that expired, or were revoked more than a day ago; the caller commits."""
    now = utcnow()
    long_revoked = model.revoked_at.is_not(None) & (model.revoked_at < now - timedelta(days=1))
    stale = (model.expires_at < now) | long_revoked
    statement = delete(model).where(stale).execution_options(synchronize_session="fetch")
    return session.exec(statement).rowcount
