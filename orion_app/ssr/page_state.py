"""The states a page load would produce, computed for one HTTP request.

A browser that opens a page sends `hydrate_and_load`, and the backend runs the page's
on_load events (`orion_app.orion_app._on_load`: the guard, then the page's loaders). For
the first HTTP response the same events run here, on a fresh state tree that belongs to
no browser tab and is thrown away afterwards, with router data made from the request the
way the browser would send it. So the HTML and the websocket's later update come from
one code path and cannot disagree: there is no second rendering of any page in Python.

What leaves this module are the values the page load changed (a delta, as the websocket
would send it): never the root state's, whose router data holds the request's headers.
"""

from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qsl

from reflex.istate.storage import Cookie
from reflex.state import BaseState, State
from reflex_base.event import EventHandler, EventSpec
from reflex_base.utils import format

from orion_app.routes import Route
from orion_app.ui.guard import handler_events

REDIRECT = "_redirect"


@dataclass
class PageLoad:
    """What running a page's load events gave."""

    states: dict[str, dict[str, Any]] = field(default_factory=dict)  # full state name -> changed vars
    redirect: str = ""  # where the page sent the browser instead, if anywhere
    root: BaseState | None = None  # the state tree, for head tags read from the page's states

    @property
    def undecided(self) -> bool:
        """Whether the page guard made no decision (it turned the load away: busy)."""
        from orion_app.ui.shell import ShellState

        shell = self.root.get_substate(ShellState.get_full_name().split(".")[1:])
        return shell.status == "loading" and not self.redirect


def router_data(route: Route, params: dict[str, str], *, path: str, query: str, headers: dict) -> dict:
    """Router data as the browser sends it (`state.js`): the route's pattern, the URL as
    typed, route parameters merged with the query string, and the request's headers."""
    merged = {**dict(parse_qsl(query, keep_blank_values=True)), **params}
    return {
        "pathname": route.path,
        "asPath": path + (f"?{query}" if query else ""),
        "query": merged,
        "headers": headers,
        "token": "",
        "sid": "",
        "ip": headers.get("x-forwarded-for", "").split(",")[0].strip(),
    }


async def load_page(events: list, data: dict, cookie_header: str) -> PageLoad:
    """Run `events` (a route's on_load list) on a fresh state tree for `data`."""
    root = State(_reflex_internal_init=True)
    root.router_data = root._update_router_vars(data, {})
    cookies = {name: morsel.value for name, morsel in SimpleCookie(cookie_header or "").items()}
    result = PageLoad(root=root)
    for event in events:
        handler, args = _handler_and_args(event)
        state = await root.get_state(handler.state)
        for owner in _chain(state):
            _apply_cookies(owner, cookies)
        for follow_up in await handler_events(handler.fn, state, **args):
            if isinstance(follow_up, EventSpec) and follow_up.handler.fn.__qualname__ == REDIRECT:
                result.redirect = str(dict(_spec_args(follow_up)).get("path", ""))
        if result.redirect:
            break
    # What the load changed, as Reflex's delta (the guard may run loaders on other states);
    # the build merges it over each state's compiled defaults, like the websocket's updates.
    changed = await root._get_resolved_delta()
    result.states = {name: values for name, values in changed.items() if name != root.get_full_name()}
    return result


def state_json(states: dict[str, dict[str, Any]]) -> str:
    """The states as Reflex serialises a delta for the browser."""
    return format.json_dumps(states)


def _handler_and_args(event) -> tuple[EventHandler, dict[str, Any]]:
    if isinstance(event, EventSpec):
        return event.handler, dict(_spec_args(event))
    return event, {}


def _spec_args(spec: EventSpec):
    for name, value in spec.args:
        yield name._js_expr, getattr(value, "_var_value", value)


def _chain(state: BaseState) -> list[BaseState]:
    """`state` and its ancestors, without the root (router data and headers live there)."""
    chain = []
    while state is not None and state.parent_state is not None:
        chain.append(state)
        state = state.parent_state
    return chain


def _apply_cookies(state: BaseState, cookies: dict[str, str]) -> None:
    """The request's cookies into the state's named `rx.Cookie` fields, as hydrate does."""
    for name, declared in type(state).get_fields().items():
        default = declared.default
        if isinstance(default, Cookie) and default.name and default.name in cookies:
            setattr(state, name, cookies[default.name])
