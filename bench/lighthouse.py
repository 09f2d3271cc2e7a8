"""Lighthouse (mobile, performance only) on a production build of the storefront product page.

A fresh demo database with 12 real demo products per store (photos drawn into a temporary
upload folder) backs `reflex run --env prod`, started as a subprocess from the repository;
in prod mode one port serves the built frontend and the backend. Lighthouse 12 (from
`.tools`) with headless Chromium then measures, interleaved, three runs of each page:

product:   /platforms/oms/storefront/cafe-lux/products/<slug> — an active product with photos
home:      /platforms/oms/storefront/cafe-lux/ — the store's home, for context
baseline:  /admin/login/ — a trivial page (one small form) of the same server and bundle;
           `/404` would be smaller still, but Lighthouse refuses a page answering 404

Mobile is Lighthouse's default form factor (simulated slow 4G, 4x CPU slowdown), so the
timings are Lighthouse's simulated ones. Each metric is the median of the three runs.
"""

import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

from bench.common import ROOT

RUNS = 3
STORE = "cafe-lux"
STOREFRONT = f"/platforms/oms/storefront/{STORE}"
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
    if not LIGHTHOUSE.exists():
        subprocess.run(
            ["npm", "install", "--prefix", str(ROOT / ".tools"), "lighthouse@12"],
            check=True,
            capture_output=True,
            timeout=600,
        )


def _product_slug() -> str:
    """An active product of the store that has photos."""
    from sqlmodel import select

    from modules.catalog.models import Product, ProductMedia
    from modules.tenancy.models import Store
    from orion_app.db import session_scope

    with session_scope() as session:
        slug = session.exec(
            select(Product.slug)
            .join(Store, Store.id == Product.store_id)
            .where(Store.code == STORE, Product.is_active.is_(True))
            .where(Product.id.in_(select(ProductMedia.product_id)))
            .order_by(Product.id)
        ).first()
    if slug is None:
        raise RuntimeError(f"No active product with photos in {STORE}; the demo seed drew none.")
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
    result["retries"] = attempt
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


def run() -> dict:
    _ensure_lighthouse()
    media = tempfile.mkdtemp(prefix="orion-bench-media-")
    out_dir = tempfile.mkdtemp(prefix="orion-bench-lighthouse-")
    os.environ["CATALOG_DEMO_PRODUCTS"] = "12"
    os.environ["MEDIA_DIR"] = media
    from bench.common import fresh_demo_database

    fresh_demo_database()
    slug = _product_slug()
    port = _free_port()
    base = f"http://localhost:{port}"
    pages = {
        "product": f"{base}{STOREFRONT}/products/{slug}",
        "home": f"{base}{STOREFRONT}/",
        "baseline_login": f"{base}/admin/login/",  # without the slash it answers 307
    }
    env = {
        **os.environ,
        "PATH": f"{ROOT / '.tools' / 'node_modules' / '.bin'}{os.pathsep}{os.environ.get('PATH', '')}",
        "REFLEX_USE_SYSTEM_BUN": "1",
        "REFLEX_TELEMETRY_ENABLED": "false",
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
        _wait_until_up(server, log_path, pages["product"])
        startup_seconds = round(time.perf_counter() - started, 1)
        runs: dict[str, list[dict]] = {name: [] for name in pages}
        for run_no in range(RUNS):
            for name, url in pages.items():  # interleaved, like the other benches
                runs[name].append(_lighthouse(url, out_dir, name, run_no))
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
    result = {"product_slug": slug, "server_start_seconds": startup_seconds}
    result.update({name: _median(values) for name, values in runs.items()})
    result["report_folder"] = out_dir
    return result
