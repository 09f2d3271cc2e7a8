"""A shopper's tab that closes leaves its state behind for seconds, not for an hour.

Reflex keeps every tab's state until `redis_token_expiration` after its last event (an
hour by default): ~60 KB per storefront visit in a backend that keeps states in memory.
A storefront page is rebuilt from its URL and cookies on every page load, so when a
storefront tab's websocket disconnects, its in-memory state expires after
`DEPARTED_SECONDS` (up to a fifth more: deadlines are rounded to share wake-ups) unless the
tab comes back (a reload reconnects within that time and refreshes the deadline with its
first event). Staff tabs keep the full expiry: their
state may hold a form being filled in. With Redis (production, `make serve`) the same
holds: a departed storefront tab's keys get a time to live of `DEPARTED_SECONDS`.
"""

import asyncio
import contextlib
import logging
import math
import time

import reflex as rx
from reflex.istate.manager.memory import StateManagerMemory
from reflex.istate.manager.redis import StateManagerRedis

log = logging.getLogger(__name__)

DEPARTED_SECONDS = 5.0
DEADLINE_STEPS = 5  # a departed tab's state goes between 5 and 6 s after its tab
STAFF_FRONTENDS = frozenset({"admin", "store"})


def shorten_expiry(manager: StateManagerMemory, token: str, seconds: float = DEPARTED_SECONDS) -> bool:
    """Let `token`'s in-memory state expire `seconds` from now (if sooner than planned).

    Returns whether it was shortened: not for an unknown token or a staff frontend's tab.
    """
    from orion_app.ui.shell import ShellState

    planned = manager._token_expires_at.get(token)
    root = manager.states.get(token)
    if planned is None or root is None:
        return False
    try:
        shell = root.get_substate(ShellState.get_full_name().split("."))
    except ValueError:
        shell = None  # the tab never loaded an Orion page
    if shell is not None and shell.frontend in STAFF_FRONTENDS:
        return False
    # On a grid of a fifth of `seconds`: the tabs leaving within one step share a deadline,
    # so Reflex's expiration task (which scans every tab each time it wakes) wakes once per
    # step, not once per departing tab.
    step = seconds / DEADLINE_STEPS
    deadline = math.ceil((time.time() + seconds) / step) * step
    if planned[0] <= deadline:
        return False
    manager._token_expires_at[token] = (deadline, planned[1])
    # The expiration task sleeps until the deadline it last saw: wake it to see this one,
    # unless it already wakes before this deadline (restarting it rescans every token).
    task = manager._expiration_task
    running = task is not None and not task.done()
    if running and _wakes_by(manager, deadline):
        return True
    if running:
        task.cancel()
    manager._expiration_task = None
    manager._ensure_expiration_task()
    _planned_wakes[id(manager)] = (deadline, token)
    return True


# Per manager: the deadline (and its tab) the expiration task was last restarted for. A task
# started then scanned every deadline and sleeps until the earliest, so at the latest until
# that one, as long as that tab's deadline still stands and has not passed.
_planned_wakes: dict[int, tuple[float, str]] = {}


def _wakes_by(manager: StateManagerMemory, deadline: float) -> bool:
    wake, token = _planned_wakes.get(id(manager), (0.0, ""))
    still_planned = manager._token_expires_at.get(token, (None,))[0] == wake
    return still_planned and time.time() < wake <= deadline


def install_departures(app: rx.App) -> None:
    """Shorten the expiry of a storefront tab's state when its websocket disconnects."""
    namespace = app.event_namespace
    disconnect = namespace.on_disconnect

    def on_disconnect(sid: str):
        token = namespace.sid_to_token.get(sid)
        result = disconnect(sid)
        manager = app._state_manager
        if token and isinstance(manager, StateManagerMemory):
            # No running loop: nothing is running that could expire states.
            with contextlib.suppress(RuntimeError):
                asyncio.get_running_loop().call_soon(_shorten_later, manager, token)
        elif token and isinstance(manager, StateManagerRedis):
            with contextlib.suppress(RuntimeError):
                task = asyncio.get_running_loop().create_task(_shorten_in_redis(manager, token))
                _pending.add(task)
                task.add_done_callback(_pending.discard)
        return result

    namespace.on_disconnect = on_disconnect


_pending: set[asyncio.Task] = set()


def _all_states(root: type) -> list[type]:
    found, pending = [], [root]
    while pending:
        cls = pending.pop()
        found.append(cls)
        pending.extend(cls.get_substates())
    return found


async def shorten_in_redis(manager: StateManagerRedis, token: str, seconds: float = DEPARTED_SECONDS) -> bool:
    """The Redis twin of `shorten_expiry`: every key of `token`'s states lives at most
    `seconds` more, unless it is a staff frontend's tab (or never loaded an Orion page)."""
    from reflex.state import State

    from orion_app.ui.shell import ShellState

    stored = await manager.redis.get(f"{token}_{ShellState.get_full_name()}")
    if stored is None or ShellState._deserialize(stored).frontend in STAFF_FRONTENDS:
        return False
    pipeline = manager.redis.pipeline(transaction=False)
    for cls in _all_states(State):
        pipeline.expire(f"{token}_{cls.get_full_name()}", max(1, int(seconds)), lt=True)
    await pipeline.execute()
    return True


async def _shorten_in_redis(manager: StateManagerRedis, token: str) -> None:
    try:
        await shorten_in_redis(manager, token)
    except Exception:  # never let bookkeeping break a disconnect
        log.exception("Could not shorten the expiry of a departed tab's state in Redis")


def _shorten_later(manager: StateManagerMemory, token: str) -> None:
    try:
        shorten_expiry(manager, token)
    except Exception:  # never let bookkeeping break a disconnect
        log.exception("Could not shorten the expiry of a departed tab's state")
