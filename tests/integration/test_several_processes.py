"""Two backend processes on one Redis and PostgreSQL: a tab's events may land on either.

With `REFLEX_REDIS_URL` set (as `make serve` does), each tab's state lives in Redis, so a
merchant or a shopper whose websocket reconnects to another process carries on where they
were.
"""

import os
import time

import pytest

from tests.conftest import POSTGRES
from tests.integration.live_backend import Backend, EventClient

pytestmark = pytest.mark.skipif(not POSTGRES, reason="PostgreSQL is not reachable")


@pytest.fixture
def two_processes(tmp_path_factory):
    from tests.conftest import _activate, migrated_database

    databases = _activate(migrated_database("postgresql", tmp_path_factory, seeded=True))
    next(databases)
    redis = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    backends = [Backend(REFLEX_REDIS_URL=redis), Backend(REFLEX_REDIS_URL=redis)]
    yield backends
    for backend in backends:
        backend.stop()
    next(databases, None)


def sign_in_as(email: str) -> str:
    from modules.tenancy.services.auth import sign_in
    from orion_app.db import session_scope

    with session_scope() as session:
        return sign_in(session, email, "orion-demo-2026")[0]


def test_a_merchant_and_a_shopper_carry_on_when_their_tab_moves_to_another_process(two_processes):
    import uuid

    from modules.catalog.state.dashboard import ProductListState
    from orion_app.ui.shell import ShellState

    first, second = two_processes
    products = "/store/cafe-lux/products"

    # The merchant selects a product on one process, then the tab reconnects to the other.
    token, tab = sign_in_as("marie@cafe-lux.lu"), str(uuid.uuid4())
    toggle = f"{ProductListState.get_full_name()}.toggle"
    here = EventClient(first, token, tab=tab)
    assert "101" in repr(here.send(toggle, {"product_id": "101"}, products))
    here.close()
    there = EventClient(second, token, tab=tab)
    updates = repr(there.send(toggle, {"product_id": "202"}, products))
    there.close()
    assert "101" in updates and "202" in updates  # the selection made on the first process is kept

    # The shopper's storefront tab learns the store's languages on one process...
    shop, tab = "/platforms/oms/storefront/velo-weber/", str(uuid.uuid4())
    from orion_app.routes import page_index

    home = next(
        pid
        for pid, entry in page_index().items()
        if entry.page.frontend.value == "storefront" and entry.page.path == ""
    )
    here = EventClient(first, tab=tab)
    here.send(f"{ShellState.get_full_name()}.guard", {"page_ids": home}, shop)
    here.close()
    # ...and the other process knows them: German is not one of velo-weber's languages.
    there = EventClient(second, tab=tab)
    there.send(f"{ShellState.get_full_name()}.switch_language", {"lang": "de"}, shop, wait=False)
    there.send(f"{ShellState.get_full_name()}.switch_language", {"lang": "en"}, shop, wait=False)
    deadline = time.monotonic() + 15
    while not languages_set(there.updates) and time.monotonic() < deadline:
        time.sleep(0.1)
    there.close()
    assert languages_set(there.updates) == ["en"]


def languages_set(updates) -> list[str]:
    """Every value the viewer's language var took in these state updates."""
    found = []

    def walk(value):
        if isinstance(value, dict):
            for key, item in value.items():
                if key.startswith("lang_rx_state"):
                    found.append(item)
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(updates)
    return found
