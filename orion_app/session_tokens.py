"""Server-side session tokens and one-time tokens: random, stored only as a SHA-256.

Nothing here knows who signs in: the helpers work on any session table with `token_hash`,
`expires_at` and `revoked_at` columns (staff users' and shoppers' sessions), and any
one-time token table (below).
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


# One-time tokens (e-mail verification, password reset, invitations) live in any table with
# `token_hash`, `purpose`, `expires_at` and `used_at` columns. Only the hash is stored, a
# token is redeemed once, and redeeming is one conditional UPDATE, so two clicks on the
# same link cannot both win.


def issue_one_time(session: Session, model, purpose: str, hours: float, **fields) -> str:
    """Store a new one-time token for `purpose` (valid `hours`) and return it; the caller commits."""
    token = new_token()
    session.add(
        model(
            token_hash=token_hash(token),
            purpose=purpose,
            expires_at=utcnow() + timedelta(hours=hours),
            **fields,
        )
    )
    return token


def redeem_one_time(session: Session, model, purpose: str, token: str):
    """The row of a live token for `purpose`, marked used; None when unknown, used or expired.

    The caller commits (with whatever the token unlocks, in the same transaction)."""
    if not token:
        return None
    row = session.exec(
        select(model).where(
            model.token_hash == token_hash(token),
            model.purpose == purpose,
            model.used_at.is_(None),
            model.expires_at > utcnow(),
        )
    ).first()
    if row is None:
        return None
    claimed = session.exec(
        update(model)
        .where(model.id == row.id, model.used_at.is_(None))
        .values(used_at=utcnow())
        .execution_options(synchronize_session="fetch")
    ).rowcount
    return row if claimed == 1 else None


def revoke_one_time(session: Session, model, purpose: str, *where: ColumnElement[bool]) -> int:
    """Mark every unused token for `purpose` matching `where` as used (a newer link replaces
    older ones); the caller commits."""
    statement = (
        update(model)
        .where(model.purpose == purpose, model.used_at.is_(None), *where)
        .values(used_at=utcnow())
        .execution_options(synchronize_session="fetch")
    )
    return session.exec(statement).rowcount
