"""Lighthouse 12 (mobile, performance only) on a production build of the storefront.

A fresh demo database (12 real demo products per store, photos drawn into a temporary upload
folder) gets a second shop with 10,000 products: `velo-weber` receives the bulk catalogue of
`bench/bulk_catalog.py` (`seed_bulk_catalog`), whose photo rows then point at the store's real demo
photos (shared files, so every card has a picture). `reflex run --env prod` serves it from the
repository, built into its own web folder (`REFLEX_WEB_WORKDIR`, default
/tmp/orion_bench_lighthouse_web; never the shared `.web`). Lighthouse from `.tools`
(scripts/install_lighthouse.sh) with headless Chromium then measures, interleaved, three runs
of each page, on both stores:

product:   <store>/products/<slug> — an active product with a photo
listing:   <store>/products — the first page of the listing
home:      <store>/ — the store's home
platform_home, platform_pricing: /platforms/oms/ and …/pricing — the platform's public site
baseline:  /admin/login/ — a trivial page of the same server and bundle, for context

Mobile is Lighthouse's default form factor (simulated slow 4G, 4x CPU slowdown), so the
timings are Lighthouse's simulated ones. Each metric is the median of the three runs; each
page is checked against TARGETS (issue 11). `python -m bench lighthouse` keeps the JSON in
bench/results/. `LIGHTHOUSE_PAGES=platform_pricing,demo_listing` measures only those pages;
`LIGHTHOUSE_TRACE=1` keeps each run's trace (`*-0.trace.json`, for DevTools) in the report folder.
"""

import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from bench.common import ROOT, save_result

RUNS = 3
STORES = {"demo": "cafe-lux", "10k": "velo-weber"}  # label: store code (platform oms)
PLATFORM = "/platforms/oms"
STOREFRONT = PLATFORM + "/storefront/{store}"
WEB_WORKDIR = os.environ.get("REFLEX_WEB_WORKDIR", "/tmp/orion_bench_lighthouse_web")
# Issue 11, Done-when: each storefront page's medians.
TARGETS = {"score": (">=", 95), "lcp_ms": ("<=", 2000), "cls": ("<=", 0.05), "tbt_ms": ("<=", 150)}
LIGHTHOUSE = ROOT / ".tools" / "node_modules" / ".bin" / "lighthouse"
CHROME = "/usr/bin/chromium"
START_TIMEOUT = 1200  # a cold production build of the whole app takes minutes
ATTEMPTS = 3
METRICS = {
    "lcp_ms": "largest-contentful-paint",
    "fcp_ms": "first-contentful-paint",
    "tbt_ms": "total-blocking-time",
    "cls": "cumulative-layout-shift",
    "speed_index_ms": "speed-index",
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _ensure_lighthouse() -> None:
    subprocess.run(["bash", str(ROOT / "scripts" / "install_lighthouse.sh")], check=True, timeout=600)


def _big_store() -> int:
    """velo-weber gets 10,000 more products (bench/storefront.py's bulk catalogue); their photo
    rows then point at the store's demo photos, whose files exist. The count of active products."""
    from sqlalchemy import func, update
    from sqlmodel import select

    from bench.bulk_catalog import seed_bulk_catalog
    from modules.catalog.models import Product, ProductMedia
    from modules.tenancy.models import Store
    from orion_app.db import session_scope

    with session_scope() as session:
        store_id = session.exec(select(Store.id).where(Store.code == STORES["10k"])).one()
        keys = session.exec(
            select(ProductMedia.key).where(ProductMedia.store_id == store_id).order_by(ProductMedia.id)
        ).all()
    if not keys:
        raise RuntimeError(f"{STORES['10k']} has no demo photos to share; the demo seed drew none.")
    seed_bulk_catalog(store_id)
    with session_scope() as session:
        bench_rows = session.exec(
            select(ProductMedia.id)
            .where(ProductMedia.store_id == store_id, ProductMedia.key.not_in(keys))
            .order_by(ProductMedia.id)
        ).all()
        for n, media_id in enumerate(bench_rows):
            shared = keys[n % len(keys)]
            session.execute(update(ProductMedia).where(ProductMedia.id == media_id).values(key=shared))
        return session.exec(
            select(func.count()).where(Product.store_id == store_id, Product.is_active.is_(True))
        ).one()


def _product_slug(store: str) -> str:
    """The store's newest active product that has photos (on velo-weber, a bulk one)."""
    from sqlmodel import select

    from modules.catalog.models import Product, ProductMedia
    from modules.tenancy.models import Store
    from orion_app.db import session_scope

    with session_scope() as session:
        slug = session.exec(
            select(Product.slug)
            .join(Store, Store.id == Product.store_id)
            .where(Store.code == store, Product.is_active.is_(True))
            .where(Product.id.in_(select(ProductMedia.product_id)))
            .order_by(Product.created_at.desc(), Product.id.desc())
        ).first()
    if slug is None:
        raise RuntimeError(f"No active product with photos in {store}; the demo seed drew none.")
    return slug


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0


def _wait_until_up(server: subprocess.Popen, log_path: str, url: str) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            with open(log_path) as log:
                raise RuntimeError(f"reflex run exited with {server.returncode}:\n{log.read()[-3000:]}")
        with open(log_path) as log:
            running = "App running at" in log.read()
        if running and _status(url) == 200:
            return
        time.sleep(2)
    raise RuntimeError(f"{url} did not answer 200 within {START_TIMEOUT} s")


def _lighthouse(url: str, out_dir: str, label: str, run_no: int) -> dict:
    """One Lighthouse run; a run whose page answered no 200 is retried once the page is back.

    The prod server serves `.web/build/client`, which any other prod build in this checkout
    (another `reflex run --env prod`, `reflex export`) deletes and rewrites while it runs.
    """
    output = os.path.join(out_dir, f"{label}-{run_no}.json")
    for attempt in range(ATTEMPTS):
        finished = subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--output=json",
                f"--output-path={output}",
                "--quiet",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking",
                "--only-categories=performance",
                # LIGHTHOUSE_TRACE=1 keeps each run's trace beside its report (for DevTools).
                *(["--save-assets"] if os.environ.get("LIGHTHOUSE_TRACE") else []),
            ],
            env={**os.environ, "CHROME_PATH": CHROME},
            capture_output=True,
            text=True,
            timeout=300,
        )
        report = {}
        if os.path.exists(output):
            with open(output) as f:
                report = json.load(f)
        if finished.returncode == 0 and not report.get("runtimeError"):
            break
        problem = report.get("runtimeError", {}).get("message") or finished.stderr[-2000:]
        if attempt == ATTEMPTS - 1:
            raise RuntimeError(f"Lighthouse failed {ATTEMPTS} times on {url}: {problem}")
        deadline = time.monotonic() + 300
        while _status(url) != 200 and time.monotonic() < deadline:
            time.sleep(2)
    result = _summary(report)
    result["retries"] = attempt
    return result


def _summary(report: dict) -> dict:
    """Score, metrics, LCP element and transfer size of one Lighthouse report."""
    audits = report["audits"]
    result = {"score": round(report["categories"]["performance"]["score"] * 100)}
    for name, audit in METRICS.items():
        value = audits[audit]["numericValue"]
        result[name] = round(value, 3) if name == "cls" else round(value)
    element = audits.get("largest-contentful-paint-element", {}).get("details", {})
    snippets = [
        item.get("node", {}).get("snippet", "")
        for block in element.get("items", [])
        for item in block.get("items", [])
        if isinstance(item, dict) and "node" in item
    ]
    result["lcp_element"] = snippets[0][:120] if snippets else ""
    result["transfer_kib"] = round(audits["total-byte-weight"]["numericValue"] / 1024)
    result["warnings"] = report.get("runWarnings", [])
    return result


def _median(runs: list[dict]) -> dict:
    summary = {key: statistics.median(r[key] for r in runs) for key in ("score", *METRICS, "transfer_kib")}
    summary["runs"] = [{k: r[k] for k in ("score", *METRICS)} for r in runs]
    summary["lcp_element"] = runs[0]["lcp_element"]
    warnings = sorted({w for r in runs for w in r["warnings"]})
    if warnings:
        summary["warnings"] = warnings
    retries = sum(r["retries"] for r in runs)
    if retries:
        summary["retried_runs"] = retries  # the page answered no 200 for a while (see _lighthouse)
    return summary


def _missed(summary: dict) -> list[str]:
    """The targets a page's medians miss, e.g. ["lcp_ms 2400 > 2000"]."""
    missed = []
    for key, (op, limit) in TARGETS.items():
        value = summary[key]
        if (op == ">=" and value < limit) or (op == "<=" and value > limit):
            missed.append(f"{key} {value} {'<' if op == '>=' else '>'} {limit}")
    return missed


def _pages(base: str) -> dict[str, str]:
    pages = {}
    for label, store in STORES.items():
        root = base + STOREFRONT.format(store=store)
        pages[f"{label}_product"] = f"{root}/products/{_product_slug(store)}"
        pages[f"{label}_listing"] = f"{root}/products"
        pages[f"{label}_home"] = f"{root}/"
    # Issue 16: the platform's public site (cms home, billing pricing) meets the same targets.
    pages["platform_home"] = f"{base}{PLATFORM}/"
    pages["platform_pricing"] = f"{base}{PLATFORM}/pricing"
    pages["baseline_login"] = f"{base}/admin/login/"  # without the slash it answers 307
    only = [name for name in os.environ.get("LIGHTHOUSE_PAGES", "").split(",") if name]
    return {name: url for name, url in pages.items() if not only or name in only}


def _table(result: dict) -> str:
    lines = ["page            score  LCP ms  CLS    TBT ms  FCP ms  KiB   targets"]
    for name in result["urls"]:
        summary = result[name]
        missed = ", ".join(summary.get("missed", [])) or ("met" if name != "baseline_login" else "-")
        lines.append(
            f"{name:<15} {summary['score']:>5}  {summary['lcp_ms']:>6}  {summary['cls']:<5}  "
            f"{summary['tbt_ms']:>6}  {summary['fcp_ms']:>6}  {summary['transfer_kib']:>4}  {missed}"
        )
    return "\n".join(lines)


def _add_medians(result: dict, runs: dict[str, list[dict]]) -> dict:
    """Each page's medians and missed targets into `result`; the table on stderr."""
    for name, values in runs.items():
        result[name] = _median(values)
        if name != "baseline_login":
            result[name]["missed"] = _missed(result[name])
    result["all_targets_met"] = not any(result[name].get("missed") for name in runs)
    print(_table(result), file=sys.stderr, flush=True)
    return result


def from_folder(folder: str) -> dict:
    """The result again from a run's report folder (`<page>-<run>.json`, as `run` leaves it)."""
    runs: dict[str, list[dict]] = {}
    for path in sorted(Path(folder).glob("*-[0-9].json")):
        name = path.stem.rsplit("-", 1)[0]
        summary = _summary(json.loads(path.read_text()))
        runs.setdefault(name, []).append({**summary, "retries": 0})
    return _add_medians({"urls": {name: "" for name in runs}, "report_folder": folder}, runs)


def run() -> dict:
    _ensure_lighthouse()
    media = tempfile.mkdtemp(prefix="orion-bench-media-")
    out_dir = tempfile.mkdtemp(prefix="orion-bench-lighthouse-")
    os.environ["CATALOG_DEMO_PRODUCTS"] = "12"
    os.environ["MEDIA_DIR"] = media
    from bench.common import fresh_demo_database

    fresh_demo_database()
    big_store_products = _big_store()
    port = _free_port()
    pages = _pages(f"http://localhost:{port}")
    env = {
        **os.environ,
        "PATH": f"{ROOT / '.tools' / 'node_modules' / '.bin'}{os.pathsep}{os.environ.get('PATH', '')}",
        "REFLEX_USE_SYSTEM_BUN": "1",
        "REFLEX_TELEMETRY_ENABLED": "false",
        "REFLEX_WEB_WORKDIR": WEB_WORKDIR,
    }
    log_path = os.path.join(out_dir, "reflex.log")
    started = time.perf_counter()
    with open(log_path, "w") as log:
        server = subprocess.Popen(
            [
                str(ROOT / ".venv" / "bin" / "reflex"),
                "run",
                "--env",
                "prod",
                "--frontend-port",
                str(port),
                "--backend-port",
                str(port),  # prod mode serves both from one port and refuses two
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        _wait_until_up(server, log_path, next(iter(pages.values())))
        startup_seconds = round(time.perf_counter() - started, 1)
        runs: dict[str, list[dict]] = {name: [] for name in pages}
        for run_no in range(RUNS):
            for name, url in pages.items():  # interleaved, like the other benches
                runs[name].append(_lighthouse(url, out_dir, name, run_no))
                print(f"  {name} run {run_no + 1}: {runs[name][-1]['score']}", file=sys.stderr, flush=True)
    finally:
        try:
            os.killpg(server.pid, signal.SIGINT)  # what Ctrl-C sends; Reflex stops cleanly
            server.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(10)
        except ProcessLookupError:
            pass
        shutil.rmtree(media, ignore_errors=True)
    result: dict = {
        "stores": {"demo": f"{STORES['demo']}: 12 demo", "10k": f"{STORES['10k']}: 12 demo + 10,000"},
        "active_products_10k": big_store_products,
        "server_start_seconds": startup_seconds,
        "targets": {key: f"{op} {limit}" for key, (op, limit) in TARGETS.items()},
        "urls": pages,
    }
    result["report_folder"] = out_dir
    return _add_medians(result, runs)


def main(argv: list[str]) -> int:
    """`python -m bench.lighthouse` runs it; `--from FOLDER` summarises an earlier run's reports."""
    result = from_folder(argv[1]) if argv[:1] == ["--from"] else run()
    print(json.dumps(result, indent=2))
    save_result(result, "lighthouse")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
