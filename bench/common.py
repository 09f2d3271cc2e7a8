"""Shared bench helpers: a throw-away seeded database and percentiles."""

import os
import statistics
import tempfile
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def fresh_demo_database() -> str:
    """A new SQLite database, migrated and seeded, made current for this process."""
    os.environ["REDIS_PREFIX"] = f"orion:bench:{uuid.uuid4().hex[:8]}:"
    url = f"sqlite:///{Path(tempfile.mkdtemp(prefix='orion-bench-')) / 'orion.db'}"
    os.environ["DATABASE_URL"] = url
    from orion_app.settings import get_settings

    get_settings.cache_clear()
    from orion_app.cli import main
    from orion_app.migrations import upgrade

    upgrade(url)
    main(["seed-demo"])
    return url


def percentiles(samples_ms: list[float]) -> dict[str, float]:
    ordered = sorted(samples_ms)
    q = statistics.quantiles(ordered, n=100)
    return {"p50": round(q[49], 3), "p95": round(q[94], 3), "n": len(ordered)}
