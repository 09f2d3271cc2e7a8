"""The guard's inputs, cached per process and dropped everywhere at once when they change.

Tenant resolution, enabled modules, the store's plan (the `plan_access` port) and the
principal behind a session token change rarely and are read on every event. Each process
keeps them in memory. A counter in Redis is the version of "who may do what": every commit
that changes a platform, store, domain, module switch, user, role, session, plan or
subscription increments it and publishes the new number (`watch_models`, called by the
modules owning those tables).
Each process subscribes; every access decision drains what has arrived on that
subscription without waiting (a poll of a socket, no round trip). Redis has written the
message to every subscriber before the writer's commit returns, so a process that sees a
new number drops its whole cache, and a module toggle, a role change or a sign-out counts
on the very next event in every backend process.

Without Redis the cache is bypassed (each decision reads the database), never trusted stale.
"""

import contextlib
import logging
import os
import select
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import event
from sqlmodel import Session

from orion_app.redis_client import get_redis, key
from orion_app.settings import get_settings

log = logging.getLogger(__name__)

PRINCIPAL_TTL_SECONDS = 60.0  # a session that expires is noticed within this time
MAX_ENTRIES = 20_000
_MISSING = object()
_CHANGED = "orion_access_changed"


class _State:
    version: bytes | None = None
    usable = False
    entries: dict[tuple, tuple[float, Any]] = {}
    pubsub = None
    pid = 0
    database = ""
    lock = threading.Lock()


def _version_key() -> str:
    return key("access", "version")


def _drop_subscription() -> None:
    if _State.pubsub is not None:
        with contextlib.suppress(Exception):
            _State.pubsub.close()
    _State.pubsub = None


def _latest_version() -> bytes:
    """The newest version number: subscribe first (once per process), then drain."""
    if _State.pubsub is None or _State.pid != os.getpid():
        _State.pubsub = None  # a forked child never reads its parent's socket
        pubsub = get_redis().pubsub(ignore_subscribe_messages=True)
        pubsub.subscribe(_version_key())
        _State.pubsub, _State.pid = pubsub, os.getpid()
        return get_redis().get(_version_key()) or b"0"  # read after subscribing: no gap
    version = _State.version
    if not _has_news(_State.pubsub):
        return version
    while (message := _State.pubsub.get_message(timeout=0.0)) is not None:
        version = message["data"]
    return version


def _has_news(pubsub) -> bool:
    """Whether bytes wait on the subscription's socket: one `select`, cheaper than asking
    redis-py to try a read. Draining always empties redis-py's own buffer, so the socket
    tells the whole story; without a socket to look at, assume there is news."""
    sock = getattr(pubsub.connection, "_sock", None)
    if sock is None:
        return True
    return bool(select.select([sock], [], [], 0)[0])


def refresh() -> bool:
    """Catch up with changes published by any process; False (cache off) without Redis."""
    database = get_settings().database_url
    with _State.lock:
        try:
            version = _latest_version()
        except Exception:
            if _State.usable:
                log.warning("Redis is unreachable: access decisions read the database until it is back.")
            _drop_subscription()
            _State.usable, _State.entries = False, {}
            return False
        if version != _State.version or database != _State.database or len(_State.entries) > MAX_ENTRIES:
            _State.version, _State.database, _State.entries = version, database, {}
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
        redis = get_redis()
        redis.publish(_version_key(), redis.incr(_version_key()))
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
