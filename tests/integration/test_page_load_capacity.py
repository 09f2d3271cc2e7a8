"""A storefront page load: one access decision, one session, database work off the event loop,
a bounded queue in front, and a departed shopper's state dropped soon.

The page load runs as Reflex runs it (`_on_load(route)`'s events on the app's own state tree),
in this process, against the seeded demo database.
"""

import asyncio
import os
import threading

import pytest

STORE = "/platforms/oms/storefront/cafe-lux/"


@pytest.fixture
def app(demo):
    from orion_app.orion_app import app

    return app


def page_tree(path: str, query: dict | None = None):
    """The root state of a new tab whose browser is at `path` (as Reflex sets router data)."""
    from reflex.state import State

    root = State(_reflex_internal_init=True)
    search = "&".join(f"{key}={value}" for key, value in (query or {}).items())
    data = {
        "pathname": path,
        "asPath": path + (f"?{search}" if search else ""),
        "query": {**(query or {}), "platform": "oms", "store": "cafe-lux"},
        "headers": {"host": "localhost", "origin": "http://localhost"},
        "sid": "",
        "token": "tab-1",
        "ip": "127.0.0.1",
    }
    root.router_data = root._update_router_vars(data, {})
    return root


def route_at(path: str):
    from orion_app.registry import get_registry
    from orion_app.routes import build_routes

    return next(r for r in build_routes(get_registry()) if r.path.rstrip("/") == path.rstrip("/"))


async def run_page_load(root, route) -> list:
    """Each on_load event of the route, on its state, as Reflex's processor calls it."""
    from orion_app.orion_app import _on_load

    results = []
    for spec in _on_load(route):
        handler = spec.handler
        state = await root.get_state(handler.state)
        payload = {arg[0]._js_expr: arg[1]._var_value for arg in spec.args}
        result = handler.fn(state, **payload)
        if asyncio.iscoroutine(result):
            result = await result
        results.append(result)
    return results


def listing_route():
    return route_at("/platforms/[platform]/storefront/[store]/products")


def test_a_storefront_page_load_decides_once_and_loads_its_page(app, monkeypatch):
    from orion_app import access
    from orion_app.ui import guard, shell

    decisions = []
    real = access.check_access

    def counting(**kwargs):
        decisions.append(kwargs["module"])
        return real(**kwargs)

    monkeypatch.setattr(shell, "check_access", counting)
    monkeypatch.setattr(guard, "check_access", counting)
    root = page_tree(STORE + "products")
    asyncio.run(run_page_load(root, listing_route()))

    from modules.catalog.state.shop import ShopListingState
    from orion_app.ui.shell import ShellState

    assert decisions == ["catalog"]
    shell_state = root.get_substate(ShellState.get_full_name().split("."))
    listing = root.get_substate(ShopListingState.get_full_name().split("."))
    assert shell_state.status == "ok"
    assert listing.heading  # the loader ran, under the guard's decision
    assert listing.page_count >= 1


def test_a_pages_plain_loader_runs_in_the_thread_hop_that_decided(app, monkeypatch):
    """The listing's loader and the mini-cart's header loader (plain functions) run right after
    the decision, in the same work item on a worker thread: no thread hop of their own."""
    from concurrent.futures import ThreadPoolExecutor

    from modules.cart import state as cart_state
    from modules.catalog.state import shop
    from orion_app import db
    from orion_app.ui import shell

    current, seen = threading.local(), {}

    class Numbered(ThreadPoolExecutor):
        """Each submitted call runs with its submission number in `current.item`."""

        submitted = 0

        def submit(self, fn, /, *args, **kwargs):
            Numbered.submitted += 1
            number = Numbered.submitted

            def numbered():
                current.item = number
                return fn(*args, **kwargs)

            return super().submit(numbered)

    def noting(name, real):
        return lambda *a, **kw: seen.setdefault(name, getattr(current, "item", None)) and real(*a, **kw)

    pool = Numbered(max_workers=2)
    monkeypatch.setattr(db, "_threads", lambda: pool)
    monkeypatch.setattr(shell, "check_access", noting("decided", shell.check_access))
    monkeypatch.setattr(shop, "listing_cards", noting("loaded", shop.listing_cards))
    monkeypatch.setattr(cart_state, "cart_token", noting("header", cart_state.cart_token))
    root = page_tree(STORE + "products")
    asyncio.run(run_page_load(root, listing_route()))
    assert seen["decided"] is not None and seen["decided"] == seen["loaded"] == seen["header"]
    assert Numbered.submitted == 1  # the page load's transaction ended in that hop too
    # The product page's loader and the site navigation are plain functions too: one hop.
    seen.clear()
    monkeypatch.setattr(shop, "product_page", noting("product", shop.product_page))
    slug = _any_product_slug()
    root = page_tree(STORE + f"products/{slug}")
    root.router_data = root._update_router_vars(
        {**root.router_data, "query": {"platform": "oms", "store": "cafe-lux", "slug": slug}},
        root.router_data,
    )
    asyncio.run(run_page_load(root, route_at("/platforms/[platform]/storefront/[store]/products/[slug]")))
    pool.shutdown()
    assert seen["decided"] == seen["product"] == seen["header"] and Numbered.submitted == 2


def _any_product_slug() -> str:
    """A product of the test database's cafe-lux (a made-up one when it has none: the page
    then says "not found", after the same one hop)."""
    from sqlmodel import select

    from modules.catalog.models import Product
    from orion_app.db import session_scope

    with session_scope() as session:
        return session.exec(select(Product.slug).where(Product.is_active)).first() or "no-such-product"


def test_a_loader_called_by_a_client_still_decides_for_itself(app, monkeypatch):
    from modules.catalog.state.shop import ShopListingState
    from orion_app import access
    from orion_app.ui import guard

    decisions = []
    real = access.check_access
    monkeypatch.setattr(guard, "check_access", lambda **kw: decisions.append(kw) or real(**kw))
    # The admin's path: the storefront loader refuses there, though a page guard never ran.
    root = page_tree("/admin/")
    listing = root.get_substate(ShopListingState.get_full_name().split("."))

    async def call():
        return [item async for item in ShopListingState.load.fn(listing)]

    asyncio.run(call())
    assert len(decisions) == 1
    assert listing.heading == ""  # refused quietly: nothing loaded


def test_a_page_loads_database_work_runs_off_the_event_loop_in_one_session(app, monkeypatch):
    from sqlalchemy import event

    from orion_app.db import get_engine

    loop_thread = threading.get_ident()
    threads, connections = set(), []

    def executing(conn, *_args):
        threads.add(threading.get_ident())

    def checkout(*_args):
        connections.append(1)

    engine = get_engine()
    event.listen(engine, "before_cursor_execute", executing)
    event.listen(engine.pool, "checkout", checkout)
    try:
        root = page_tree(STORE + "products")
        asyncio.run(run_page_load(root, listing_route()))
        root = page_tree(STORE + "products/no-such-product", {"slug": "no-such-product"})
        asyncio.run(run_page_load(root, route_at("/platforms/[platform]/storefront/[store]/products/[slug]")))
    finally:
        event.remove(engine, "before_cursor_execute", executing)
        event.remove(engine.pool, "checkout", checkout)
    assert threads, "the page loads ran no SQL"
    assert loop_thread not in threads
    assert len(connections) <= 2  # one session per page load (caches may answer the guard)


def test_past_capacity_page_loads_queue_in_order_then_get_busy_at_once():
    from orion_app.ui.shell import _Admission

    async def scenario():
        admission = _Admission(slots=1, queue=2)
        order = []
        assert await admission.enter()  # the slot

        async def waiter(name):
            if await admission.enter():
                order.append(name)
                admission.leave()
            else:
                order.append(f"{name}:busy")

        first = asyncio.create_task(waiter("a"))
        second = asyncio.create_task(waiter("b"))
        await asyncio.sleep(0)
        await waiter("c")  # the queue is full: answered at once
        admission.leave()
        await asyncio.gather(first, second)
        return order

    assert asyncio.run(scenario()) == ["c:busy", "a", "b"]


def test_a_departed_shoppers_state_expires_within_seconds_and_a_staff_tabs_does_not():
    from reflex.istate.manager.memory import StateManagerMemory
    from reflex.istate.manager.token import BaseStateToken
    from reflex.state import State

    from orion_app.ui.departures import shorten_expiry
    from orion_app.ui.shell import ShellState

    async def scenario():
        manager = StateManagerMemory(token_expiration=3600)
        shopper = BaseStateToken(ident="shopper", cls=State)
        staff = BaseStateToken(ident="staff", cls=State)
        await manager.get_state(shopper)
        staff_root = await manager.get_state(staff)
        staff_root.get_substate(ShellState.get_full_name().split(".")).frontend = "store"
        assert shorten_expiry(manager, "shopper", seconds=0.2)
        assert not shorten_expiry(manager, "staff", seconds=0.2)
        await asyncio.sleep(0.5)
        kept = set(manager.states)
        await manager.close()
        return kept

    assert asyncio.run(scenario()) == {"staff"}


def test_a_storefront_first_page_load_carries_only_the_states_it_shows(demo):
    """With the hashes a compiled page sends, a first load of a storefront page carries the
    shell, the page's own state and Reflex's, never the admin's or a dashboard's states."""
    from bench.storefront_protocol import HYDRATE, Tab, frontend_hashes, page
    from tests.integration.live_backend import Backend

    backend = Backend()
    tab = Tab(backend.url, frontend_hashes(demo))
    tab.seen = []
    try:
        tab.open(page("products", {}))
    finally:
        tab.close()
        backend.stop()
    states = {name for message in tab.seen for name in message.get("delta", {})}
    assert HYDRATE.split(".")[0] in states
    assert any(name.endswith("shell_state") for name in states)
    assert any(name.endswith("shop_listing_state") for name in states)
    assert len(states) <= 6, sorted(states)
    staff = ("tenancy", "marketplace", "dashboard", "editor", "monitoring", "analytics", "inventory")
    assert not [name for name in states if any(word in name for word in staff)], sorted(states)


def test_with_redis_a_departed_shoppers_keys_expire_within_seconds_a_staff_tabs_do_not(demo):
    import time

    import redis

    from bench.storefront_protocol import Tab, page
    from orion_app.ui.departures import DEPARTED_SECONDS
    from tests.integration.live_backend import Backend

    url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    backend = Backend(REFLEX_REDIS_URL=url)
    client = redis.Redis.from_url(url)
    tabs = {}
    try:
        for name, path in (("shopper", STORE + "products"), ("staff", "/admin/login")):
            tab = Tab(backend.url, [])
            tab.open({**page("products", {}), "pathname": path, "asPath": path})
            tabs[name] = tab.client.connection_url.split("token=")[1].split("&")[0]
            tab.close()
        time.sleep(1.0)
        ttl = {
            name: [client.ttl(key) for key in client.scan_iter(f"{token}_*") if not key.endswith(b"_lock")]
            for name, token in tabs.items()
        }
    finally:
        backend.stop()
    assert ttl["shopper"] and max(ttl["shopper"]) <= DEPARTED_SECONDS
    assert ttl["staff"] and min(ttl["staff"]) > 60


def test_a_loaders_answer_reaches_the_browser_after_the_guard(app):
    """A listing page past the end: its loader's redirect (to the last page) is what the page
    load returns, whether the loader ran on a worker thread or not."""
    root = page_tree(STORE + "products", {"page": "99"})
    results = asyncio.run(run_page_load(root, listing_route()))
    events = results[0]
    assert isinstance(events, list) and len(events) == 1
    assert "page=99" not in str(events[0]) and "redirect" in str(events[0]).lower()


def test_departures_in_a_row_restart_the_expiry_task_once_and_all_expire_on_time():
    """Each restart of Reflex's expiration task rescans every tab: a departure whose deadline
    comes after the one the task already wakes for does not restart it, and still expires."""
    from reflex.istate.manager.memory import StateManagerMemory
    from reflex.istate.manager.token import BaseStateToken
    from reflex.state import State

    from orion_app.ui.departures import shorten_expiry

    async def scenario():
        manager = StateManagerMemory(token_expiration=3600)
        for name in ("a", "b", "c", "d"):
            await manager.get_state(BaseStateToken(ident=name, cls=State))
        tasks = []  # the task objects themselves: kept alive, so no id is reused
        assert shorten_expiry(manager, "a", seconds=0.3)
        tasks.append(manager._expiration_task)
        await asyncio.sleep(0.05)
        assert shorten_expiry(manager, "b", seconds=0.3)  # later than a's: no restart
        assert shorten_expiry(manager, "c", seconds=0.35)
        tasks.append(manager._expiration_task)
        # a comes back (a reload): its deadline is an hour again, so d's departure restarts.
        manager._track_token(BaseStateToken(ident="a", cls=State))
        assert shorten_expiry(manager, "d", seconds=0.3)
        tasks.append(manager._expiration_task)
        await asyncio.sleep(0.6)
        kept = set(manager.states)
        await manager.close()
        return len({id(task) for task in tasks}), kept

    restarts, kept = asyncio.run(scenario())
    assert restarts == 2 and kept == {"a"}
