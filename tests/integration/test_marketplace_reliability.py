"""Imports survive what happens to workers: kill -9, crashes, double delivery, cancel.

These run real `python -m orion_app worker` processes against the test databases and
the run's own Redis prefix.
"""

import contextlib
import os
import signal
import subprocess
import sys
import time
from datetime import timedelta

import pytest
from sqlalchemy import func
from sqlmodel import select

from modules.catalog.models import Product
from modules.inventory.models import StockMovement
from modules.marketplace.services import imports, runner
from orion_app.db import session_scope, utcnow
from orion_app.jobs import get_queue
from tests.conftest import ROOT
from tests.integration.marketplace_helpers import (
    feed_text,
    products_of,
    reload,
    store_ref,
    unlimited_products,
    use_files_dir,
    write_feed,
)

HEADER = ["id", "title", "price", "gtin", "availability", "quantity"]


def big_feed(rows: int) -> str:
    return feed_text(
        [[f"K-{n:06d}", f"Article {n}", f"{n % 90 + 1},50", "", "in stock", str(n % 7)] for n in range(rows)],
        HEADER,
    )


@pytest.fixture
def shop(demo, tmp_path, monkeypatch):
    use_files_dir(monkeypatch, tmp_path / "files")
    unlimited_products(monkeypatch)
    return store_ref()


def start(path, store, **kwargs):
    with session_scope() as session, path.open("rb") as upload:
        return imports.start_import(session, store, lang="fr", upload=upload, file_name=path.name, **kwargs)


def worker(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "orion_app", "worker", *args],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def children(pid: int) -> list[int]:
    """Processes whose parent is `pid` (RQ's work-horse runs in its own process group)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry))
    return found


def kill_9(process: subprocess.Popen) -> None:
    """kill -9 the worker and its work-horse, as when a machine or container dies."""
    horses = children(process.pid)
    os.killpg(process.pid, signal.SIGKILL)
    for pid in horses:
        with contextlib.suppress(ProcessLookupError):  # it may have died with the group
            os.kill(pid, signal.SIGKILL)
    process.wait(timeout=30)


def kill_9_mid_import(import_id: int, rows: int = 200) -> int:
    """Start a worker, kill -9 it once the import has `rows` rows done; the rows done seen then."""
    process = worker()
    try:
        deadline = time.monotonic() + 120
        while (done := reload(import_id).rows_done) < rows:
            assert time.monotonic() < deadline, "the worker never got going"
            assert process.poll() is None, process.stderr.read().decode()[-2000:]
            time.sleep(0.05)
        kill_9(process)  # mid-import
    finally:
        if process.poll() is None:
            kill_9(process)
    return done


def resume_abandoned(store, import_id: int):
    """Once the killed worker's heartbeat is stale: reap, retry and run the import to its end."""
    time.sleep(1.2)
    with session_scope() as session:
        assert imports.reap_abandoned(session, stale_after_seconds=1) == 1
        imports.retry_import(session, store.id, import_id)
    burst_worker()
    return reload(import_id)


def burst_worker() -> None:
    process = worker("--burst")
    _out, err = process.communicate(timeout=300)
    assert process.returncode == 0, err.decode()[-2000:]


def counts(store) -> tuple[int, int, int]:
    with session_scope() as session:
        products = session.exec(select(func.count(Product.id)).where(Product.store_id == store.id)).one()
        skus = session.exec(
            select(func.count(func.distinct(Product.sku))).where(Product.store_id == store.id)
        ).one()
        moves = session.exec(
            select(func.count(StockMovement.id)).where(StockMovement.store_id == store.id)
        ).one()
    return products, skus, moves


def test_killed_worker_leaves_an_abandoned_import_that_a_retry_finishes_exactly(shop, tmp_path, monkeypatch):
    total = 6000
    monkeypatch.setenv("MARKETPLACE_BATCH_SIZE", "25")
    record = start(write_feed(tmp_path, big_feed(total)), shop)
    done = kill_9_mid_import(record.id)
    killed = reload(record.id)
    assert killed.status == "running" and done <= killed.rows_done < total
    assert counts(shop)[0] == killed.created  # each finished batch is all there, nothing more

    time.sleep(1.2)
    with session_scope() as session:
        assert imports.reap_abandoned(session, stale_after_seconds=1) == 1
    abandoned = reload(record.id)
    assert abandoned.status == "abandoned" and abandoned.message_key == "marketplace.feed.abandoned"

    with session_scope() as session:
        imports.retry_import(session, shop.id, record.id)
    burst_worker()
    finished = reload(record.id)
    assert finished.status == "succeeded", (finished.message_key, finished.message_params)
    assert (finished.rows_done, finished.created, finished.updated, finished.unchanged) == (
        total,
        total,
        0,
        0,
    )
    assert finished.attempts == 2 and finished.rows_at_start == killed.rows_done
    products, skus, moves = counts(shop)
    assert products == skus == total
    assert moves == total  # one stock movement per product: no batch ran twice
    assert products_of(shop)["K-000123"].price_cents == 3450


def test_an_import_claimed_by_a_live_worker_is_not_run_twice(shop, tmp_path):
    record = start(write_feed(tmp_path, big_feed(10)), shop)
    with session_scope() as session:
        assert runner._claim(session, record.id, "other-worker", utcnow() - timedelta(seconds=60))
    assert runner.run_import(record.id) == "skipped"
    assert counts(shop)[0] == 0


def test_an_ended_import_delivered_again_does_nothing(shop, tmp_path):
    record = start(write_feed(tmp_path, big_feed(10)), shop)
    assert runner.run_import(record.id) == "succeeded"
    assert runner.run_import(record.id) == "skipped"
    assert reload(record.id).created == 10 and counts(shop)[0] == 10


def test_a_crashing_import_is_retried_by_rq_then_fails_with_one_sentence(shop, tmp_path, monkeypatch):
    monkeypatch.setenv("MARKETPLACE_RETRY_MAX", "2")
    monkeypatch.setenv("MARKETPLACE_RETRY_INTERVALS", "[0]")
    record = start(write_feed(tmp_path, big_feed(5)), shop)
    broken = tmp_path / "a-directory"  # reading it raises IsADirectoryError: not a feed problem
    broken.mkdir()
    with session_scope() as session:
        row = imports.get_import(session, shop.id, record.id)
        row.file_path = str(broken)
        session.add(row)
    burst_worker()
    failed = reload(record.id)
    assert (failed.status, failed.message_key, failed.attempts) == ("failed", "marketplace.feed.crashed", 3)


def test_imports_are_queued_on_long_running_with_retry_and_back_off(shop, tmp_path):
    record = start(write_feed(tmp_path, big_feed(3)), shop)
    job = get_queue("long_running").fetch_job(record.rq_job_id)
    assert job is not None and job.retries_left == 3 and job.retry_intervals == [10, 60, 300]


def test_cancel_stops_after_the_current_batch_and_keeps_what_was_done(shop, tmp_path, monkeypatch):
    monkeypatch.setenv("MARKETPLACE_BATCH_SIZE", "10")
    record = start(write_feed(tmp_path, big_feed(4000)), shop)
    process = worker()
    try:
        deadline = time.monotonic() + 120
        while reload(record.id).rows_done < 50:
            assert time.monotonic() < deadline
            time.sleep(0.05)
        with session_scope() as session:
            imports.cancel_import(session, shop.id, record.id)
        while reload(record.id).status == "running":
            assert time.monotonic() < deadline
            time.sleep(0.05)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
    cancelled = reload(record.id)
    assert cancelled.status == "cancelled" and cancelled.rows_done < 4000
    assert counts(shop)[0] == cancelled.created == cancelled.rows_done


def test_cancelling_a_queued_import_ends_it_at_once(shop, tmp_path):
    record = start(write_feed(tmp_path, big_feed(3)), shop)
    with session_scope() as session:
        imports.cancel_import(session, shop.id, record.id)
    assert reload(record.id).status == "cancelled"
    assert runner.run_import(record.id) == "skipped"
    assert counts(shop)[0] == 0
