"""Storefront load: C simulated shoppers against ONE backend process, over the real protocol.

The backend is tests/integration/live_backend.py's `Backend`: the app served as `make run` /
`reflex run --env prod` serves it, by Granian with ONE worker process (the worker is what is
measured), with `__REFLEX_SKIP_COMPILE` and its own web folder; `BENCH_SERVER=uvicorn` serves it
with one uvicorn process instead. Its database is migrated and seeded with `seed-demo`; the
shoppers browse the demo store cafe-lux on platform oms.

Each shopper is a loop of visits. A visit is one browser tab with a new token:
  1. a listing page (`products?page=N`), loaded the way a browser loads a page: the Socket.IO
     CONNECT packet carries the `hydrate_and_load` event (reflex_base's state.js `bootAuth`,
     `initialEvents`), with the router data the browser fills in (pathname, asPath, query with
     the route parameters) and, as a browser's first connect does, the hashes of the compiled
     `initialState`, so the backend sends only what differs from the page's compiled defaults
     (computed here as `reflex compile` computes them; the bytes of a load without them, as on
     a reconnect, are reported too);
  2. a search (`products?q=WORD`), and 3. a product page (`products/SLUG`): client-side
     navigations, so the tab sends `on_load_internal` with the new router data
     (`onLoadInternalEvent`), as the browser does when the location changes;
then the tab disconnects and the shopper starts a new visit at once: no think time.

The shoppers run as asyncio tasks in one process, each tab a websocket (aiohttp) speaking
Engine.IO 4 / Socket.IO 5 frames as the browser's socket.io-client does (`AsyncTab`: open,
namespace connect with the `hydrate_and_load` event in its auth, `42/_event,["event",…]`
messages, answering the server's pings). An earlier version ran python-socketio's threaded
client, which took half a core for ~85 page loads/s on this 2-core machine: the load generator
competed with the backend it measured. (`Tab`, that client, still makes the checked visits.)

A page load is timed from sending (for the first page: from opening the connection) to the
LAST message it causes: the delta that sets `is_hydrated` true, which `on_load_internal` sends
after the page's on_load handlers have sent theirs (`StateUpdate.final` is no longer sent).

Reported per concurrency C: page loads/s (completed inside the window), p50/p95/p99, page
loads slower than 5 s, page loads never answered (given up after 30 s), connection errors,
the backend's RSS before, at its peak during and SETTLE seconds after the shoppers leave, and
the retained KB per visitor (growth / visits), the backend's and the load generator's CPU %,
and the backend's CPU milliseconds per page load (its CPU time over the level / page loads
answered): unlike page loads/s, that does not depend on what else the machine runs. SQLite,
then PostgreSQL when one answers.

    .venv/bin/python -m bench.storefront_load [--seconds 60] [--levels 1,10,50,200] [--quick]
"""

import argparse
import asyncio
import json
import os
import random
import re
import statistics
import tempfile
import threading
import time

from bench.storefront_protocol import FRONTEND_HASHES, STORE, AsyncTab, Tab, frontend_hashes, page

SERVER = os.environ.get("BENCH_SERVER", "granian")  # what make run serves with; or "uvicorn"
LEVELS = (1, 10, 50, 200)
SECONDS = 60
SETTLE = 30
SLOW_S = 5.0


class Catalogue:
    """Random pages of the demo store: listing pages, search words, product slugs."""

    def __init__(self, url: str):
        from sqlalchemy import create_engine, text

        engine = create_engine(url)
        with engine.connect() as connection:
            rows = connection.execute(
                text(
                    "SELECT p.slug, t.title FROM product p JOIN store s ON s.id = p.store_id "
                    "JOIN product_translation t ON t.product_id = p.id "
                    "WHERE s.code = :store AND p.is_active"
                ),
                {"store": STORE},
            ).all()
        engine.dispose()
        self.titles: dict[str, set[str]] = {}
        for slug, title in rows:
            self.titles.setdefault(slug, set()).add(title)
        self.slugs = sorted(self.titles)
        words = {w.lower() for _, title in rows for w in re.findall(r"[^\W\d_]{4,}", title)}
        self.words = [*sorted(words), "zzzznothing"]  # one search that finds nothing
        self.pages = max(1, len(self.slugs) // 24)
        if not self.slugs:
            raise RuntimeError(f"No active products in {STORE}: the bench would time empty pages.")

    def listing(self, rng: random.Random) -> dict:
        return page("products", {"page": str(rng.randint(1, self.pages))})

    def search(self, rng: random.Random) -> dict:
        return page("products", {"q": rng.choice(self.words)})

    def product(self, rng: random.Random) -> dict:
        slug = rng.choice(self.slugs)
        return page(f"products/{slug}", {}, {"slug": slug})


class Stats:
    """What the shoppers of one level saw (asyncio tasks; the lock serves the threaded `Tab` too)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.samples: list[float] = []  # ms, every answered page load
        self.in_window = 0  # page loads answered before the window closed
        self.unanswered = 0
        self.errors: dict[str, int] = {}
        self.visits = 0

    def error(self, kind: str) -> None:
        with self.lock:
            self.errors[kind] = self.errors.get(kind, 0) + 1

    def answered(self, ms: float, in_window: bool) -> None:
        with self.lock:
            self.samples.append(ms)
            self.in_window += in_window


def check_pages(url: str, catalogue: Catalogue, hashes: list[str] | None = None) -> dict:
    """One visit, read: the pages the shoppers load show products, so no refusal is timed.

    Returns the bytes each page load of that visit received (the JSON of its messages, as
    Socket.IO sends them: compact, UTF-8), and the state names the first page load carried.
    `hashes=[]`: a first page load without the compiled state's hashes, as on a reconnect.
    """
    tab = Tab(url, hashes)
    tab.seen = []
    slug = catalogue.slugs[0]
    sizes = {}
    try:
        tab.open(page("products", {}))
        listing_messages, tab.seen = tab.seen, []
        tab.navigate(page("products", {"q": catalogue.words[0]}))
        search_messages, tab.seen = tab.seen, []
        tab.navigate(page(f"products/{slug}", {}, {"slug": slug}))
        product_messages = tab.seen
    finally:
        tab.close()
    loads = {"listing": listing_messages, "search": search_messages, "product": product_messages}
    for name, messages in loads.items():
        sizes[name] = len(json.dumps(messages, ensure_ascii=False, separators=(",", ":")).encode())
    listing = json.dumps(listing_messages, ensure_ascii=False)
    product = json.dumps(product_messages, ensure_ascii=False)
    if '"items_rx_state_": [{' not in listing:
        raise RuntimeError(f"The listing page shows no products: {listing[:500]}")
    if not any(title in product for title in catalogue.titles[slug]):
        raise RuntimeError(f"The product page does not show {slug}: {product[:500]}")
    states = sorted({name for m in listing_messages for name in m.get("delta", {})})
    return {"bytes_per_page_load": sizes, "states_in_first_page_load": len(states)}


async def shopper(session, url: str, catalogue: Catalogue, stats: Stats, stop_at: float, seed: int) -> None:
    rng = random.Random(seed)
    while time.monotonic() < stop_at:
        tab = AsyncTab(session, url)
        stats.visits += 1
        steps = [
            (tab.open, catalogue.listing(rng)),
            (tab.navigate, catalogue.search(rng)),
            (tab.navigate, catalogue.product(rng)),
        ]
        try:
            for step, router in steps:
                if time.monotonic() >= stop_at:
                    break
                stats.answered(await step(router), time.monotonic() < stop_at)
        except TimeoutError:
            stats.unanswered += 1
        except Exception as error:  # a refused or dropped connection is a result
            stats.error(type(error).__name__)
            await asyncio.sleep(0.1)  # don't spin on a backend that refuses connections
        finally:
            await tab.close()


async def _shoppers(
    url: str, catalogue: Catalogue, stats: Stats, shoppers: int, stop_at: float, sample
) -> None:
    import aiohttp

    async def sampler():
        while True:
            sample()
            await asyncio.sleep(0.25)

    watching = asyncio.ensure_future(sampler())
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector) as session:
        await asyncio.gather(
            *(shopper(session, url, catalogue, stats, stop_at, shoppers * 1000 + i) for i in range(shoppers))
        )
    watching.cancel()


def _pct(ordered: list[float], q: float) -> float:
    return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 1) if ordered else 0.0


def _level(backend, catalogue: Catalogue, shoppers: int, seconds: float, settle: float) -> dict:
    import psutil

    process = psutil.Process(backend.worker_pid())
    me = psutil.Process()
    rss_before = process.memory_info().rss
    peak = rss_before
    stats = Stats()
    cpu_backend, cpu_me = process.cpu_times(), me.cpu_times()
    started = time.monotonic()
    stop_at = started + seconds
    peaks = [peak]

    def sample() -> None:
        peaks.append(process.memory_info().rss)

    asyncio.run(_shoppers(backend.url, catalogue, stats, shoppers, stop_at, sample))
    peak = max([*peaks, process.memory_info().rss])
    wall = time.monotonic() - started

    def seconds_used(now, before) -> float:
        return now.user + now.system - before.user - before.system

    backend_cpu_s = seconds_used(process.cpu_times(), cpu_backend)
    cpu = {
        "backend_cpu_pct": round(100 * backend_cpu_s / wall, 1),
        "client_cpu_pct": round(100 * seconds_used(me.cpu_times(), cpu_me) / wall, 1),
        # The machine-independent cost: backend CPU time over the window per answered page load
        # (150 page loads/s on one core needs at most ~6.5 ms).
        "backend_cpu_ms_per_page_load": round(1000 * backend_cpu_s / max(1, len(stats.samples)), 2),
    }
    time.sleep(settle)
    rss_after = process.memory_info().rss
    ordered = sorted(stats.samples)
    mb = 1024 * 1024
    return {
        "shoppers": shoppers,
        "page_loads": len(ordered),
        "page_loads_per_s": round(stats.in_window / seconds, 1),
        "p50_ms": _pct(ordered, 0.50),
        "p95_ms": _pct(ordered, 0.95),
        "p99_ms": _pct(ordered, 0.99),
        "max_ms": round(ordered[-1], 1) if ordered else 0.0,
        "mean_ms": round(statistics.fmean(ordered), 1) if ordered else 0.0,
        "slower_than_5s": sum(ms > SLOW_S * 1000 for ms in ordered),
        "unanswered_30s": stats.unanswered,
        "errors": stats.errors,
        "visits": stats.visits,
        "rss_mb": {
            "before": round(rss_before / mb, 1),
            "peak": round(peak / mb, 1),
            f"after_{int(settle)}s": round(rss_after / mb, 1),
        },
        "retained_kb_per_visit": round((rss_after - rss_before) / 1024 / max(1, stats.visits), 2),
        **cpu,
    }


def _measure(url: str, levels: tuple[int, ...], seconds: float, settle: float) -> dict:
    """One backend process on the database at `url`; a warm-up, then each level in turn."""
    import sys

    saved = dict(os.environ)
    from tests.integration.live_backend import Backend  # its conftest import rewrites some env

    os.environ.clear()
    os.environ.update(saved)
    catalogue = Catalogue(url)
    backend = Backend(
        server=SERVER,
        DATABASE_URL=url,
        REDIS_PREFIX=os.environ["REDIS_PREFIX"],
        MEDIA_DIR=os.environ["MEDIA_DIR"],
    )
    try:
        check_pages(backend.url, catalogue)  # the first visit warms the caches
        payload = check_pages(backend.url, catalogue)
        payload["without_hashes"] = check_pages(backend.url, catalogue, hashes=[])
        # Warm-up: imports, compiled queries, the guard's caches; not counted.
        _level(backend, catalogue, 2, min(5.0, seconds), 0)
        results: dict = {
            "backend": f"{SERVER}, 1 worker process",
            "products": len(catalogue.slugs),
            **payload,
        }
        print(f"  {payload}", file=sys.stderr, flush=True)
        for shoppers in levels:
            results[f"C={shoppers}"] = _level(backend, catalogue, shoppers, seconds, settle)
            print(f"  C={shoppers}: {_row(results[f'C={shoppers}'])}", file=sys.stderr, flush=True)
        return results
    finally:
        backend.stop()


def _row(r: dict) -> str:
    rss = r["rss_mb"]
    after = next(v for k, v in rss.items() if k.startswith("after"))
    return (
        f"{r['page_loads_per_s']:>7}/s  p50 {r['p50_ms']:>7} p95 {r['p95_ms']:>7} p99 {r['p99_ms']:>7} ms  "
        f">5s {r['slower_than_5s']:>4}  lost {r['unanswered_30s']:>3}  err {sum(r['errors'].values()):>3}  "
        f"RSS {rss['before']}/{rss['peak']}/{after} MB  "
        f"{r['retained_kb_per_visit']} KB/visit ({r['visits']} visits)  "
        f"cpu backend {r['backend_cpu_pct']}% client {r['client_cpu_pct']}%  "
        f"{r['backend_cpu_ms_per_page_load']} backend CPU ms/page load"
    )


def run(argv: list[str] | None = None) -> dict:
    from bench.common import demo_database, fresh_demo_database, throwaway_postgres

    parser = argparse.ArgumentParser(prog="bench.storefront_load")
    parser.add_argument("--seconds", type=float, default=SECONDS, help="per concurrency level")
    parser.add_argument("--settle", type=float, default=SETTLE, help="wait before the RSS 'after'")
    parser.add_argument("--levels", default=",".join(map(str, LEVELS)))
    parser.add_argument("--quick", action="store_true", help="smoke run: 5 s per level, 3 s settle")
    parser.add_argument("--sqlite-only", action="store_true")
    args = parser.parse_args(argv or [])
    seconds, settle = (5.0, 3.0) if args.quick else (args.seconds, args.settle)
    levels = tuple(int(c) for c in args.levels.split(","))
    os.environ["MEDIA_DIR"] = tempfile.mkdtemp(prefix="orion-bench-media-")  # the demo's photos
    load = os.getloadavg()
    result: dict = {
        "seconds_per_level": seconds,
        "settle_s": settle,
        "load_average_at_start": [round(x, 2) for x in load],
    }
    sqlite = fresh_demo_database()
    FRONTEND_HASHES[:] = frontend_hashes(sqlite)
    result["sqlite"] = _measure(sqlite, levels, seconds, settle)
    if args.sqlite_only:
        result["postgresql"] = {"skipped": "--sqlite-only"}
    else:
        with throwaway_postgres() as url:
            if url is None:
                result["postgresql"] = {"skipped": "PostgreSQL not reachable at 127.0.0.1:5432"}
            else:
                result["postgresql"] = _measure(demo_database(url), levels, seconds, settle)
    result["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    return result


def main(argv: list[str]) -> int:
    from datetime import UTC, datetime

    from bench.common import ROOT

    result = run(argv)
    print(json.dumps(result, indent=2))
    for database in ("sqlite", "postgresql"):
        print(f"== {database}")
        for key, value in result[database].items():
            print(f"  {key}: {_row(value) if key.startswith('C=') else value}")
    folder = ROOT / "bench" / "results"
    folder.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    (folder / f"{stamp}-storefront_load.json").write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    import sys

    raise SystemExit(main(sys.argv[1:]))
