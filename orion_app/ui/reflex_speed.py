"""Where Orion stands in for Reflex internals to cut a storefront page load's CPU (issue 11).

A tab's first snapshot is cheap. Reflex's memory state manager gave every new tab the whole
state tree (88 Orion states, 634 vars), and
`hydrate_and_load` then snapshots all of it (`BaseState.dict`): every var read materialises
its default (a deepcopy of each list and dict default) into the state, although a storefront
visit touches five or six states. `OrionState.dict` answers a state none of whose vars was
ever set with its class's default snapshot instead, taken once from Reflex's own `dict()` of
a fresh instance, and leaves the state untouched; a state holding any value, or with
computed vars, goes through Reflex's `dict()` as before. `_reset_client_storage` (hydrate
resets cookie-backed vars) skips states without such vars. Both rest on Reflex 0.10.1's
`BaseState.dict` and `_reset_client_storage`: `check_reflex_snapshot()` stops start-up when
their text changed (see the digests below), and tests compare the whole tree's snapshot with
Reflex's.

Reflex then compares the snapshot with the defaults the browser was compiled with
(`_diff_against_initial_state`: every var of every state serialised again, each first page
load). For a default snapshot the answer depends only on the state and the browser's hashes,
so it is worked out once by Reflex's own function and remembered (`_diff_with_known_defaults`).
Once that answer is known to be "nothing" for a state at its defaults and the browser's build,
the snapshot taken for that browser's first page load (`for_browser`) leaves the state out
instead of building its default values only to drop them.

A tab's tree is also built lazily (issue 11): Reflex's memory state manager creates all 93
states for every new tab (~6 % of a storefront page load's CPU), each `OrionState` now gets
its substates on first use (`_LazySubstates`). A state never created is at its defaults, so
the snapshot answers for it from its class (as above), a reset of client storage skips it,
and a departed tab's release walks only what was created (`_release_state_tree`). Anything
else that walks all substates (Reflex's `reset()`, pickling) creates them first and sees the
eager tree, in Reflex's order.

The root state recomputes its eleven dynamic route vars (`[store]`, `[slug]`...) on every
event; their getters read the page's params unwrapped (`speed_up_route_args`) instead of
through Reflex's change-tracking proxies.

Each replaced Reflex function's source is checked at import (`REFLEX_SNAPSHOT_SOURCES`):
start-up stops when an upgrade changed one, so it is read again before it runs.
"""

import contextlib
import copy
import hashlib
import inspect
import itertools
from contextvars import ContextVar
from typing import Any

import reflex.istate.manager as reflex_manager
import reflex.istate.manager.memory as reflex_memory
import reflex.state as reflex_state
from reflex.state import BaseState
from reflex_base import constants

# sha256 of the source of the Reflex methods the snapshot fast path stands in for; when an
# upgrade changes one, re-read it, check OrionState.dict / _reset_client_storage still agree,
# and put the new digest here.
REFLEX_SNAPSHOT_SOURCES = {
    "dict": "148a498db766782d230c8ef185a82f8545b491801894c6f562ee4520794fc7cc",
    "_reset_client_storage": "980dd97764ba8dc9ec22f1d051b99ff4bd361c06d44cf83f6543ed61d5349582",
    "_diff_against_initial_state": "36572082395abc6d651c91200baab5a5c84e11c76bf5e74de9ad316bc7d5d3cb",
    "_release_state_tree": "f3da8e4a96d6ed35b1bb90d02dfd7340915717abb7929bc8261b49748306d7fa",
    "__init__": "100becae675944dd6ed06e207d21dd457776a0476d7f0f00ef14af3329617212",
    "setup_dynamic_args": "f03c01e07bb44465a868a886d2585c76ecb75f2b8c65e2d409ff27a77e0cbb7a",
}
_ATOMIC = (str, int, float, bool, type(None), tuple, frozenset)
_REFLEX_FUNCTIONS: dict[str, Any] = {}  # the module-level Reflex functions checked above


def check_reflex_snapshot() -> None:
    """Raise when Reflex's snapshot methods are not the ones the fast path was written for."""
    _REFLEX_FUNCTIONS.update(
        _diff_against_initial_state=_REFLEX_DIFF,
        _release_state_tree=_REFLEX_RELEASE,
        setup_dynamic_args=_REFLEX_SETUP_ARGS,
    )
    for name, expected in REFLEX_SNAPSHOT_SOURCES.items():
        source = inspect.getsource(_REFLEX_FUNCTIONS.get(name) or getattr(BaseState, name))
        if hashlib.sha256(source.encode()).hexdigest() != expected:
            raise RuntimeError(
                f"orion_app.ui.reflex_speed: Reflex's {name} changed (Reflex upgraded?): check "
                "that OrionState's snapshot fast path still gives what it gives, then update "
                "REFLEX_SNAPSHOT_SOURCES."
            )


class _Defaults(dict):
    """A state's snapshot that is its class's default snapshot (see `OrionState.dict`)."""

    __slots__ = ()


# Reflex's own (also when this module is imported again, e.g. by a hot reload).
_REFLEX_DIFF = getattr(
    reflex_state._diff_against_initial_state, "reflex_original", reflex_state._diff_against_initial_state
)
# (state name, browser build) -> the vars of a default snapshot that Reflex would send.
_KNOWN_DIFFS: dict[tuple[str, int], tuple[str, ...]] = {}
_KNOWN_DIFFS_MAX = 4096
# A browser build (the hashes its first page load sends) -> a small number naming it.
_BUILDS: dict[tuple[str, ...], int] = {}
# The build of the browser whose first page load is being snapshotted (`for_browser`).
_BROWSER_BUILD: ContextVar[int | None] = ContextVar("orion_browser_build", default=None)
_BUILD_NUMBERS = itertools.count(1)


def _build(hashes) -> int | None:
    """The number naming a browser build; None for hashes that are not a list of strings
    (a hostile or broken client: Reflex's own comparison then decides)."""
    if not isinstance(hashes, list) or not all(type(h) is str for h in hashes):
        return None
    key = tuple(hashes)
    build = _BUILDS.get(key)
    if build is None:
        if len(_BUILDS) >= 64:  # builds come and go with deployments; forget them all at once
            _BUILDS.clear()
            _KNOWN_DIFFS.clear()
        build = _BUILDS[key] = next(_BUILD_NUMBERS)
    return build


@contextlib.contextmanager
def for_browser(hashes: list[str] | None):
    """Snapshots taken inside are for the first page load of a browser that sent `hashes`
    (none: a reconnect, which gets the full snapshot)."""
    token = _BROWSER_BUILD.set(_build(hashes) if hashes else None)
    try:
        yield
    finally:
        _BROWSER_BUILD.reset(token)


async def _diff_with_known_defaults(root_cls, delta: dict, hashes: list[str]) -> dict:
    """Reflex's `_diff_against_initial_state`, with the answer for states at their defaults
    (`_Defaults`) worked out once per state and browser build instead of on every tab."""
    build = _build(hashes)
    if build is None:
        return await _REFLEX_DIFF(root_cls, delta, hashes)
    plain, known = {}, {}
    for name, values in delta.items():
        if type(values) is not _Defaults:
            plain[name] = values
            continue
        sent = _KNOWN_DIFFS.get((name, build))
        if sent is None:
            found = await _REFLEX_DIFF(root_cls, {name: dict(values)}, hashes)
            if len(_KNOWN_DIFFS) >= _KNOWN_DIFFS_MAX:
                _KNOWN_DIFFS.clear()
            sent = _KNOWN_DIFFS[(name, build)] = tuple(found.get(name, {}))
        if sent:
            known[name] = {var: values[var] for var in sent}
    diff = await _REFLEX_DIFF(root_cls, plain, hashes) if plain else {}
    diff.update(known)
    return diff


_diff_with_known_defaults.reflex_original = _REFLEX_DIFF


def _copy(value: Any) -> Any:
    """A mutable default's own copy for one snapshot (an empty list or dict made anew)."""
    return type(value)() if not value and type(value) in (list, dict) else copy.deepcopy(value)


class _LazySubstates(dict):
    """A state's substates, each created on first use (see the module's text). Looking one up
    (`[]`, `in`, `get`) creates only it; walking them all (`values()`, `items()`, iteration)
    creates the rest first, in the order Reflex would have created them."""

    __slots__ = ("_classes", "_owner")

    def __init__(self, owner: BaseState, classes: dict[str, type[BaseState]]):
        super().__init__()
        self._owner, self._classes = owner, classes

    def __missing__(self, name: str) -> BaseState:
        cls = self._classes.get(name)
        if cls is None:
            raise KeyError(name)
        state = cls(parent_state=self._owner, _reflex_internal_init=True)
        dict.__setitem__(self, name, state)
        return state

    def __contains__(self, name) -> bool:
        return dict.__contains__(self, name) or name in self._classes

    def get(self, name, default=None):
        return self[name] if name in self else default  # noqa: SIM401 (dict.get skips __missing__)

    def _all(self) -> None:
        if dict.__len__(self) == len(self._classes):
            return
        made = [(name, self[name]) for name in self._classes]
        dict.clear(self)
        dict.update(self, made)

    def __iter__(self):
        self._all()
        return dict.__iter__(self)

    def __len__(self) -> int:
        return len(self._classes.keys() | dict.keys(self))

    def keys(self):
        self._all()
        return dict.keys(self)

    def values(self):
        self._all()
        return dict.values(self)

    def items(self):
        self._all()
        return dict.items(self)

    def copy(self) -> dict:
        return dict(self.items())

    def __reduce__(self):
        return (dict, (dict(self.items()),))


def created_substates(state: BaseState):
    """(name, class, the instance or None when not created yet) for each substate of `state`."""
    substates = state.substates
    if type(substates) is not _LazySubstates:
        return [(name, type(sub), sub) for name, sub in substates.items()]
    return [(name, cls, dict.get(substates, name)) for name, cls in substates._classes.items()]


_REFLEX_RELEASE = getattr(
    reflex_manager._release_state_tree, "reflex_original", reflex_manager._release_state_tree
)


def _release_state_tree(state: BaseState) -> None:
    """Reflex's release of a purged tab's tree, walking only the substates it created."""
    for _, _, substate in created_substates(state):
        if substate is not None:
            _release_state_tree(substate)
    dict.clear(state.substates)


_release_state_tree.reflex_original = _REFLEX_RELEASE


def _route_arg(param: str):
    """A dynamic route argument's getter (`[store]`, `[slug]`...): Reflex's reads
    `self.rx_router_page.params.get(param, "")`, wrapping the page data and its params in
    change-tracking proxies on every read. The root state recomputes all eleven of them on
    every event (~4 % of a storefront page load); this reads the same value unwrapped."""

    def inner_func(self: BaseState) -> str:
        page = self.__dict__.get(constants.ROUTER_PAGE)
        if page is None:  # not set on this instance (a fresh state, or a substate's copy)
            return self.rx_router_page.params.get(param, "")
        return page.params.get(param, "")

    inner_func.__name__ = param
    return inner_func


def speed_up_route_args(state_cls: type[BaseState]) -> int:
    """Give `state_cls`'s single-valued dynamic route vars the unwrapped getter; how many."""
    done = 0
    for name, arg_type in state_cls._dynamic_route_arg_types().items():
        var = state_cls.computed_vars[name]
        if arg_type == constants.RouteArgType.SINGLE and var._fget.__name__ == name:
            if not getattr(var._fget, "orion_route_arg", False):
                fget = _route_arg(name)
                fget.orion_route_arg = True
                object.__setattr__(var, "_fget", fget)
            done += 1
    return done


_REFLEX_SETUP_ARGS = getattr(
    BaseState.setup_dynamic_args.__func__, "reflex_original", BaseState.setup_dynamic_args.__func__
)


def _setup_dynamic_args(cls, args):
    """Reflex's `setup_dynamic_args`, then the unwrapped getters (`speed_up_route_args`)."""
    _REFLEX_SETUP_ARGS(cls, args)
    speed_up_route_args(cls)


_setup_dynamic_args.reflex_original = _REFLEX_SETUP_ARGS

check_reflex_snapshot()
reflex_state._diff_against_initial_state = _diff_with_known_defaults  # hydrate_and_load's call
reflex_memory._release_state_tree = _release_state_tree  # the memory state manager's purge
BaseState.setup_dynamic_args = classmethod(_setup_dynamic_args)  # add_page's, for each route
