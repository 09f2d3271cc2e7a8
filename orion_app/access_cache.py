"""The guard's inputs, cached per process and dropped everywhere at once when they change.

Tenant resolution, enabled modules and the principal behind a session token change rarely
and are read on every event. Each process keeps them in memory. A counter in Redis is the
version of "who may do what": every commit that changes a platform, store, domain, module
switch, user, role or session increments it (`watch_models`), and each access decision
reads it once. A process that sees a new number drops its whole cache, so a module toggle,
a role change or a sign-out counts on the very next event in every backend process.

Without Redis the cache is bypassed (each decision reads the database), never trusted stale.
"""

import logging
import time
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import event
from sqlmodel import Session

from orion_app.redis_client import get_redis, key

log = logging.getLogger(__name__)

PRINCIPAL_TTL_SECONDS = 60.0  # a session that expires is noticed within this time
MAX_ENTRIES = 20_000
_MISSING = object()
_CHANGED = "orion_access_changed"


class _State:
    version: bytes | None = None
    usable = False
    entries: dict[tuple, tuple[float, Any]] = {}


def _version_key() -> str:
    return key("access", "version")


def refresh() -> bool:
    """Read the shared version once; drop everything when it moved. False without Redis."""
    try:
        version = get_redis().get(_version_key()) or b"0"
    except Exception:
        if _State.usable:
            log.warning("Redis is unreachable: access decisions read the database until it is back.")
        _State.usable = False
        _State.entries = {}
        return False
    if version != _State.version or len(_State.entries) > MAX_ENTRIES:
        _State.version = version
        _State.entries = {}
    _State.usable = True
    return True


def cached(kind: str, args: tuple, compute: Callable[[], Any], ttl: float | None = None) -> Any:
    """`compute()` remembered under (kind, args) until the version moves (or `ttl` passes)."""
    if not _State.usable:
        return compute()
    entry = _State.entries.get((kind, *args), _MISSING)
    now = time.monotonic()
    if entry is not _MISSING and (entry[0] == 0 or entry[0] > now):
        return entry[1]
    value = compute()
    _State.entries[(kind, *args)] = (now + ttl if ttl else 0, value)
    return value


def invalidate() -> None:
    """Tell every process that access facts changed."""
    try:
        get_redis().incr(_version_key())
    except Exception:
        log.exception("Could not publish an access change; caches are bypassed while Redis is down.")
    _State.entries = {}


def watch_models(models: Iterable[type], *, inserts: bool = True) -> None:
    """After any commit that wrote one of `models`, invalidate (`inserts=False`: updates and
    deletes only, e.g. sessions, whose creation changes nobody's access)."""
    watched = tuple(models)

    @event.listens_for(Session, "after_flush")
    def _mark(session, _context):
        rows = [*session.dirty, *session.deleted, *(session.new if inserts else ())]
        if any(isinstance(row, watched) for row in rows):
            session.info[_CHANGED] = True

    @event.listens_for(Session, "do_orm_execute")
    def _mark_bulk(state):
        # `update(User)…` / `delete(UserSession)…` statements bypass the flush.
        if (state.is_update or state.is_delete) and any(
            isinstance(mapper.class_, type) and issubclass(mapper.class_, watched)
            for mapper in state.all_mappers
        ):
            state.session.info[_CHANGED] = True

    @event.listens_for(Session, "after_commit")
    def _publish(session):
        if session.info.pop(_CHANGED, False):
            invalidate()

    @event.listens_for(Session, "after_rollback")
    def _forget(session):
        session.info.pop(_CHANGED, None)
