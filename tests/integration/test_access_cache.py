"""The guard's cache: no SQL on a warm cache, and every process sees a change on its next event."""

import time

import pytest
from sqlalchemy import event

from orion_app import access_cache, enablement
from orion_app.access import Verdict, check_access
from orion_app.db import get_engine, session_scope
from orion_app.registry import Frontend
from tests.integration.helpers import platform_id, store_id
from tests.integration.live_backend import Backend, EventClient


def statements_during(action) -> int:
    count = 0

    def counted(*_args):
        nonlocal count
        count += 1

    engine = get_engine()
    event.listen(engine, "before_cursor_execute", counted)
    try:
        action()
    finally:
        event.remove(engine, "before_cursor_execute", counted)
    return count


def settle_own_changes() -> None:
    """Apply the echo of this process's own change messages now. Redis may deliver a commit's
    invalidation to this process's subscription a moment after the commit returned; a warm
    read taken in between is then dropped once more, and a test counting the statements of
    the next read saw 11 instead of 0 (once, on a loaded machine)."""
    time.sleep(0.05)
    access_cache.refresh()


def sign_in_as(email: str) -> str:
    from modules.tenancy.services.auth import sign_in

    with session_scope() as session:
        token = sign_in(session, email, "orion-demo-2026")[0]
    settle_own_changes()
    return token


def team_check(token: str):
    return check_access(
        path="/store/cafe-lux/team",
        host="localhost:3000",
        token=token,
        module="tenancy",
        frontends=(Frontend.STORE,),
        permission="tenancy.team.view",
    )


def test_a_warm_guard_runs_no_sql_and_a_module_switch_is_seen_at_once(demo):
    token = sign_in_as("luc@cafe-lux.lu")
    assert team_check(token).ok
    assert statements_during(lambda: team_check(token)) == 0
    reports = dict(
        path="/store/cafe-lux/reports",
        host="localhost",
        token=token,
        module="analytics",
        frontends=(Frontend.STORE,),
    )
    assert check_access(**reports).verdict != Verdict.NOT_FOUND
    enablement.apply_change(platform_id("oms"), "analytics", False, None)
    assert check_access(**reports).verdict == Verdict.NOT_FOUND


def test_a_role_removed_and_a_session_revoked_count_on_the_next_check(demo):
    from modules.tenancy.services.auth import sign_out
    from modules.tenancy.services.users import remove_member
    from tests.integration.helpers import principal

    luc, marie = sign_in_as("luc@cafe-lux.lu"), sign_in_as("marie@cafe-lux.lu")
    assert team_check(luc).ok and team_check(marie).ok
    with session_scope() as session:
        remove_member(
            session,
            principal("marie@cafe-lux.lu"),
            store_id("cafe-lux"),
            principal("luc@cafe-lux.lu").user_id,
        )
    assert team_check(luc).verdict == Verdict.FORBIDDEN
    with session_scope() as session:
        sign_out(session, marie)
    assert team_check(marie).verdict == Verdict.SIGN_IN


@pytest.fixture
def two_backends(sqlite_demo):
    backends = [Backend(), Backend()]
    yield backends
    for backend in backends:
        backend.stop()


def test_two_backend_processes_both_see_a_sign_out_a_role_change_and_a_module_switch(two_backends):
    from modules.tenancy.state.team import TeamState

    first, second = two_backends
    luc, marie = sign_in_as("luc@cafe-lux.lu"), sign_in_as("marie@cafe-lux.lu")
    tabs = {
        (b, who): EventClient(b, token)
        for b in two_backends
        for who, token in (("luc", luc), ("marie", marie))
    }
    load = f"{TeamState.get_full_name()}.load"

    def refused(backend, who, path="/store/cafe-lux/team", name=load) -> bool:
        before = backend.refusals()
        tabs[(backend, who)].send(name, {}, path, wait=False)
        tabs[(backend, who)].barrier()
        return backend.refusals() == before + 1

    # Warm both processes' caches.
    assert not any(refused(b, who) for b in two_backends for who in ("luc", "marie"))

    # A role change made in a third process (this one) counts in both on the next event.
    from modules.tenancy.services.users import remove_member
    from tests.integration.helpers import principal

    with session_scope() as session:
        remove_member(
            session,
            principal("marie@cafe-lux.lu"),
            store_id("cafe-lux"),
            principal("luc@cafe-lux.lu").user_id,
        )
    assert refused(first, "luc") and refused(second, "luc")

    # A module switched off on the platform: gone in both.
    from modules.analytics.state import ReportsState

    reports = f"{ReportsState.get_full_name()}.load"
    assert not refused(second, "marie", "/store/cafe-lux/reports", reports)
    enablement.apply_change(platform_id("oms"), "analytics", False, None)
    assert refused(first, "marie", "/store/cafe-lux/reports", reports)
    assert refused(second, "marie", "/store/cafe-lux/reports", reports)

    # Signing out through the first process's endpoint ends the session in the second.
    import httpx

    response = httpx.post(
        f"{first.url}/api/auth/sign-out",
        data={"base": "/store/cafe-lux/"},
        headers={"Origin": "http://localhost:3000", "Cookie": f"orion_session={marie}"},
    )
    assert response.status_code == 303
    assert refused(second, "marie")
    for tab in tabs.values():
        tab.close()


def test_a_scope_is_dropped_by_its_own_change_and_by_an_access_change_only(demo):
    from orion_app import access_cache

    computed = []

    def value(name):
        def compute():
            computed.append(name)
            return name

        return compute

    def read(name, scope):
        access_cache.refresh()
        return access_cache.cached("probe", (name,), value(name), scope=scope)

    for scope in ("cms", "catalog"):
        read(scope, scope)
    assert computed == ["cms", "catalog"]
    read("cms", "cms"), read("catalog", "catalog")
    assert computed == ["cms", "catalog"]  # warm: nothing computed again

    access_cache.invalidate("catalog")
    read("cms", "cms"), read("catalog", "catalog")
    assert computed == ["cms", "catalog", "catalog"]  # only the catalog scope was dropped

    access_cache.invalidate()  # the access scope drops every scope
    read("cms", "cms"), read("catalog", "catalog")
    assert computed == ["cms", "catalog", "catalog", "cms", "catalog"]


def test_an_expiring_value_is_computed_again_after_its_time(demo, monkeypatch):
    from orion_app import access_cache

    now = [1000.0]
    monkeypatch.setattr(access_cache.time, "monotonic", lambda: now[0])
    calls = []

    def compute():
        calls.append(1)
        return access_cache.Expiring(len(calls), 30.0)

    access_cache.refresh()
    assert access_cache.cached("probe_expiring", (), compute, scope="cms") == 1
    now[0] += 29
    assert access_cache.cached("probe_expiring", (), compute, scope="cms") == 1
    now[0] += 2
    assert access_cache.cached("probe_expiring", (), compute, scope="cms") == 2


def test_a_scope_message_from_another_process_drops_that_scope_here(demo):
    """What another process's commit on a watched model publishes: `<version>:<scope>`."""
    import time

    from orion_app import access_cache
    from orion_app.redis_client import get_redis

    access_cache.refresh()
    access_cache.cached("probe_other", (), lambda: "old", scope="cms")
    redis = get_redis()
    redis.publish(access_cache._version_key(), f"{redis.incr(access_cache._version_key())}:cms")
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        access_cache.refresh()
        if access_cache.cached("probe_other", (), lambda: "new", scope="cms") == "new":
            break
    assert access_cache.cached("probe_other", (), lambda: "newer", scope="cms") == "new"


def test_a_value_computed_across_a_change_is_not_kept(demo):
    """A change published while the value is being computed: the next read computes again."""
    from orion_app import access_cache

    calls = []

    def compute():
        calls.append(1)
        if len(calls) == 1:
            access_cache.invalidate("cms")  # an edit committed meanwhile
        return len(calls)

    access_cache.refresh()
    assert access_cache.cached("probe_race", (), compute, scope="cms") == 1
    assert access_cache.cached("probe_race", (), compute, scope="cms") == 2  # not the stale 1
    assert access_cache.cached("probe_race", (), compute, scope="cms") == 2
