"""Letzshop feed import: a 50,000-row feed into SQLite and PostgreSQL, against plain INSERTs.

The feed is generated (fixed seed): tab-separated, Letzshop's columns (id, title,
description, link, image_link, availability, price, sale_price, brand, gtin, mpn,
condition, quantity), French titles and ~200-character descriptions, prices written
`19.99 EUR` or `19,99`, EAN-13 GTINs with correct check digits, a quantity on every row.
Every row is valid, so every row is a product.

Orion:     `runner.run_import(id)` — the RQ job's body, run in this process: count the
           rows, read and check each one, and write batches of MARKETPLACE_BATCH_SIZE (500):
           product + fr translation + stock level + stock movement, and the checkpoint.
           Into a demo store (`cafe-lux`) of a fresh migrated, seeded database.
Baseline:  the same rows, already parsed and with slugs and search text computed outside
           the clock, written with plain executemany INSERTs into product + translation
           (and, timed apart, stock level + stock movement) of another demo store, in one
           transaction, no checks; then deleted again.
Unchanged: the same file imported a second time (everything unchanged: nothing is written);
           on PostgreSQL a third time after ANALYZE (what autovacuum does after a while: the
           second import still runs on plans made while the tables had no statistics).
Batch:     on SQLite, the first import again into an empty store with batch size 2000.
Memory:    imports of ROWS/5 and ROWS*2 rows (10,000 and 100,000 by default) on SQLite, each in
           a subprocess of its own: RSS before the import, the peak RSS of the import (VmHWM,
           reset just before it through /proc/self/clear_refs), ru_maxrss (on Linux reset by the
           same write, so the same peak), and, in a second subprocess, tracemalloc's peak.

Environment: BENCH_FEED_ROWS (default 50000), BENCH_MEMORY_ROWS ("10000,100000"),
BENCH_TRACEMALLOC (1; 0 skips those runs), BENCH_BIG_BATCH (1; 0 skips the batch-2000 run).
A quick run: `BENCH_FEED_ROWS=2000 python -m bench marketplace_import`. The same import from
a Google Shopping XML feed, against the text feed: bench/marketplace_xml.py. Just a feed file
(e.g. to try the import page): `python -m bench.letzshop_feed /tmp/feed.tsv 20000`.
"""

import contextlib
import gc
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
import uuid
from pathlib import Path

from bench.letzshop_feed import write_feed

ROWS = int(os.environ.get("BENCH_FEED_ROWS", "50000"))
MEMORY_ROWS = tuple(
    int(n) for n in os.environ.get("BENCH_MEMORY_ROWS", f"{max(ROWS // 5, 100)},{ROWS * 2}").split(",")
)
TRACEMALLOC = os.environ.get("BENCH_TRACEMALLOC", "1") != "0"
BIG_BATCH = 2000 if os.environ.get("BENCH_BIG_BATCH", "1") != "0" else 0
BATCH = 500
STORE, BASELINE_STORE = "cafe-lux", "velo-weber"
POSTGRES_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"

# --------------------------------------------------------------------------- databases


def _environment(files_dir: Path) -> None:
    os.environ["CATALOG_DEMO_PRODUCTS"] = "0"
    os.environ["CONTRACTS_LIMITS"] = '{"products_limit": null}'
    os.environ["MARKETPLACE_FILES_DIR"] = str(files_dir)
    os.environ["MARKETPLACE_BATCH_SIZE"] = str(BATCH)
    os.environ["REDIS_PREFIX"] = f"orion:bench:{uuid.uuid4().hex[:8]}:"


def _use(url: str) -> None:
    from orion_app.settings import get_settings

    os.environ["DATABASE_URL"] = url
    get_settings.cache_clear()


def _migrate_and_seed(url: str) -> None:
    from orion_app.cli import main
    from orion_app.migrations import upgrade

    _use(url)
    upgrade(url)
    if main(["seed-demo"]) != 0:
        raise RuntimeError("seed-demo failed")


def _dispose(url: str) -> None:
    from orion_app.db import engine_for, normalise_url

    engine_for(normalise_url(url)).dispose()


@contextlib.contextmanager
def _sqlite():
    folder = Path(tempfile.mkdtemp(prefix="orion-bench-import-"))
    url = f"sqlite:///{folder / 'orion.db'}"
    try:
        _migrate_and_seed(url)
        yield url
    finally:
        _dispose(url)
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def _postgres():
    """A throw-away PostgreSQL database (None when no server answers), dropped afterwards."""
    from sqlalchemy import create_engine

    try:
        admin = create_engine(
            POSTGRES_ADMIN, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3}
        )
        with admin.connect() as connection:
            connection.exec_driver_sql("SELECT 1")
    except Exception as error:  # no server is a result, not a failure
        print(f"PostgreSQL not reachable ({type(error).__name__}): its half is skipped.", flush=True)
        yield None
        return
    name = f"orion_bench_{uuid.uuid4().hex[:10]}"
    url = POSTGRES_ADMIN.rsplit("/", 1)[0] + f"/{name}"
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        _migrate_and_seed(url)
        yield url
    finally:
        _dispose(url)
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def _clean_redis() -> None:
    from orion_app.redis_client import get_redis

    redis = get_redis()
    for name in redis.scan_iter(match=f"{os.environ['REDIS_PREFIX']}*", count=1000):
        redis.delete(name)


def _store(code: str):
    from sqlmodel import select

    from modules.marketplace.services.imports import ImportScope
    from modules.tenancy.models import Platform, Store, StorePlatform
    from orion_app.db import session_scope

    with session_scope() as session:
        store = session.exec(select(Store).where(Store.code == code)).one()
        platform = session.exec(
            select(Platform.id)
            .join(StorePlatform, StorePlatform.platform_id == Platform.id)
            .where(StorePlatform.store_id == store.id, StorePlatform.is_home)
        ).one()
        return ImportScope(store.id, store.merchant_id, platform)


def _empty_store_like(code: str):
    """A new empty store of the same merchant and platform as `code`."""
    from modules.marketplace.services.imports import ImportScope
    from modules.tenancy.models import Store
    from orion_app.db import session_scope

    model = _store(code)
    with session_scope() as session:
        store = Store(merchant_id=model.merchant_id, code=f"bench-{uuid.uuid4().hex[:8]}", name="Bench")
        session.add(store)
        session.flush()
        return ImportScope(store.id, model.merchant_id, model.platform_id)


# --------------------------------------------------------------------------- measuring


def _import(path: Path, store, batch_size: int = BATCH) -> dict:
    """Start an import of `path` (the upload copy is not timed) and time its job body."""
    from modules.marketplace.models import FeedImport
    from modules.marketplace.services.imports import start_import
    from modules.marketplace.services.runner import run_import
    from orion_app.db import session_scope

    os.environ["MARKETPLACE_BATCH_SIZE"] = str(batch_size)
    try:
        with session_scope() as session, path.open("rb") as upload:
            record = start_import(session, store, lang="fr", upload=upload, file_name=path.name)
        gc.collect()
        started = time.perf_counter()
        status = run_import(record.id)
        seconds = time.perf_counter() - started
    finally:
        os.environ["MARKETPLACE_BATCH_SIZE"] = str(BATCH)
    with session_scope() as session:
        done = session.get(FeedImport, record.id)
    if status != "succeeded":
        raise RuntimeError(f"import {record.id} ended {status}: {done.message_key} {done.message_params}")
    return {
        "seconds": round(seconds, 2),
        "rows_per_second": round(done.rows_total / seconds),
        "rows": done.rows_total,
        "created": done.created,
        "updated": done.updated,
        "unchanged": done.unchanged,
        "rejected": done.rejected,
    }


def _read_only(path: Path) -> float:
    """What the import spends reading and checking the file (counting pass + rows), no database."""
    from modules.marketplace.services.feed import open_feed

    started = time.perf_counter()
    feed = open_feed(path)
    feed.count_rows()
    for _row in feed.rows():
        pass
    return round(time.perf_counter() - started, 2)


def _baseline(path: Path, store_id: int) -> dict:
    """The same rows through plain executemany INSERTs, no checks; deleted afterwards."""
    from sqlalchemy import delete, insert, select

    from modules.catalog.models import Product, ProductTranslation, ProductVariant
    from modules.catalog.services.products import search_text
    from modules.catalog.services.values import slugify
    from modules.catalog.services.variant_edits import create_default_variants
    from modules.inventory.models import StockLevel, StockMovement
    from modules.marketplace.services.feed import open_feed
    from orion_app.db import get_engine, utcnow

    now = utcnow()
    products, texts, quantities = [], [], []
    for row in open_feed(path).rows():
        v = row.values
        fields = {
            "sku": v["sku"],
            "gtin": v.get("gtin", ""),
            "gtin_type": v.get("gtin_type", ""),
            "brand": v.get("brand", ""),
            "mpn": v.get("mpn", ""),
        }
        products.append(
            {
                **fields,
                "store_id": store_id,
                "category_id": None,
                "slug": f"{slugify(v['title'])[:100]}-{slugify(v['sku'])}",
                "condition": v.get("condition", "new"),
                "availability": v.get("availability", "in_stock"),
                "price_cents": v["price_cents"],
                "sale_price_cents": v.get("sale_price_cents"),
                "currency": "EUR",
                "vat_rate": 17,
                "is_active": True,
                "is_digital": False,
                "is_featured": False,
                "source": "letzshop",
                "search_text": search_text(fields, {"fr": {"title": v["title"]}}),
                "created_at": now,
                "updated_at": now,
            }
        )
        texts.append((v["sku"], v["title"], v.get("description", "")))
        quantities.append((v["sku"], v.get("quantity", 0)))

    engine = get_engine()
    started = time.perf_counter()
    with engine.begin() as connection:
        connection.execute(insert(Product), products)
        found = select(Product.sku, Product.id).where(Product.store_id == store_id)
        ids = dict(connection.execute(found).all())
        variants = create_default_variants(connection, store_id)  # stock is kept per variant
        connection.execute(
            insert(ProductTranslation),
            [
                {
                    "product_id": ids[sku],
                    "lang": "fr",
                    "title": title,
                    "description": description,
                    "meta_title": "",
                    "meta_description": "",
                }
                for sku, title, description in texts
            ],
        )
    product_seconds = time.perf_counter() - started
    started = time.perf_counter()
    with engine.begin() as connection:
        place = {"store_id": store_id, "warehouse": "MAIN", "bin": ""}
        connection.execute(
            insert(StockLevel),
            [
                {
                    **place,
                    "product_id": ids[sku],
                    "variant_id": variants[ids[sku]],
                    "quantity": q,
                    "reserved": 0,
                    "updated_at": now,
                }
                for sku, q in quantities
            ],
        )
        connection.execute(
            insert(StockMovement),
            [
                {
                    **place,
                    "product_id": ids[sku],
                    "variant_id": variants[ids[sku]],
                    "kind": "import",
                    "quantity_before": 0,
                    "quantity_after": q,
                    "reserved_before": 0,
                    "reserved_after": 0,
                    "reason": "letzshop",
                    "user_id": None,
                    "created_at": now,
                }
                for sku, q in quantities
            ],
        )
    stock_seconds = time.perf_counter() - started
    with engine.begin() as connection:
        for model in (StockMovement, StockLevel, ProductVariant):
            connection.execute(delete(model).where(model.store_id == store_id))
        connection.execute(
            delete(ProductTranslation).where(ProductTranslation.product_id.in_(list(ids.values())))
        )
        connection.execute(delete(Product).where(Product.store_id == store_id))
    rows = len(products)
    total = product_seconds + stock_seconds
    return {
        "product_translation_seconds": round(product_seconds, 2),
        "product_translation_rows_per_second": round(rows / product_seconds),
        "with_stock_seconds": round(total, 2),
        "with_stock_rows_per_second": round(rows / total),
    }


def _measure(feed: Path, big_batch: int) -> dict:
    from orion_app.db import get_engine

    result: dict = {"dialect": get_engine().dialect.name}
    result["baseline"] = _baseline(feed, _store(BASELINE_STORE).id)
    first = _import(feed, _store(STORE))
    if (first["created"], first["rejected"]) != (ROWS, 0):
        raise RuntimeError(f"the first import should create {ROWS} products: {first}")
    result["first_import"] = first
    again = _import(feed, _store(STORE))
    if (again["created"], again["updated"], again["unchanged"]) != (0, 0, ROWS):
        raise RuntimeError(f"the second import of the same file should change nothing: {again}")
    result["second_import_unchanged"] = again
    base = result["baseline"]
    result["ratio_import_time_vs_baseline_product_translation"] = round(
        base["product_translation_rows_per_second"] / first["rows_per_second"], 2
    )
    result["ratio_import_time_vs_baseline_with_stock"] = round(
        base["with_stock_rows_per_second"] / first["rows_per_second"], 2
    )
    result["ratio_second_vs_first_import_time"] = round(again["seconds"] / first["seconds"], 2)
    if result["dialect"] == "postgresql":  # what autovacuum does after a while: fresh statistics
        with get_engine().begin() as connection:
            connection.exec_driver_sql("ANALYZE")
        analysed = _import(feed, _store(STORE))
        if (analysed["created"], analysed["updated"], analysed["unchanged"]) != (0, 0, ROWS):
            raise RuntimeError(f"the third import of the same file should change nothing: {analysed}")
        result["second_import_unchanged_after_analyze"] = analysed
        result["ratio_second_after_analyze_vs_first_import_time"] = round(
            analysed["seconds"] / first["seconds"], 2
        )
    if big_batch:
        bigger = _import(feed, _empty_store_like(STORE), batch_size=big_batch)
        result[f"first_import_batch_{big_batch}"] = bigger
        result[f"ratio_batch_{big_batch}_vs_{BATCH}_time"] = round(bigger["seconds"] / first["seconds"], 2)
    return result


# --------------------------------------------------------------------------- memory (subprocesses)


def _status_kb(field: str) -> int | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


def _memory_child(rows: int, feed: Path, trace: bool) -> dict:
    """In a subprocess: a fresh SQLite database, then one import of `feed`, measured."""
    files = Path(tempfile.mkdtemp(prefix="orion-bench-files-"))
    _environment(files)
    try:
        with _sqlite():
            store = _store(STORE)
            from modules.marketplace.services.imports import start_import
            from modules.marketplace.services.runner import run_import
            from orion_app.db import session_scope

            with session_scope() as session, feed.open("rb") as upload:
                record = start_import(session, store, lang="fr", upload=upload, file_name=feed.name)
            gc.collect()
            rss_before = _status_kb("VmRSS")
            with contextlib.suppress(OSError):  # the peak (VmHWM) starts again from here
                Path("/proc/self/clear_refs").write_text("5")
            if trace:
                tracemalloc.start()
            started = time.perf_counter()
            status = run_import(record.id)
            seconds = time.perf_counter() - started
            traced = tracemalloc.get_traced_memory()[1] if trace else None
            tracemalloc.stop()
            peak = _status_kb("VmHWM")
            result = {
                "rows": rows,
                "status": status,
                "seconds": round(seconds, 2),
                "process_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            }
            if rss_before and peak:
                result["rss_before_import_mb"] = round(rss_before / 1024, 1)
                result["import_peak_rss_mb"] = round(peak / 1024, 1)
                result["import_rss_growth_mb"] = round((peak - rss_before) / 1024, 1)
            if trace:
                result["tracemalloc_peak_mb"] = round(traced / 1024 / 1024, 1)
            _clean_redis()
            return result
    finally:
        shutil.rmtree(files, ignore_errors=True)


def run_child(module: str, *args: str) -> dict:
    """`python -m module args…` in a subprocess of its own (so its peak memory is its own);
    the JSON object it prints last."""
    from bench.common import ROOT

    done = subprocess.run(
        [sys.executable, "-m", module, *args], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"{module} {' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def memory_run(rows: int, feed: Path, mode: str = "rss") -> dict:
    """`_memory_child`: one import of `feed` into a fresh SQLite database, measured, in a subprocess."""
    return run_child("bench.marketplace_import", "memory", str(rows), str(feed), mode)


def _memory(folder: Path) -> dict:
    runs: dict[str, dict] = {}
    for rows in MEMORY_ROWS:
        feed = folder / f"feed-{rows}.tsv"
        write_feed(feed, rows)
        for mode in ("rss", "tracemalloc") if TRACEMALLOC else ("rss",):
            measured = memory_run(rows, feed, mode)
            print(f"  memory {rows} rows ({mode}): {measured}", flush=True)
            # RSS comes from the plain run only (tracemalloc's own bookkeeping takes memory too).
            keep = ("seconds", "tracemalloc_peak_mb") if mode == "tracemalloc" else tuple(measured)
            runs.setdefault(str(rows), {}).update(
                {f"{mode}_seconds" if k == "seconds" else k: v for k, v in measured.items() if k in keep}
            )
        feed.unlink()
    small, large = (runs[str(n)] for n in (MEMORY_ROWS[0], MEMORY_ROWS[-1]))
    result: dict = {"by_rows": runs, "rows_ratio": round(MEMORY_ROWS[-1] / MEMORY_ROWS[0], 1)}
    for key in ("import_peak_rss_mb", "import_rss_growth_mb", "process_peak_rss_mb", "tracemalloc_peak_mb"):
        if key in small and key in large and small[key]:
            result[f"ratio_{key}"] = round(large[key] / small[key], 2)
    return result


# --------------------------------------------------------------------------- entry points


def run() -> dict:
    folder = Path(tempfile.mkdtemp(prefix="orion-bench-feed-"))
    try:
        feed = folder / "letzshop.tsv"
        started = time.perf_counter()
        write_feed(feed, ROWS)
        result: dict = {
            "rows": ROWS,
            "feed_mb": round(feed.stat().st_size / 1024 / 1024, 1),
            "generate_seconds": round(time.perf_counter() - started, 2),
            "read_and_check_only_seconds": _read_only(feed),
            "batch_size": BATCH,
        }
        print(f"  feed: {ROWS} rows, {result['feed_mb']} MB", flush=True)
        # First, while this process is small: Linux carries a parent's peak RSS over into a
        # child's ru_maxrss (fork + exec), so a big parent would hide the children's own peaks.
        result["memory"] = _memory(folder)
        _environment(folder / "files")
        with _sqlite():
            result["sqlite"] = _measure(feed, BIG_BATCH)
            _clean_redis()
        print(f"  sqlite: {json.dumps(result['sqlite'])}", flush=True)
        _environment(folder / "files")
        with _postgres() as url:
            result["postgresql"] = _measure(feed, 0) if url else {"skipped": "PostgreSQL not reachable"}
            if url:
                _clean_redis()
        print(f"  postgresql: {json.dumps(result['postgresql'])}", flush=True)
        return result
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["memory"]:
        rows, feed, mode = int(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]
        print(json.dumps(_memory_child(rows, feed, trace=mode == "tracemalloc")), flush=True)
    else:
        print(json.dumps(run(), indent=2))
