"""Health, metrics, the worker and the cron scheduler, against real Redis and databases."""

import subprocess
import sys
from datetime import timedelta

from sqlmodel import select
from starlette.testclient import TestClient

from modules.tenancy.models import UserSession, utcnow
from modules.tenancy.services.auth import sign_in
from orion_app.api import build_api
from orion_app.db import session_scope
from orion_app.jobs import build_scheduler, get_queue
from orion_app.registry import get_registry
from tests.conftest import ROOT


def test_liveness_readiness_and_metrics_answer(database):
    client = TestClient(build_api(get_registry()))
    assert client.get("/health/live").json() == {"status": "ok"}
    ready = client.get("/health/ready")
    assert ready.status_code == 200
    assert {"database", "redis"} <= set(ready.json()["checks"])
    metrics = client.get("/metrics")
    assert metrics.status_code == 200
    assert "orion_guard_refusals_total" in metrics.text


def test_readiness_fails_when_redis_is_unreachable(database, monkeypatch):
    from orion_app.settings import get_settings

    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:1/0")
    get_settings.cache_clear()
    try:
        ready = TestClient(build_api(get_registry())).get("/health/ready")
    finally:
        get_settings.cache_clear()
    assert ready.status_code == 503
    assert ready.json()["checks"]["redis"]["ok"] is False


def test_the_cron_scheduler_carries_every_scheduled_job_the_modules_declare():
    scheduler = build_scheduler()
    names = {job.name for job in scheduler.get_jobs()}
    declared = {f"{d.code}.{j.name}" for d in get_registry() for j in d.scheduled_jobs}
    assert names == declared and "tenancy.purge_expired_sessions" in names


def test_a_queued_job_is_run_by_a_real_worker_process(demo):
    with session_scope() as session:
        _, user = sign_in(session, "marie@cafe-lux.lu", "orion-demo-2026")
        row = session.exec(select(UserSession).where(UserSession.user_id == user.id)).one()
        row.expires_at = utcnow() - timedelta(days=2)
        session.add(row)
    job = get_queue("scheduled").enqueue("modules.tenancy.jobs.purge_expired_sessions")
    result = subprocess.run(
        [sys.executable, "-m", "orion_app", "worker", "--burst"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    job.refresh()
    assert job.get_status() == "finished" and job.return_value() == 1
    with session_scope() as session:
        assert session.exec(select(UserSession)).all() == []
