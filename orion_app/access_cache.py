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

Other rarely changing public reads (a store's category tree, its CMS menus and theme) use the
same machinery under a **scope** of their own: `watch_models(models, scope="cms")` makes a
commit touching those models drop only that scope's entries, in every process. A change in the
"access" scope (a store, a platform, a module switch...) drops every scope, since the other
scopes' values are computed for a tenant.

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
ACCESS = "access"  # the guard's own scope; a change here drops every scope


class _State:
    version: bytes | None = None
    usable = False
    entries: dict[tuple, tuple[float, Any]] = {}  # (scope, kind, *args) -> (expiry or 0, value)
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


def _latest_version() -> tuple[bytes, set[str]]:
    """The newest version number and the scopes changed since the last look: subscribe first
    (once per process), then drain. A message is `<version>` (the access scope) or
    `<version>:<scope>`."""
    if _State.pubsub is None or _State.pid != os.getpid():
        _State.pubsub = None  # a forked child never reads its parent's socket
        pubsub = get_redis().pubsub(ignore_subscribe_messages=True)
        pubsub.subscribe(_version_key())
        _State.pubsub, _State.pid = pubsub, os.getpid()
        # Read after subscribing: no gap. A new subscription trusts nothing cached before.
        return get_redis().get(_version_key()) or b"0", {ACCESS}
    version, scopes = _State.version, set()
    if not _has_news(_State.pubsub):
        return version, scopes
    while (message := _State.pubsub.get_message(timeout=0.0)) is not None:
        version, _, scope = bytes(message["data"]).partition(b":")
        scopes.add(scope.decode() or ACCESS)
    return version, scopes


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
            version, scopes = _latest_version()
        except Exception:
            if _State.usable:
                log.warning("Redis is unreachable: access decisions read the database until it is back.")
            _drop_subscription()
            _State.usable, _State.entries = False, {}
            return False
        if ACCESS in scopes or database != _State.database or len(_State.entries) > MAX_ENTRIES:
            _State.database, _State.entries = database, {}
        elif scopes:
            _State.entries = {k: v for k, v in _State.entries.items() if k[0] not in scopes}
        _State.version = version
        _State.usable = True
        return True


def cached(
    kind: str,
    args: tuple,
    compute: Callable[[], Any],
    ttl: float | None = None,
    scope: str = ACCESS,
) -> Any:
    """`compute()` remembered under (scope, kind, args) until the scope (or the access scope)
    changes, or `ttl` seconds pass. `compute` may instead return `Expiring(value, seconds)`:
    a value known to go stale at a time of its own (a page scheduled to appear)."""
    if not _State.usable:
        value = compute()
        return value.value if isinstance(value, Expiring) else value
    # The entries as they are now: a change published while `compute()` runs replaces
    # `_State.entries`, so a value computed across it lands in the dropped dict, not the new.
    entries = _State.entries
    entry = entries.get((scope, kind, *args), _MISSING)
    now = time.monotonic()
    if entry is not _MISSING and (entry[0] == 0 or entry[0] > now):
        return entry[1]
    value = compute()
    if isinstance(value, Expiring):
        ttl = value.seconds if ttl is None or value.seconds is None else min(ttl, value.seconds)
        value = value.value
    entries[(scope, kind, *args)] = (now + ttl if ttl is not None else 0, value)
    return value


class Expiring:
    """A computed value and the seconds it stays true (None: until its scope changes)."""

    __slots__ = ("seconds", "value")

    def __init__(self, value: Any, seconds: float | None):
        self.value, self.seconds = value, seconds


def invalidate(scope: str = ACCESS) -> None:
    """Tell every process that the facts of `scope` changed (the access scope: everything)."""
    try:
        redis = get_redis()
        version = redis.incr(_version_key())
        redis.publish(_version_key(), version if scope == ACCESS else f"{version}:{scope}")
    except Exception:
        log.exception("Could not publish a change of %s; caches are bypassed while Redis is down.", scope)
    if scope == ACCESS:
        _State.entries = {}
    else:
        _State.entries = {k: v for k, v in _State.entries.items() if k[0] != scope}


def watch_models(models: Iterable[type], *, inserts: bool = True, scope: str = ACCESS) -> None:
    """After any commit that wrote one of `models`, invalidate `scope` (`inserts=False`:
    updates and deletes only, e.g. sessions, whose creation changes nobody's access)."""
    watched = tuple(models)
    changed = (_CHANGED, scope)

    @event.listens_for(Session, "after_flush")
    def _mark(session, _context):
        rows = [*session.dirty, *session.deleted, *(session.new if inserts else ())]
        if any(isinstance(row, watched) for row in rows):
            session.info[changed] = True

    @event.listens_for(Session, "do_orm_execute")
    def _mark_bulk(state):
        # `update(User)…` / `delete(UserSession)…` / `insert(…)` statements bypass the flush.
        writes = state.is_update or state.is_delete or (inserts and state.is_insert)
        if writes and any(
            isinstance(mapper.class_, type) and issubclass(mapper.class_, watched)
            for mapper in state.all_mappers
        ):
            state.session.info[changed] = True

    @event.listens_for(Session, "after_commit")
    def _publish(session):
        if session.info.pop(changed, False):
            invalidate(scope)

    @event.listens_for(Session, "after_rollback")
    def _forget(session):
        session.info.pop(changed, None)
