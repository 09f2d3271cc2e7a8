"""Test set-up: every run gets its own databases and Redis key prefix, so runs never collide.

SQLite always; PostgreSQL too when one answers at TEST_POSTGRES_URL (default: the local
server). Each database is created, migrated to head and dropped by the run itself.
"""

import os
import queue
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

# `mail_sink`: a real SMTP server; `stripe_server`: localstripe and our webhook route
pytest_plugins = ["tests.mail_sink", "tests.stripe_server"]

RUN_ID = uuid.uuid4().hex[:10]
os.environ["REDIS_PREFIX"] = f"orion:test:{RUN_ID}:"
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/0")
# The demo catalog (180 products with photos per store) is for people; tests that need
# demo products ask for a few themselves.
os.environ["CATALOG_DEMO_PRODUCTS"] = "0"
POSTGRES_ADMIN_URL = os.environ.get(
    "TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


def postgres_available() -> bool:
    import sqlalchemy

    try:
        engine = sqlalchemy.create_engine(POSTGRES_ADMIN_URL, connect_args={"connect_timeout": 3})
        with engine.connect():
            pass
        engine.dispose()
        return True
    except Exception:
        return False


POSTGRES = postgres_available()
if os.environ.get("CI") and not POSTGRES:
    print("PostgreSQL is not reachable: the PostgreSQL half of the integration tests is skipped.")


def use_database(url: str) -> None:
    """Point the whole process (settings, engine, registry caches) at `url`."""
    from orion_app.settings import get_settings

    os.environ["DATABASE_URL"] = url
    get_settings.cache_clear()


def create_postgres_database(template: str | None = None) -> str:
    """A new empty database, or a copy of the database at URL `template`."""
    import sqlalchemy

    name = f"orion_test_{RUN_ID}_{uuid.uuid4().hex[:6]}"
    copy = f' TEMPLATE "{template.rsplit("/", 1)[1]}"' if template else ""
    engine = sqlalchemy.create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(sqlalchemy.text(f'CREATE DATABASE "{name}"{copy}'))
    engine.dispose()
    return POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"


def drop_postgres_database(url: str) -> None:
    """Drop the database at `url` in the background: PostgreSQL forces a checkpoint on every
    DROP DATABASE, which waits for every other test's writes to reach the disk (2–9 s a test
    on a busy server). `_drop_demo_templates` waits for the last drops at the end of the run."""
    from orion_app.db import engine_for

    engine_for(url).dispose()
    global _DROPPER
    if _DROPPER is None:
        _DROPPER = threading.Thread(target=_drop_queued_databases, name="drop-databases", daemon=True)
        _DROPPER.start()
    _DROPS.put(url.rsplit("/", 1)[1])


_DROPS: queue.Queue = queue.Queue()
_DROPPER: threading.Thread | None = None


def _drop_queued_databases() -> None:
    import sqlalchemy

    engine = sqlalchemy.create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    while True:
        name = _DROPS.get()
        try:
            with engine.connect() as connection:
                connection.execute(sqlalchemy.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        except Exception as error:  # a database left behind must not stop the others' drops
            print(f"Could not drop the test database {name}: {error}")
        finally:
            _DROPS.task_done()


def migrated_database(kind: str, tmp_path_factory, seeded: bool = False) -> Iterator[str]:
    """A new database of `kind` at head: a copy of one template migrated once per process
    (migrating costs 1–2 s a database, a copy ~0.1 s); `seeded`: a copy of one demo-seeded
    template."""
    if kind == "postgresql" and not POSTGRES:
        pytest.skip("PostgreSQL is not reachable")
    template = _demo_template if seeded else _migrated_template
    url = _copy_of(template(kind, tmp_path_factory), kind, tmp_path_factory)
    try:
        yield url
    finally:
        if kind == "postgresql":
            drop_postgres_database(url)


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request, tmp_path_factory) -> Iterator[str]:
    """A fresh migrated database (each kind), made current for services and guards.

    A test that also asks for `demo` gets a copy of a database seeded once per process,
    instead of migrating and seeding its own (seeding hashes passwords: ~1 s a test).
    """
    seeded = "demo" in request.fixturenames
    yield from _activate(migrated_database(request.param, tmp_path_factory, seeded))


@pytest.fixture
def sqlite_database(tmp_path_factory) -> Iterator[str]:
    yield from _activate(migrated_database("sqlite", tmp_path_factory))


@pytest.fixture
def sqlite_demo(tmp_path_factory) -> Iterator[str]:
    """A SQLite database with the demo data (a copy of the seeded template), made current."""
    yield from _activate(migrated_database("sqlite", tmp_path_factory, seeded=True))


def _activate(urls: Iterator[str]) -> Iterator[str]:
    previous = os.environ.get("DATABASE_URL")
    for url in urls:
        use_database(url)
        yield url
    if previous is None:
        os.environ.pop("DATABASE_URL", None)
    else:
        os.environ["DATABASE_URL"] = previous
    from orion_app.settings import get_settings

    get_settings.cache_clear()


@pytest.fixture
def session(database):
    from orion_app.db import session_scope

    with session_scope() as s:
        yield s


@pytest.fixture
def demo(database):
    """The demo data set (platforms main/oms/loyalty, two merchants, three stores): the
    `database` fixture copied it from the seeded template."""
    return database


_DEMO_TEMPLATES: dict[str, str] = {}
_MIGRATED_TEMPLATES: dict[str, str] = {}


def _migrated_template(kind: str, tmp_path_factory) -> str:
    """One database per kind and process, migrated to head (`db upgrade`, as each test's
    database used to be), never used by a test itself."""
    if kind not in _MIGRATED_TEMPLATES:
        from orion_app.db import engine_for
        from orion_app.migrations import upgrade

        if kind == "postgresql":
            url = create_postgres_database()
        else:
            url = f"sqlite:///{tmp_path_factory.mktemp('template') / 'migrated.db'}"
        upgrade(url)
        engine_for(url).dispose()  # PostgreSQL copies only a template nobody is connected to
        _MIGRATED_TEMPLATES[kind] = url
    return _MIGRATED_TEMPLATES[kind]


def _demo_template(kind: str, tmp_path_factory) -> str:
    """One database per kind and process, a copy of the migrated template seeded with
    `seed-demo` (the same command the tests used to run each time), never used by a test
    itself."""
    if kind not in _DEMO_TEMPLATES:
        from orion_app.cli import main
        from orion_app.db import engine_for

        url = _copy_of(_migrated_template(kind, tmp_path_factory), kind, tmp_path_factory)
        previous = os.environ.get("DATABASE_URL")
        use_database(url)
        try:
            assert main(["seed-demo"]) == 0
        finally:
            if previous is None:
                os.environ.pop("DATABASE_URL", None)
            else:
                use_database(previous)
            engine_for(url).dispose()  # PostgreSQL copies only a template nobody is connected to
        _DEMO_TEMPLATES[kind] = url
    return _DEMO_TEMPLATES[kind]


def _copy_of(template: str, kind: str, tmp_path_factory) -> str:
    if kind == "postgresql":
        return create_postgres_database(template)
    import sqlite3

    path = tmp_path_factory.mktemp("db") / "orion.db"
    source = sqlite3.connect(template.removeprefix("sqlite:///"))
    target = sqlite3.connect(path)
    with target:
        source.backup(target)  # consistent even with a write-ahead log
    source.close()
    target.close()
    return f"sqlite:///{path}"


@pytest.fixture(autouse=True, scope="session")
def _drop_demo_templates():
    yield
    for templates in (_DEMO_TEMPLATES, _MIGRATED_TEMPLATES):
        for kind, url in templates.items():
            if kind == "postgresql":
                drop_postgres_database(url)
    _DROPS.join()


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Sign-in counters of one test never lock accounts of the next."""
    yield
    from orion_app.redis_client import get_redis, key

    redis = get_redis()
    for name in redis.scan_iter(match=key("ratelimit", "*"), count=500):
        redis.delete(name)


@pytest.fixture(autouse=True)
def _empty_queues():
    """Jobs one test queued never reach the next test's worker (databases restart ids at 1)."""
    yield
    from orion_app.jobs import QUEUES, get_queue

    for name in QUEUES:
        get_queue(name).empty()


@pytest.fixture(autouse=True, scope="session")
def _clean_redis_prefix():
    yield
    try:
        from orion_app.redis_client import get_redis

        redis = get_redis()
        for key in redis.scan_iter(match=f"{os.environ['REDIS_PREFIX']}*", count=500):
            redis.delete(key)
    except Exception:
        pass


ROOT = Path(__file__).resolve().parent.parent


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items) -> None:
    """Every test under tests/e2e/ is a browser test (`-m e2e`), marked or not: one that ran
    with the others would start a second app server on the parallel workers."""
    e2e = Path(__file__).parent / "e2e"
    for item in items:
        if e2e in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.e2e)
            item.add_marker(pytest.mark.xdist_group(_server_of(item)))


def _server_of(item) -> str:
    """The xdist group of a browser test, for `make test E2E_WORKERS=2` (`--dist loadgroup`):
    a module's tests on one worker in order (each worker starts its own app server,
    tests/e2e/conftest.py), the production server's tests (its own database and web build,
    in several modules) together on one. Without xdist the marks change nothing."""
    if "production_site" in getattr(item, "fixturenames", ()):
        return "production_site"
    return Path(str(item.fspath)).stem
