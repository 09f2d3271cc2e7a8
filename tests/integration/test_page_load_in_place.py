"""A page load is one Reflex event: the page's data and `is_hydrated` arrive in one message.

Against a live backend over the real protocol (the load bench's `Tab`: a Socket.IO client that
opens a tab with `hydrate_and_load`, and navigates with `on_load_internal`)."""

import time

import pytest

from bench.storefront_protocol import HYDRATED, ROOT_STATE, Tab, page
from tests.integration.live_backend import Backend


@pytest.fixture
def backend(sqlite_demo):
    server = Backend()
    yield server
    server.stop()


def _state_with(messages: list, suffix: str) -> list[int]:
    """Indexes of the messages whose delta names a state ending in `suffix`."""
    return [
        index
        for index, message in enumerate(messages)
        if any(name.endswith(suffix) for name in message.get("delta", {}))
    ]


def _hydrated(messages: list) -> list[int]:
    return [
        index
        for index, message in enumerate(messages)
        if message.get("delta", {}).get(ROOT_STATE, {}).get(HYDRATED) is True
    ]


def test_a_page_load_is_one_message_with_the_page_and_is_hydrated(backend):
    tab = Tab(backend.url, hashes=[])
    tab.seen = []
    try:
        # A tab's first page: the snapshot, then the page's data with is_hydrated.
        tab.open(page("products", {"page": "1"}))
        hydrated = _hydrated(tab.seen)
        assert len(hydrated) == 1 and hydrated[0] in _state_with(tab.seen, "shop_listing_state")
        listing = next(
            v for n, v in tab.seen[hydrated[0]]["delta"].items() if n.endswith("shop_listing_state")
        )
        assert listing.get("heading_rx_state_"), "the listing's own values come with the page load"

        # A navigation: one message, carrying the page and is_hydrated.
        tab.seen.clear()
        tab.navigate(page("products", {"q": "café"}))
        assert len(tab.seen) == 1 and _hydrated(tab.seen) == _state_with(tab.seen, "shop_listing_state") == [
            0
        ]
        # The shell's values the search did not change are not sent again (`OrionState._assign`).
        shell = next((v for n, v in tab.seen[0]["delta"].items() if n.endswith("shell_state")), {})
        assert "tenant_store_name_rx_state_" not in shell and "languages_rx_state_" not in shell, shell

        # An unknown product: still one message, the page says not found.
        tab.seen.clear()
        tab.navigate(page("products/definitely-not-a-product", {}, {"slug": "definitely-not-a-product"}))
        assert len(tab.seen) == 1 and _hydrated(tab.seen) == [0]

        # A dashboard page without a session: hydrated, then the guard's redirect to sign in.
        tab.seen.clear()
        path = "/store/cafe-lux/products"
        tab.navigate({"pathname": path, "asPath": path, "query": {"store": "cafe-lux"}})
        deadline = time.monotonic() + 10
        while (
            not (redirects := [m for m in tab.seen if "_redirect" in str(m)]) and time.monotonic() < deadline
        ):
            time.sleep(0.05)  # the follow-up events come after the hydrating delta
        assert _hydrated(tab.seen) and redirects and "/store/cafe-lux/login?next=" in str(redirects), tab.seen
    finally:
        tab.close()


def test_what_cannot_run_in_place_keeps_reflexs_chain():
    import reflex as rx
    from reflex_base.vars.base import Var

    from orion_app.ui import page_load

    class Probe(rx.State):
        value: str = ""

        @rx.event
        def plain(self, text: str):
            self.value = text

        @rx.event(background=True)
        async def slow(self):
            return None

    assert page_load._inline_calls([Probe.plain("x")])[0][1] == {"text": "x"}
    assert page_load._inline_calls([Probe.slow]) is None  # a background task
    assert page_load._inline_calls([Probe.plain(Var(_js_expr="window.x"))]) is None  # not literal


def test_start_up_stops_when_reflexs_page_load_functions_changed(monkeypatch):
    from orion_app.ui import page_load

    monkeypatch.setattr(page_load.OnLoadInternalState, "_orion_in_place", False, raising=False)
    monkeypatch.setitem(page_load.REFLEX_SOURCES, "State.hydrate_and_load", "0" * 64)
    with pytest.raises(page_load.ReflexChanged, match="hydrate_and_load"):
        page_load.install_page_loads_in_place()
