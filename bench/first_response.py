"""The first response of storefront pages: server-rendered against the single-page fallback.

One production server (`tests/prod_server.py`, as `make serve` runs it) on the demo data.
For the product page, the listing and the store home, in Chromium at 390x844 with the CPU
slowed 4x (CDP), three runs each, interleaved:

- `ssr`: the page as Orion serves it now (content in the HTML, states injected);
- `spa`: the same URL answered with the build's `__spa-fallback.html` (what Reflex serves
  without server rendering), so both run on one server, build and machine.

Per page and mode: LCP and FCP (PerformanceObserver, a proxy for Lighthouse's simulated
numbers), when the `<h1>` first showed the product's text, HTML bytes, console errors.
Then the HTTP load of the rendered pages themselves: C concurrent clients for 10 s each,
C = 1, 10, 50, once on five pages (rendered once, then served from the page cache as long
as their data does not change) and once on every product of the store (mostly rendered
per request): responses/s, p50/p95, and how many came back rendered (past capacity a page
is answered with the single-page fallback at once).

    .venv/bin/python -m bench.first_response
"""

import asyncio
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

from bench.common import save_result
from tests.prod_server import production_server, seed, server_env

STORE = "/platforms/oms/storefront/cafe-lux/"
RUNS = 3
LEVELS = (1, 10, 50)
SECONDS = 10
WATCH = """
window.__m = {lcp: 0, fcp: 0, h1: 0};
new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__m.lcp = e.startTime; })
  .observe({type: 'largest-contentful-paint', buffered: true});
new PerformanceObserver((l) => { for (const e of l.getEntries())
  if (e.name === 'first-contentful-paint') window.__m.fcp = e.startTime; })
  .observe({type: 'paint', buffered: true});
const seen = () => { const h = document.querySelector('h1');
  if (h && h.textContent.trim() && !window.__m.h1) window.__m.h1 = performance.now(); };
new MutationObserver(seen).observe(document, {childList: true, subtree: true, characterData: true});
document.addEventListener('DOMContentLoaded', seen);
"""


def _pages(base: str, database: Path) -> dict[str, str]:
    import sqlite3

    with sqlite3.connect(database) as db:
        slug = db.execute(
            "SELECT p.slug FROM product p JOIN store s ON s.id = p.store_id "
            "WHERE s.code = 'cafe-lux' AND p.is_active ORDER BY p.id LIMIT 1"
        ).fetchone()[0]
    return {
        "product": f"{base}{STORE}products/{slug}",
        "listing": f"{base}{STORE}products?category=cafe",
        "home": f"{base}{STORE}",
    }


def _slugs(database: Path) -> list[str]:
    import sqlite3

    with sqlite3.connect(database) as db:
        return [
            row[0]
            for row in db.execute(
                "SELECT p.slug FROM product p JOIN store s ON s.id = p.store_id "
                "WHERE s.code = 'cafe-lux' AND p.is_active"
            )
        ]


def _browse(browser, url: str, fallback: str | None) -> dict:
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="fr-FR")
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.add_init_script(WATCH)
    if fallback is not None:
        page.route(url, lambda route: route.fulfill(body=fallback, content_type="text/html"))
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    started = time.perf_counter()
    page.goto(url, wait_until="load")
    page.wait_for_function("window.__m.h1 > 0", timeout=60_000)
    page.wait_for_timeout(1500)  # let LCP settle
    measured = page.evaluate("window.__m")
    html_bytes = len(httpx.get(url, timeout=30).content) if fallback is None else len(fallback.encode())
    context.close()
    return {
        "lcp_ms": round(measured["lcp"]),
        "fcp_ms": round(measured["fcp"]),
        "h1_ms": round(measured["h1"]),
        "load_s": round(time.perf_counter() - started, 2),
        "html_bytes": html_bytes,
        "console_errors": len(errors),
    }


def _median(runs: list[dict]) -> dict:
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


async def _load(urls: list[str], clients: int) -> dict:
    latencies: list[float] = []
    rendered = errors = 0
    stop = time.monotonic() + SECONDS

    async def client(http: httpx.AsyncClient) -> None:
        nonlocal rendered, errors
        while time.monotonic() < stop:
            started = time.perf_counter()
            try:
                response = await http.get(random.choice(urls))
            except httpx.HTTPError:
                errors += 1
                continue
            latencies.append(time.perf_counter() - started)
            rendered += "__ORION_STATE__" in response.text
            errors += response.status_code >= 500

    async with httpx.AsyncClient(timeout=30, limits=httpx.Limits(max_connections=clients)) as http:
        await asyncio.gather(*(client(http) for _ in range(clients)))
    ordered = sorted(latencies) or [0.0]
    return {
        "clients": clients,
        "responses_per_s": round(len(latencies) / SECONDS, 1),
        "p50_ms": round(ordered[len(ordered) // 2] * 1000),
        "p95_ms": round(ordered[int(len(ordered) * 0.95)] * 1000),
        "rendered_share": round(rendered / max(1, len(latencies)), 3),
        "errors": errors,
    }


def run() -> dict:
    from playwright.sync_api import sync_playwright

    folder = Path(tempfile.mkdtemp(prefix="orion-bench-first-"))
    env = server_env(folder)
    seed(env)
    result: dict = {}
    with production_server(env, STORE) as base:
        pages = _pages(base, folder / "orion.db")
        fallback = (folder / "web" / "build" / "client" / "__spa-fallback.html").read_text()
        runs: dict[str, list[dict]] = {f"{name}/{mode}": [] for name in pages for mode in ("ssr", "spa")}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium",
                # A document fulfilled by the test counts as a public page, and Chromium's
                # local-network checks would then block its websocket to localhost.
                args=["--no-sandbox", "--disable-gpu", "--disable-features=LocalNetworkAccessChecks"],
            )
            for _ in range(RUNS):
                for name, url in pages.items():
                    for mode in ("ssr", "spa"):
                        served = fallback if mode == "spa" else None
                        runs[f"{name}/{mode}"].append(_browse(browser, url, served))
            browser.close()
        result["browser_median"] = {key: _median(values) for key, values in runs.items()}
        # The same five pages again and again (rendered once, then from the page cache), and
        # every product of the store (mostly rendered per request: the cache is cold).
        few = [pages["product"], pages["listing"]] + [f"{base}{STORE}products?page={n}" for n in range(1, 4)]
        many = [f"{base}{STORE}products/{slug}" for slug in _slugs(folder / "orion.db")]
        result["http_load_same_pages"] = [asyncio.run(_load(few, clients)) for clients in LEVELS]
        result["http_load_all_products"] = [asyncio.run(_load(many, clients)) for clients in LEVELS]
    result["pages"] = {name: url.replace(base, "") for name, url in pages.items()}
    return result


def main() -> int:
    result = run()
    print(json.dumps(result, indent=2))
    save_result(result, "first_response")
    return 0


if __name__ == "__main__":
    sys.exit(main())
