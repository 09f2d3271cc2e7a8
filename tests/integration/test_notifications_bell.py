"""The bell over a real websocket: its count comes with the page load, its list with opening
it, and a click on someone else's notification is refused and changes nothing."""

import time

import pytest
from sqlmodel import select

from modules.messaging.models import Notification
from modules.messaging.public import notify
from modules.tenancy.services.auth import sign_in
from orion_app.db import session_scope
from tests.integration.helpers import store_id
from tests.integration.live_backend import Backend, EventClient

LOW = {"product": "CAFE-001", "available": 3, "threshold": 5}
IMPORTED = {"id": 7, "file": "feed.tsv", "created": 2, "updated": 1, "rejected": 0}


@pytest.fixture(scope="module")
def backend(tmp_path_factory):
    from tests.conftest import _activate, migrated_database

    for _url in _activate(migrated_database("sqlite", tmp_path_factory, seeded=True)):
        with session_scope() as session:
            notify(
                session,
                kind="inventory.low_stock",
                store_id=store_id("cafe-lux"),
                params=LOW,
                link="inventory",
            )
            notify(
                session, kind="marketplace.import_finished", store_id=store_id("cafe-lux"), params=IMPORTED
            )
        started = Backend()
        yield started
        started.stop()


def tab(backend: Backend, email: str) -> EventClient:
    with session_scope() as session:
        return EventClient(backend, sign_in(session, email, "orion-demo-2026")[0])


def names():
    from modules.messaging.state.notifications import BellState, NotificationsState
    from orion_app.routes import page_index
    from orion_app.ui.shell import ShellState

    page = next(
        page_id
        for page_id, entry in page_index().items()
        if entry.page.path == "notifications" and entry.page.frontend == "store"
    )
    return ShellState.get_full_name(), BellState.get_full_name(), NotificationsState.get_full_name(), page


def deltas(updates: list, state: str) -> dict:
    """What the updates set on `state` (the last value of each var)."""
    found = {}
    for update in updates:
        for name, values in (update.get("delta") or {}).items():
            if name == state:
                found |= {key.rsplit("_rx_state_", 1)[0]: value for key, value in values.items()}
    return found


def test_the_page_load_brings_the_count_and_opening_the_bell_the_list(backend):
    shell, bell, page_state, page = names()
    marie = tab(backend, "marie@cafe-lux.lu")
    loaded = marie.send(f"{shell}.guard", {"page_ids": page}, "/store/cafe-lux/notifications")
    assert deltas(loaded, bell)["unread"] == 2
    assert [row["title"] for row in deltas(loaded, page_state)["rows"]] == [
        "Import #7 finished",
        "Low stock: CAFE-001",
    ]
    opened = marie.send(f"{bell}.set_open", {"open": True}, "/store/cafe-lux/notifications")
    assert [item["title"] for item in deltas(opened, bell)["items"]] == [
        "Import #7 finished",
        "Low stock: CAFE-001",
    ]
    marie.close()


def test_a_click_on_another_users_notification_is_refused_and_changes_nothing(backend):
    _, bell, _, _ = names()
    with session_scope() as session:
        maries = session.exec(
            select(Notification.id).where(Notification.kind == "marketplace.import_finished")
        ).one()
    refusals = backend.refusals()
    luc = tab(backend, "luc@cafe-lux.lu")
    luc.send(f"{bell}.follow", {"notification_id": str(maries)}, "/store/cafe-lux/", wait=False)
    luc.barrier()
    # The router's delta may come as an update of its own before the handler's answer.
    deadline = time.monotonic() + 10
    while "does not exist" not in repr(luc.updates) and time.monotonic() < deadline:
        time.sleep(0.05)
    answer = repr(luc.updates)
    luc.close()
    assert "This page or item does not exist." in answer and "redirect" not in answer
    assert backend.refusals() == refusals  # a row outside his own is "not found", not a guard refusal
    with session_scope() as session:
        assert session.get(Notification, maries).read_at is None
