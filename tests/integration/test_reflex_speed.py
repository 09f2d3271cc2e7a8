"""The stand-ins for Reflex internals (orion_app/ui/reflex_speed.py and OrionState's side of
them) give what Reflex gives: the first snapshot, its comparison with the browser's compiled
defaults, the lazily built state tree, the route-argument getters and the router fields."""

import asyncio

import pytest

from tests.integration.test_page_load_capacity import STORE, listing_route, page_tree, run_page_load


@pytest.fixture
def app(demo):
    from orion_app.orion_app import app

    return app


def _reflex_snapshot(root) -> dict:
    """The tree's snapshot as Reflex's own `BaseState.dict` gives it (every state read)."""
    from reflex.state import BaseState

    from orion_app.ui.state import OrionState

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(OrionState, "dict", BaseState.dict)
        return root.dict()


def test_a_tabs_snapshot_is_reflexs_without_reading_the_states_nobody_touched(app):
    """The hydrate snapshot of a tab after a listing page load: the same JSON as Reflex's own
    `dict()`, and the states the page did not touch keep no materialised defaults."""
    from reflex_base.utils.format import json_dumps

    from modules.catalog.state.shop import ShopListingState, ShopProductState
    from orion_app.ui.shell import ShellState

    root = page_tree(STORE + "products")
    asyncio.run(run_page_load(root, listing_route()))
    product = root.get_substate(ShopProductState.get_full_name().split("."))
    assert product.__dict__.keys().isdisjoint(ShopProductState.base_vars)  # the listing left it alone
    snapshot = root.dict()
    assert product.__dict__.keys().isdisjoint(ShopProductState.base_vars)  # still: nothing materialised
    listing = snapshot[ShopListingState.get_full_name()]
    assert listing["heading_rx_state_"] and snapshot[ShellState.get_full_name()]["status_rx_state_"] == "ok"
    snapshot["x"] = 1  # a snapshot's dicts are its own: changing one changes no other snapshot
    snapshot[ShopProductState.get_full_name()]["photos_rx_state_"].append("p.jpg")
    assert root.dict()[ShopProductState.get_full_name()]["photos_rx_state_"] == []
    assert json_dumps(root.dict()) == json_dumps(_reflex_snapshot(root))
    fresh = page_tree(STORE + "products")
    assert json_dumps(fresh.dict()) == json_dumps(_reflex_snapshot(fresh))


def test_the_snapshot_fast_path_stops_start_up_when_reflexs_methods_changed(monkeypatch):
    from orion_app.ui import reflex_speed as state

    state.check_reflex_snapshot()  # Reflex as installed: the one the fast path was written for
    monkeypatch.setitem(state.REFLEX_SNAPSHOT_SOURCES, "dict", "0" * 64)
    with pytest.raises(RuntimeError, match=r"Reflex.s dict changed"):
        state.check_reflex_snapshot()


def test_a_first_page_loads_diff_is_reflexs_with_the_defaults_worked_out_once(app):
    """What a tab's first page load sends after comparing with the browser's compiled defaults:
    the same as Reflex's own comparison, for a browser of this build and of another one."""
    import json

    from reflex.compiler.utils import compile_state
    from reflex.state import State, state_snapshot_hashes
    from reflex_base.utils.format import json_dumps

    from orion_app.ui import reflex_speed as orion_state

    hashes = state_snapshot_hashes(compile_state(State))
    root = page_tree(STORE + "products")
    asyncio.run(run_page_load(root, listing_route()))

    def plain(snapshot):
        return {name: dict(values) for name, values in snapshot.items()}

    def sent(diff):
        return json.loads(json_dumps(diff))

    other_build = [*hashes]
    other_build[5] = "0" * len(other_build[5])  # one state compiled differently in that browser
    for browser in (hashes, other_build):
        expected = sent(asyncio.run(orion_state._REFLEX_DIFF(State, plain(root.dict()), browser)))
        first = sent(asyncio.run(orion_state._diff_with_known_defaults(State, root.dict(), browser)))
        remembered = sent(asyncio.run(orion_state._diff_with_known_defaults(State, root.dict(), browser)))
        with orion_state.for_browser(browser):  # hydrate's snapshot, once the answers are known
            lean = root.dict()
            without_defaults = sent(asyncio.run(orion_state._diff_with_known_defaults(State, lean, browser)))
        assert first == remembered == without_defaults == expected
        assert len(lean) < len(root.dict())  # the states that browser holds at their defaults: left out
    with orion_state.for_browser([{"not": "a hash"}]):  # a broken client: Reflex's comparison
        assert len(root.dict()) == len(plain(root.dict()))
    assert sent(asyncio.run(orion_state._diff_with_known_defaults(State, root.dict(), [1, 2]))) == sent(
        asyncio.run(orion_state._REFLEX_DIFF(State, plain(root.dict()), [1, 2]))
    )
    assert sent(asyncio.run(orion_state._REFLEX_DIFF(State, plain(root.dict()), other_build))) != sent(
        asyncio.run(orion_state._REFLEX_DIFF(State, plain(root.dict()), hashes))
    )  # the second browser really gets more


def _created(state) -> list:
    """Every state of the tree that exists (without creating any)."""
    from orion_app.ui.reflex_speed import created_substates

    found = [state]
    for _, _, substate in created_substates(state):
        if substate is not None:
            found.extend(_created(substate))
    return found


def test_a_tabs_tree_holds_only_the_states_its_pages_used(app):
    """A new tab's tree is built lazily: a listing page load creates the handful of states it
    touches, the snapshot still answers for all of them, and a departed tab's release walks
    only what was created."""
    import pickle

    from reflex.istate.manager import memory
    from reflex.state import State
    from reflex_base.utils.format import json_dumps

    from modules.catalog.state.shop import ShopListingState
    from orion_app.ui.state import OrionState

    every = len(_created(_eager(State)))
    root = page_tree(STORE + "products")
    asyncio.run(run_page_load(root, listing_route()))
    made = _created(root)
    assert every > 80 and len(made) < 15, (every, len(made))
    assert ShopListingState in {type(s) for s in made}
    ours = json_dumps(root.dict())
    assert len(_created(root)) == len(made)  # the snapshot created nothing
    orion = root.substates[OrionState.get_name()]
    assert "no_such_state" not in orion.substates and orion.substates.get("no_such_state") is None
    with pytest.raises(KeyError):
        orion.substates["no_such_state"]
    memory._release_state_tree(root)  # what the memory manager runs on a departed tab
    assert dict.__len__(orion.substates) == 0 and dict.__len__(root.substates) == 0
    assert len(made) == len({id(s) for s in made})  # and it created nothing either
    twin = page_tree(STORE + "products")
    asyncio.run(run_page_load(twin, listing_route()))
    assert ours == json_dumps(_reflex_snapshot(twin))  # Reflex's dict(), every state created
    fresh = page_tree(STORE + "products").substates[OrionState.get_name()].substates
    assert len(pickle.loads(pickle.dumps(fresh))) == len(OrionState.get_substates())  # all of them


def _eager(root_cls):
    """A tree with every state created, as Reflex builds it (walking substates creates them)."""
    root = root_cls(_reflex_internal_init=True)
    pending = [root]
    while pending:
        pending.extend(pending.pop().substates.values())
    return root


def test_route_arguments_read_unwrapped_give_reflexs_values(app):
    """The dynamic route vars ([platform], [store], [slug]...) all have the unwrapped getter,
    and it answers what Reflex's own getter answers, on a page with the argument and without."""
    from reflex.state import BaseState, State

    from orion_app.ui import reflex_speed as orion_state

    args = State._dynamic_route_arg_types()
    assert len(args) >= 3 and orion_state.speed_up_route_args(State) == len(args)
    # Reflex's getter, as its (checked) source has it: through the change-tracking proxies.
    reflex_getters = {
        name: (lambda root, name=name: root.rx_router_page.params.get(name, "")) for name in args
    }
    for path in ("products/some-slug", "products", ""):
        root = page_tree(STORE + path)
        if path.startswith("products/"):
            root.router_data = root._update_router_vars(
                {**root.router_data, "query": {"platform": "oms", "store": "cafe-lux", "slug": "some-slug"}},
                root.router_data,
            )
        for name in args:
            ours = State.computed_vars[name]._fget(root)
            assert ours == reflex_getters[name](root), (path, name)
        assert State.computed_vars["slug"]._fget(root) == (
            "some-slug" if path.startswith("products/") else ""
        )
    assert (
        orion_state.check_reflex_snapshot() is None and BaseState.setup_dynamic_args.__func__.reflex_original
    )


def test_the_router_fields_read_unwrapped_are_reflexs_router(app):
    """`_url()`, `_router_session()` and `_router_headers()` answer what `self.router` does,
    on a substate as on the root, for a fresh tab and after a page load."""
    from modules.catalog.state.shop import ShopListingState

    root = page_tree(STORE + "products", {"page": "2", "q": "café"})
    for _ in range(2):
        listing = root.get_substate(ShopListingState.get_full_name().split("."))
        router = listing.router
        assert listing._url() == router.url and listing._url().query_parameters == router.url.query_parameters
        assert listing._url().path == router.url.path and listing._url().origin == router.url.origin
        assert listing._router_session() == router.session and listing._router_headers() == router.headers
        asyncio.run(run_page_load(root, listing_route()))
