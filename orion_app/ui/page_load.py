"""A page load in one Reflex event instead of three (four for a tab's first page).

Reflex runs a page load as a chain of events, each taking the tab's state lock, rebuilding
router data, computing a delta and sending it: `hydrate_and_load` (a tab's first page: the
snapshot), then `on_load_internal`, which queues the route's `on_load` events (Orion's: the
page guard) followed by `set_is_hydrated(True)`. On the storefront that chain was about half
of the backend's CPU per page load.

Here `on_load_internal` runs the route's load handlers itself, in order, on their states,
under the lock it already holds, then marks the page hydrated: one delta carries the page's
data and `is_hydrated`. `hydrate_and_load` does the same after sending its snapshot, so a
tab's first page is one event. The events the handlers return (a redirect, a toast, further
handlers) are returned in the same order, and Reflex runs them as before (it also ran them
after `set_is_hydrated`, which was queued ahead of them).

Only what Reflex could have run the same way is run in place: handlers that are not
background tasks, with literal arguments. Anything else keeps Reflex's chain. A failing
handler is reported by the app's backend exception handler, and the page is marked
hydrated, as Reflex's separate `set_is_hydrated` did.

Installed once, before the app serves, by replacing the two handlers in Reflex's registry
under their own names: the browser keeps sending the same event names, and Reflex's
"supersedes" rule for `on_load_internal` (a newer navigation cancels an older one) holds,
as the replacement carries the original's marker. Start-up stops when the text of the two
replaced Reflex functions changes (`REFLEX_SOURCES`), so an upgrade is read before it runs.
"""

import functools
import hashlib
import inspect

from reflex.state import OnLoadInternalState, State, _load_events_for_page
from reflex_base import constants
from reflex_base.event import EventHandler, EventSpec
from reflex_base.registry import RegistrationContext
from reflex_base.vars.base import LiteralVar

from orion_app.ui.guard import handler_events
from orion_app.ui.reflex_speed import for_browser

# SHA-256 of the Reflex functions this module stands in for (reflex 0.10.1).
REFLEX_SOURCES = {
    "OnLoadInternalState.on_load_internal": (
        "d39b4f99fc1d5635e00ff424bd74af023f0c6de83db76178c86c0ef0dff1dcd7"
    ),
    "_load_events_for_page": "19981949c9b5e431473e470f5136bdd0003ab00c2da65e093765fc38492dd98b",
    "State.hydrate_and_load": "b40017df47df1d4266a1191d2ca7efe7406196bdb86c36d7715decbd1e4b0f0a",
}


def _sources() -> dict[str, str]:
    functions = {
        "OnLoadInternalState.on_load_internal": OnLoadInternalState.event_handlers["on_load_internal"].fn,
        "_load_events_for_page": _load_events_for_page,
        "State.hydrate_and_load": State.event_handlers[constants.CompileVars.HYDRATE_AND_LOAD].fn,
    }
    return {
        name: hashlib.sha256(inspect.getsource(inspect.unwrap(function)).encode()).hexdigest()
        for name, function in functions.items()
    }


class ReflexChanged(RuntimeError):
    """Reflex's page-load functions are not the ones this module was written against."""


def _inline_calls(load_events) -> list[tuple[EventHandler, dict]] | None:
    """(handler, arguments) of each load event, or None when one cannot run in place."""
    calls = []
    for event in load_events:
        if isinstance(event, EventHandler):
            handler, args = event, {}
        elif isinstance(event, EventSpec) and event.handler is not None:
            handler, args = event.handler, {}
            for name, value in event.args:
                if not isinstance(value, LiteralVar):
                    return None
                args[name._js_expr] = value._var_value
        else:
            return None
        if handler.is_background or handler.state is None:
            return None
        calls.append((handler, args))
    return calls


async def load_in_place(state: State) -> list | None:
    """What `on_load_internal` does, in this one event: the page's load handlers, then
    `is_hydrated`; the events they returned, for Reflex to run next."""
    app = RegistrationContext.get().app
    load_events = app.get_load_events(state.rx_router_url.path)
    if not load_events:
        state.is_hydrated = True
        return None
    calls = _inline_calls(load_events)
    if calls is None:
        return _load_events_for_page(state)  # Reflex's chain
    state.is_hydrated = False
    follow_ups: list = []
    try:
        for handler, args in calls:
            target = await state.get_state(handler.state)
            follow_ups.extend(await handler_events(handler.fn, target, **args))
    except Exception as error:
        state.is_hydrated = True
        return app.backend_exception_handler(error)
    state.is_hydrated = True
    return follow_ups or None


def _replace(state_cls, name: str, function) -> None:
    """Register `function` as `state_cls`'s handler `name`, in place of Reflex's."""
    actions = state_cls.event_handlers[name].event_actions
    handler = EventHandler(fn=function, state=state_cls, event_actions=actions)
    state_cls.event_handlers[name] = handler
    RegistrationContext.get().register_event_handler(handler, states=(state_cls,))


def install_page_loads_in_place() -> None:
    """Replace Reflex's `on_load_internal` and `hydrate_and_load` (once per process)."""
    if getattr(OnLoadInternalState, "_orion_in_place", False):
        return
    changed = [name for name, digest in _sources().items() if REFLEX_SOURCES[name] != digest]
    if changed:
        raise ReflexChanged(
            f"Reflex's {', '.join(changed)} changed: read orion_app/ui/page_load.py against the new"
            " text, then update REFLEX_SOURCES."
        )
    on_load_internal = OnLoadInternalState.event_handlers["on_load_internal"].fn
    hydrate_and_load = State.event_handlers[constants.CompileVars.HYDRATE_AND_LOAD].fn

    @functools.wraps(on_load_internal)  # same name and the "supersedes" marker
    async def on_load_internal_in_place(self):
        return await load_in_place(self)

    @functools.wraps(hydrate_and_load)
    async def hydrate_and_load_in_place(self, vars: dict | None = None, hashes: list | None = None):
        with for_browser(hashes):  # the snapshot leaves out what that browser already holds
            queued = await hydrate_and_load(self, vars, hashes)
        if not queued:
            return queued
        return await load_in_place(await self.get_state(OnLoadInternalState))

    _replace(OnLoadInternalState, "on_load_internal", on_load_internal_in_place)
    _replace(State, constants.CompileVars.HYDRATE_AND_LOAD, hydrate_and_load_in_place)
    OnLoadInternalState._orion_in_place = True


__all__ = ["install_page_loads_in_place", "load_in_place"]
