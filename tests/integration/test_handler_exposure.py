"""Every event handler of the built app, sent over a raw websocket by people who may not use it.

The list of handlers comes from the app itself, so a new module's handlers are covered
without anyone writing a test for them. Each guarded handler is sent, with payloads full of
another store's record ids, from the victim's pages as an anonymous visitor, as another
merchant's owner and (where the role lacks the permission) as the victim store's staff. The
backend must count a refusal for each, and the database must not change at all. A merchant
on the Essential plan is refused, as its own owner, every store handler of an optional
module its plan leaves out, with the upgrade verdict.
"""

import hashlib
import inspect
import typing

import pytest
import sqlalchemy

from orion_app.registry import Frontend, StoreRole, get_registry
from tests.integration.live_backend import Backend, EventClient

VICTIM_PAGES = {
    Frontend.STORE: "/store/cafe-lux/",
    Frontend.ADMIN: "/admin/platforms/oms/modules",
    Frontend.STOREFRONT: "/platforms/oms/storefront/cafe-lux/products",
    Frontend.PLATFORM: "/platforms/oms/",
}


def handlers():
    """(full event name, function, policy, permission, frontends) of every Orion handler."""
    from orion_app.orion_app import app  # noqa: F401  (builds the app: every state exists)
    from orion_app.ui.guard import Policy, policy_of
    from orion_app.ui.state import OrionState

    found, pending = [], [OrionState]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        for name, handler in cls.event_handlers.items():
            function = handler.fn
            if function.__module__.startswith(("reflex", "tests.")):  # tests make states of their own
                continue
            found.append((f"{cls.get_full_name()}.{name}", function, policy_of(function)))
    assert found and all(policy in set(Policy) for _, _, policy in found)
    return sorted(found, key=lambda row: row[0])


def plausible_payload(function, victim: dict) -> dict:
    """Arguments a hostile client would try: the victim's ids in every shape."""
    hints = typing.get_type_hints(inspect.unwrap(function))
    payload = {}
    for name in list(inspect.signature(inspect.unwrap(function)).parameters)[1:]:
        kind = hints.get(name, str)
        if kind is bool:
            payload[name] = True
        elif kind is int:
            payload[name] = victim["product_id"]
        elif kind is dict:
            payload[name] = {
                "id": str(victim["product_id"]),
                "product_id": str(victim["product_id"]),
                "store_id": str(victim["store_id"]),
                "merchant_id": str(victim["merchant_id"]),
                "platform_id": str(victim["platform_id"]),
                "user_id": str(victim["user_id"]),
                "name": "Taken over",
                "title_en": "Taken over",
                "email": "intruder@example.com",
                "password": "intruder-password-1",
                "role": "owner",
                "code": "taken-over",
                "url": "https://example.com/feed.tsv",
                "quantity": "999",
                "lang": "en",
            }
        elif typing.get_origin(kind) is list:
            payload[name] = [str(victim["product_id"])]
        else:
            payload[name] = str(victim["product_id"])
    return payload


def fingerprint(url: str) -> str:
    """A hash of every row of every table (session bookkeeping and audit aside)."""
    engine = sqlalchemy.create_engine(url)
    digest = hashlib.sha256()
    with engine.connect() as connection:
        for table in sorted(sqlalchemy.inspect(engine).get_table_names()):
            if table in ("alembic_version",):
                continue
            rows = connection.execute(sqlalchemy.text(f'SELECT * FROM "{table}"')).all()
            digest.update(table.encode())
            for row in sorted(map(repr, rows)):
                digest.update(row.encode())
    engine.dispose()
    return digest.hexdigest()


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    """A seeded SQLite database, signed-in tokens, one real backend process."""
    from tests.conftest import _activate, migrated_database

    databases = _activate(migrated_database("sqlite", tmp_path_factory, seeded=True))
    url = next(databases)
    from modules.catalog.services.products import create_product
    from modules.tenancy.services.auth import sign_in
    from orion_app.db import session_scope
    from tests.integration.catalog_helpers import product_form, scope
    from tests.integration.helpers import platform_id, principal, store_id

    with session_scope() as session:
        product = create_product(session, *scope(), product_form())
        tokens = {
            email: sign_in(session, email, "orion-demo-2026")[0]
            for email in ("jean@velo.lu", "luc@cafe-lux.lu")
        }
    victim = {
        "product_id": product.id,
        "store_id": store_id("cafe-lux"),
        "merchant_id": next(iter(principal("marie@cafe-lux.lu").merchant_ids)),
        "platform_id": platform_id("oms"),
        "user_id": principal("marie@cafe-lux.lu").user_id,
    }
    backend = Backend()
    try:
        yield {"url": url, "backend": backend, "tokens": tokens, "victim": victim}
    finally:
        backend.stop()
        next(databases, None)


def intruders(permission: str | None, frontend: Frontend, tokens: dict) -> list[tuple[str, str]]:
    people = [("anonymous", ""), ("another merchant's owner", tokens["jean@velo.lu"])]
    declared = get_registry().permissions.get(permission) if permission else None
    staff_lacks_it = frontend == Frontend.ADMIN or (
        declared is not None and StoreRole.STAFF not in declared.roles
    )
    if staff_lacks_it:
        people.append(("staff without the permission", tokens["luc@cafe-lux.lu"]))
    return people


def guard_of(function) -> tuple[str | None, Frontend]:
    """The permission and frontend a guarded handler asks for."""
    from orion_app.ui.guard import GUARD_ATTRIBUTE

    permission, frontends = getattr(function, GUARD_ATTRIBUTE)
    declared = get_registry().permissions.get(permission) if permission else None
    return permission, (frontends or ((declared.frontend,) if declared else (Frontend.STORE,)))[0]


# The guarded handlers are checked in shards (every SHARDS-th handler of the sorted list, so
# each shard mixes modules), which xdist's workers share out: ~500 refusals in one test took
# longer than any other test. Together the shards cover every guarded handler.
SHARDS = 4


def guarded_handlers() -> list[tuple[str, typing.Callable]]:
    from orion_app.ui.guard import Policy

    return [(name, function) for name, function, policy in handlers() if policy == Policy.GUARDED]


def test_the_whole_apps_guarded_handlers_are_checked():
    guarded = [name for name, _ in guarded_handlers()]
    shards = [name for shard in range(SHARDS) for name, _ in guarded_handlers()[shard::SHARDS]]
    assert sorted(shards) == guarded
    assert len(guarded) >= 40  # the whole app, not a handful


@pytest.mark.parametrize("shard", range(SHARDS))
def test_every_guarded_handler_refuses_intruders_and_changes_nothing(live, shard):
    backend, victim = live["backend"], live["victim"]
    before = fingerprint(live["url"])
    clients = {}
    checked = []
    refused = backend.refusals()
    mine = guarded_handlers()[shard::SHARDS]
    for name, function in mine:
        permission, frontend = guard_of(function)
        path = VICTIM_PAGES[frontend]
        for who, token in intruders(permission, frontend, live["tokens"]):
            client = clients.get(who) or clients.setdefault(who, EventClient(backend, token))
            client.send(name, plausible_payload(function, victim), path, wait=False)
            client.barrier()
            now = backend.refusals()
            assert now == refused + 1, f"{name} was not refused for {who}"
            refused = now
            checked.append((name, who))
    for client in clients.values():
        client.close()
    assert fingerprint(live["url"]) == before
    assert {name for name, _ in checked} == {name for name, _ in mine}


def test_an_essential_merchants_owner_is_refused_every_handler_of_a_module_outside_the_plan(live):
    from orion_app.registry import Tier
    from orion_app.ui.guard import Policy
    from tests.integration.test_plan_access import subscribe
    from tests.integration.test_plan_access_pages import refusals

    backend, victim = live["backend"], live["victim"]
    essential = subscribe("velo-weber", "essential")
    registry = get_registry()
    outside = {d.code for d in registry if d.tier == Tier.OPTIONAL and not d.planned} - set(essential.modules)
    before = fingerprint(live["url"])
    client = EventClient(backend, live["tokens"]["jean@velo.lu"])
    checked = []
    try:
        for name, function, policy in handlers():
            parts = function.__module__.split(".")
            if policy != Policy.GUARDED or parts[0] != "modules" or parts[1] not in outside:
                continue
            if guard_of(function)[1] != Frontend.STORE:
                continue
            refused = refusals(backend, "upgrade")
            client.send(name, plausible_payload(function, victim), "/store/velo-weber/", wait=False)
            client.barrier()
            assert refusals(backend, "upgrade") == refused + 1, f"{name} was not refused on Essential"
            checked.append(name)
        assert fingerprint(live["url"]) == before
    finally:
        client.close()
        subscribe("velo-weber", "business")
    assert {"analytics", "marketplace"} <= outside
    assert len(checked) >= 10  # the reports and every Letzshop handler, at least


def test_public_and_ui_only_handlers_write_nothing_when_called_by_anyone(live):
    from orion_app.ui.guard import Policy

    backend, victim = live["backend"], live["victim"]
    before = fingerprint(live["url"])
    client = EventClient(backend, live["tokens"]["jean@velo.lu"])
    sent = 0
    for name, function, policy in handlers():
        if policy == Policy.GUARDED or name.endswith(".guard"):
            continue
        for path in VICTIM_PAGES.values():
            client.send(name, plausible_payload(function, victim), path, wait=False)
            sent += 1
    client.barrier()
    client.close()
    assert sent >= 20
    assert fingerprint(live["url"]) == before


def test_the_session_token_never_reaches_the_client(live):
    """Neither the state deltas nor anything else sent back carries the cookie's token."""
    token = live["tokens"]["luc@cafe-lux.lu"]
    client = EventClient(live["backend"], token)
    from orion_app.routes import page_index
    from orion_app.ui.shell import ShellState

    team = next(page_id for page_id, entry in page_index().items() if entry.page.path == "team")
    updates = client.send(f"{ShellState.get_full_name()}.guard", {"page_ids": team}, "/store/cafe-lux/team")
    client.close()
    assert updates and token not in repr(updates)
