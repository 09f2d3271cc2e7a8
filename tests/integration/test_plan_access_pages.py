"""The plan layer over a real websocket, through billing's own `plan_access` provider: a page of
a module outside the plan is the upgrade page inside the dashboard, its menu entry is badged,
its handlers are refused with the upgrade message; an upgrade opens it on the next page load."""

import re

import httpx
import pytest

from orion_app.i18n import LANGUAGES, translate
from orion_app.routes import page_index
from orion_app.ui.shell import ShellState
from tests.integration.live_backend import EventClient, demo_backend, handler
from tests.integration.test_plan_access import subscribe


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    yield from demo_backend(tmp_path_factory)


def page_of(path: str) -> str:
    return next(
        page_id
        for page_id, entry in page_index().items()
        if entry.page.path == path and entry.page.frontend == "store"
    )


def shell_after(updates: list) -> dict:
    """What the updates set on the shell state (the last value of each var)."""
    found = {}
    for update in updates:
        for name, values in (update.get("delta") or {}).items():
            if name == ShellState.get_full_name():
                found |= {key.rsplit("_rx_state_", 1)[0]: value for key, value in values.items()}
    return found


def open_page(client: EventClient, path: str, page: str) -> dict:
    return shell_after(client.send(handler(ShellState, "guard"), {"page_ids": page_of(page)}, path))


def refusals(backend, verdict: str) -> float:
    text = httpx.get(f"{backend.url}/metrics", timeout=5).text
    pattern = rf'^orion_guard_refusals_total\{{kind="handler",verdict="{verdict}"\}} ([0-9.e+]+)$'
    return sum(float(v) for v in re.findall(pattern, text, flags=re.M))


def in_any_language(key: str, module: str) -> set[str]:
    return {translate(key, lang, module=translate(f"{module}.module.name", lang)) for lang in LANGUAGES}


def test_a_page_outside_the_plan_is_the_upgrade_page_and_an_upgrade_opens_it(live):
    from modules.analytics.state import ReportsState

    backend, tokens = live
    subscribe("cafe-lux", "essential")
    owner, staff = EventClient(backend, tokens["marie"]), EventClient(backend, tokens["luc"])
    try:
        shell = open_page(owner, "/store/cafe-lux/reports", "reports")
        assert shell["status"] == "upgrade"
        assert shell["upgrade_title"] in in_any_language("orion.upgrade.title", "analytics")
        assert shell["upgrade_href"] == "/store/cafe-lux/billing"
        badges = {item["key"]: item["badge"] for item in shell["menu"]}
        assert badges["analytics.menu.reports"] == "upgrade" and badges["core.menu.overview"] == ""

        # staff (no right to the reports, nor to billing): the plan comes first, and they are
        # asked to see the owner instead of being sent to a page they cannot open
        shell = open_page(staff, "/store/cafe-lux/reports", "reports")
        assert shell["status"] == "upgrade" and shell["upgrade_href"] == ""
        assert "analytics.menu.reports" not in {item["key"] for item in shell["menu"]}

        before = refusals(backend, "upgrade")
        answer = owner.send(handler(ReportsState, "download"), {}, "/store/cafe-lux/reports")
        assert refusals(backend, "upgrade") == before + 1
        assert any(text in repr(answer) for text in in_any_language("orion.error.upgrade", "analytics"))

        subscribe("cafe-lux", "business")
        assert open_page(owner, "/store/cafe-lux/reports", "reports")["status"] == "ok"
    finally:
        owner.close()
        staff.close()


def test_read_only_keeps_pages_open_and_refuses_changes(live):
    from modules.catalog.state.dashboard import ProductListState

    backend, tokens = live
    subscribe("cafe-lux", "business", status="read_only")
    owner = EventClient(backend, tokens["marie"])
    try:
        assert open_page(owner, "/store/cafe-lux/products", "products")["status"] == "ok"
        before = refusals(backend, "read_only")
        path = "/store/cafe-lux/products"
        owner.send(handler(ProductListState, "apply_filters"), {"form": {"q": "x"}}, path)
        assert refusals(backend, "read_only") == before  # a filter reads
        answer = owner.send(handler(ProductListState, "bulk_set_active"), {"active": False}, path)
        assert refusals(backend, "read_only") == before + 1
        assert any(translate("orion.error.read_only", lang) in repr(answer) for lang in LANGUAGES)
        subscribe("cafe-lux", "business")
        owner.send(handler(ProductListState, "bulk_set_active"), {"active": False}, path)
        assert refusals(backend, "read_only") == before + 1
    finally:
        owner.close()
