"""Prometheus metrics and the health checks behind /health/ready."""

import logging
import time

from prometheus_client import Counter, Histogram
from sqlalchemy import text

log = logging.getLogger(__name__)

GUARD_REFUSALS = Counter(
    "orion_guard_refusals_total", "Pages and handlers refused by the guard", ["kind", "verdict"]
)
PAGE_GUARD_SECONDS = Histogram("orion_page_guard_seconds", "Time spent in the page guard")
SIGN_INS = Counter("orion_sign_ins_total", "Sign-in attempts", ["outcome"])
MODULE_CHANGES = Counter("orion_module_changes_total", "Module enable/disable changes", ["action"])


def check_database() -> tuple[bool, str]:
    from orion_app.db import get_engine

    try:
        with get_engine().connect() as connection:
            connection.execute(text("SELECT 1"))
        return True, "ok"
    except Exception as exc:  # any driver error means "not ready"
        return False, type(exc).__name__


def check_redis() -> tuple[bool, str]:
    from orion_app.redis_client import get_redis

    try:
        get_redis().ping()
        return True, "ok"
    except Exception as exc:
        return False, type(exc).__name__


def readiness() -> dict[str, dict[str, object]]:
    """Database, Redis and every module's own `health_check`, each with its time."""
    from orion_app.registry import get_registry, import_string

    checks = {"database": check_database, "redis": check_redis}
    for definition in get_registry():
        if definition.health_check:
            checks[f"module:{definition.code}"] = import_string(definition.health_check)
    report = {}
    for name, check in checks.items():
        started = time.perf_counter()
        try:
            ok, detail = check()
        except Exception as exc:
            log.exception("Health check %s failed", name)
            ok, detail = False, type(exc).__name__
        report[name] = {"ok": ok, "detail": detail, "ms": round((time.perf_counter() - started) * 1000, 1)}
    return report
