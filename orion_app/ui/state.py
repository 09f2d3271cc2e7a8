"""The thin base state: the viewer's language, and where the session token comes from.

Its `dict()`, `_reset_client_storage()` and lazily built substates are the state side of the
page-load speed-ups that stand in for Reflex internals (`orion_app/ui/reflex_speed.py`).
"""

import builtins
import functools
import math
from typing import Any

import reflex as rx
from reflex.state import BaseState, _override_base_method
from reflex_base import constants

from orion_app.session_cookie import private_cookie, token_for_socket
from orion_app.ui.reflex_speed import (
    _ATOMIC,
    _BROWSER_BUILD,
    _KNOWN_DIFFS,
    _copy,
    _Defaults,
    _LazySubstates,
    created_substates,
)

LANGUAGE_COOKIE = "orion_lang"


@functools.cache
def _untouched_snapshot_known(cls: type[BaseState]) -> bool:
    """Whether a never-created `cls` and all its substates can be snapshotted from their
    classes (Orion states without computed vars or vars kept elsewhere)."""
    return (
        issubclass(cls, OrionState)
        and cls._default_snapshot() is not None
        and all(_untouched_snapshot_known(sub) for sub in cls.get_substates())
    )


class OrionState(rx.State):
    """Parent of every Orion state; holds only what all pages share."""

    lang_choice: str = rx.Cookie("", name=LANGUAGE_COOKIE, same_site="lax", max_age=60 * 60 * 24 * 365)
    lang: str = "en"

    def __init__(
        self,
        parent_state: BaseState | None = None,
        init_substates: bool = True,
        _reflex_internal_init: bool = False,
        **kwargs,
    ):
        """Reflex's state, with its substates created on first use (`_LazySubstates`)."""
        super().__init__(
            parent_state, init_substates=False, _reflex_internal_init=_reflex_internal_init, **kwargs
        )
        if init_substates:
            classes = {substate.get_name(): substate for substate in type(self).get_substates()}
            if classes:
                object.__setattr__(self, "substates", _LazySubstates(self, classes))

    @classmethod
    @functools.cache
    def _default_snapshot(cls) -> tuple[dict[str, Any], tuple[tuple[str, Any], ...]] | None:
        """This class's vars at their defaults as Reflex's `dict()` gives them, and those of
        them that are mutable (each snapshot gets its own copy); None when the class has
        computed vars (their values are not defaults) or vars kept by another class."""
        fields = cls.get_fields()
        if cls.computed_vars or any(fields[name]._owner is not cls for name in cls.base_vars):
            return None
        probe = cls(init_substates=False, _reflex_internal_init=True)
        snapshot = BaseState.dict(probe)[cls.get_full_name()]
        mutable = tuple((name, value) for name, value in snapshot.items() if not isinstance(value, _ATOMIC))
        return snapshot, mutable

    @classmethod
    @functools.cache
    def _client_storage_vars(cls) -> tuple[str, ...]:
        fields = cls.get_fields()
        return tuple(name for name in cls.base_vars if cls._is_client_storage(fields[name]))

    @_override_base_method  # Reflex's own mark for a state method standing in for a base one
    def dict(self, include_computed: bool = True, initial: bool = False, **kwargs) -> dict[str, Any]:
        """Reflex's snapshot of this state and its substates; a state whose vars were never
        set gives its class's default snapshot without materialising its defaults, or nothing
        when the browser being answered is known to hold exactly those (`for_browser`)."""
        cls = type(self)
        if cls._default_snapshot() is None or not self.__dict__.keys().isdisjoint(cls.base_vars):
            substates = self.substates
            object.__setattr__(self, "substates", {})  # Reflex's dict() of this state alone
            try:
                snapshot = super().dict(include_computed=include_computed, initial=initial, **kwargs)
            finally:
                object.__setattr__(self, "substates", substates)
        else:
            snapshot = cls._snapshot_at_defaults()
        for name, substate_cls, substate in created_substates(self):
            if substate is None and _untouched_snapshot_known(substate_cls):
                snapshot.update(substate_cls._tree_at_defaults())  # never created: its defaults
            else:
                substate = substate or self.substates[name]
                snapshot.update(substate.dict(include_computed=include_computed, initial=initial, **kwargs))
        return snapshot

    @classmethod
    def _snapshot_at_defaults(cls) -> builtins.dict[str, Any]:
        """This class's own entry of a snapshot at its defaults: nothing when the browser being
        answered holds exactly those (`for_browser`)."""
        name = cls.get_full_name()
        build = _BROWSER_BUILD.get()
        if build is not None and _KNOWN_DIFFS.get((name, build)) == ():
            return {}
        defaults, mutable = cls._default_snapshot()
        own = _Defaults(defaults)
        for var, value in mutable:
            own[var] = _copy(value)
        return {name: own}

    @classmethod
    def _tree_at_defaults(cls) -> builtins.dict[str, Any]:
        """The snapshot of a state never created, and its substates: their classes' defaults."""
        snapshot = cls._snapshot_at_defaults()
        for substate in cls.get_substates():
            snapshot.update(substate._tree_at_defaults())
        return snapshot

    @_override_base_method
    def _reset_client_storage(self):
        """Reflex's reset of cookie- and storage-backed vars, for this state's own such vars,
        then for its substates that were created (the others hold their defaults)."""
        names = type(self)._client_storage_vars()
        if names:
            fields = self.get_fields()
            for name in names:
                setattr(self, name, fields[name].default_value())
        for _, _, substate in created_substates(self):
            if substate is not None:
                substate._reset_client_storage()

    def _assign(self, **values: Any) -> None:
        """Set each var whose value differs from the one held: an unchanged var is neither
        marked dirty nor sent again (a page load's shell repeats most of the last one's)."""
        held = self.__dict__
        for name, value in values.items():
            if name not in held or held[name] != value or type(held[name]) is not type(value):
                setattr(self, name, value)

    def _held_state(self, state_cls: type[rx.State]) -> rx.State:
        """Another state of this tab that the running event already holds (a page loader's
        shell: the guard's own state), without awaiting: what a plain loader uses on the
        guard's worker thread, where `await self.get_state(...)` cannot run."""
        return self._get_state_from_cache(state_cls)

    def _router_field(self, name: str):
        """One of Reflex's router fields (`rx_router_url`, `rx_router_session`...) as stored on
        the root state. `self.router` builds a new RouterData on every read, each of its fields
        wrapped in a change-tracking proxy: a storefront page load read it a dozen times."""
        root = self._get_root_state()
        value = root.__dict__.get(name)
        return getattr(root, name) if value is None else value

    def _url(self):
        """`self.router.url`: the browser's URL (path, query_parameters, origin...)."""
        return self._router_field(constants.ROUTER_URL).href

    def _router_session(self):
        """`self.router.session`: client token, socket id."""
        return self._router_field(constants.ROUTER_SESSION)

    def _router_headers(self):
        """`self.router.headers`: the websocket handshake's headers."""
        return self._router_field(constants.ROUTER_HEADERS)

    def _session_token(self) -> str:
        """The session token of this websocket's handshake (never part of the state)."""
        return token_for_socket(self._router_session().session_id)

    def _private_cookie(self, *names: str) -> str:
        """A private cookie (`session_cookie.PRIVATE_PREFIXES`) of this websocket's handshake."""
        return private_cookie(self._router_session().session_id, names)

    def _location(self) -> tuple[str, str]:
        """The browser's path and host (the Host header the page was loaded with)."""
        url = self._url()
        return url.path or "/", url.netloc

    def _segment(self, index: int) -> str:
        """The `index`-th segment of the browser path (0 is the first after `/`)."""
        parts = [p for p in self._location()[0].split("/") if p]
        return parts[index] if index < len(parts) else ""


class PagedMixin(rx.State, mixin=True):
    """A list shown a page at a time: `total` rows, page `page_number` of `page_count`."""

    total: int = 0
    page_number: int = 1
    page_count: int = 1

    def _count_pages(self, per_page: int) -> None:
        """`page_count` for `total` rows at `per_page` a page (at least one page)."""
        self.page_count = max(1, math.ceil(self.total / per_page))
