"""Shared bench helpers: a throw-away seeded database and percentiles."""

import contextlib
import json
import os
import statistics
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


POSTGRES_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def fresh_demo_database() -> str:
    """A new SQLite database, migrated and seeded, made current for this process."""
    return demo_database(f"sqlite:///{Path(tempfile.mkdtemp(prefix='orion-bench-')) / 'orion.db'}")


def demo_database(url: str) -> str:
    """The (empty) database at `url` migrated and seeded, made current, with a new Redis prefix."""
    os.environ["REDIS_PREFIX"] = f"orion:bench:{uuid.uuid4().hex[:8]}:"
    os.environ["DATABASE_URL"] = url
    from orion_app.settings import get_settings

    get_settings.cache_clear()
    from orion_app.cli import main
    from orion_app.migrations import upgrade

    upgrade(url)
    main(["seed-demo"])
    return url


@contextlib.contextmanager
def throwaway_postgres() -> Iterator[str | None]:
    """The URL of a new, empty PostgreSQL database, dropped on exit; None if none answers."""
    from sqlalchemy import create_engine

    try:
        admin = create_engine(
            POSTGRES_ADMIN, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3}
        )
        with admin.connect() as connection:
            connection.exec_driver_sql("SELECT 1")
    except Exception:  # no server is a result, not a failure
        yield None
        return
    name = f"orion_bench_{uuid.uuid4().hex[:10]}"
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = POSTGRES_ADMIN.rsplit("/", 1)[0] + f"/{name}"
    try:
        yield url
    finally:
        from orion_app.db import engine_for, normalise_url

        engine_for(normalise_url(url)).dispose()
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def percentiles(samples_ms: list[float]) -> dict[str, float]:
    ordered = sorted(samples_ms)
    q = statistics.quantiles(ordered, n=100)
    return {"p50": round(q[49], 3), "p95": round(q[94], 3), "n": len(ordered)}


def save_result(result: dict, suffix: str = "") -> Path:
    """`result` as JSON in bench/results/<UTC stamp>[-suffix].json; the path."""
    from datetime import UTC, datetime

    folder = ROOT / "bench" / "results"
    folder.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    path = folder / f"{stamp}{'-' + suffix if suffix else ''}.json"
    path.write_text(json.dumps(result, indent=2))
    return path
