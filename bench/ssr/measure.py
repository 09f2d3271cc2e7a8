"""Measure the bench/ssr prototype: curl-visible content, hydration, first tap, LCP.

Run the prototype first (see bench/ssr/README.md), then:
    .venv/bin/python bench/ssr/measure.py http://localhost:8731/products/espresso-cup/
"""

import json
import statistics
import sys
import time
import urllib.request

from playwright.sync_api import sync_playwright

MODES = ("spa", "a", "b")
RUNS = 3
CHROME = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
CHECKS = ("<title>Espresso cup</title>", "12,90", "application/ld+json", 'lang="en"', "In stock")

# Installed before any page script: remember the first #title node the parser inserts, count
# removals of nodes holding it and text changes, and record LCP entries.
WATCH = """
window.__m = {removed: 0, textChanges: 0, firstTitle: null, lcp: []};
new MutationObserver((records) => {
  for (const r of records) {
    for (const n of r.addedNodes) {
      if (!window.__m.firstTitle && n.nodeType === 1) {
        const t = n.id === 'title' ? n : n.querySelector && n.querySelector('#title');
        if (t) window.__m.firstTitle = t;
      }
    }
    for (const n of r.removedNodes) {
      const holds = n.nodeType === 1 && (n.id === 'title' || (n.querySelector && n.querySelector('#title')));
      if (holds) window.__m.removed++;
    }
    if (r.type === 'characterData') window.__m.textChanges++;
  }
}).observe(document, {childList: true, subtree: true, characterData: true});
new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__m.lcp.push(
  {t: e.startTime, el: e.element ? (e.element.id || e.element.tagName) : ''}); })
  .observe({type: 'largest-contentful-paint', buffered: true});
"""


def curl(url: str) -> dict:
    start = time.perf_counter()
    with urllib.request.urlopen(url) as response:
        first = response.read(1)
        ttfb = time.perf_counter() - start
        body = (first + response.read()).decode()
    return {"ttfb_ms": round(ttfb * 1000, 1), "html_bytes": len(body.encode())} | {
        f"has {c}": c in body for c in CHECKS
    }


def browse(browser, url: str, throttle: float) -> dict:
    page = browser.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.add_init_script(WATCH)
    cdp = page.context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": throttle})
    page.goto(url, wait_until="load")
    title_at_load = page.inner_text("#title") if page.query_selector("#title") else ""
    # First tap right at the load event: is it lost while the app boots?
    tapped = time.perf_counter()
    # (the tap comes first so that a lost tap shows; the DOM check below is done after it)
    page.click("#to-fr")
    try:
        page.wait_for_function(
            "document.querySelector('#title').innerText === 'Tasse à espresso'", timeout=8000
        )
        tap_ms = round((time.perf_counter() - tapped) * 1000)
    except Exception:
        tap_ms = None
    page.wait_for_timeout(500)
    m = page.evaluate(
        "({removed: __m.removed, textChanges: __m.textChanges,"
        " same: __m.firstTitle === document.querySelector('#title'), lcp: __m.lcp,"
        " titles: document.querySelectorAll('#title').length,"
        " thumbs: document.querySelectorAll('.thumb').length,"
        " ttfb: performance.getEntriesByType('navigation')[0].responseStart})"
    )
    page.close()
    lcp = m["lcp"][-1] if m["lcp"] else {"t": None, "el": ""}
    return {
        "title_at_load": title_at_load,
        "title_node_kept": m["same"],
        "title_removals": m["removed"],
        "text_node_changes": m["textChanges"],
        "title_elements_after": m["titles"],
        "thumb_items_after": m["thumbs"],
        "lcp_ms": round(lcp["t"]) if lcp["t"] is not None else None,
        "lcp_element": lcp["el"],
        "first_tap_switch_ms": tap_ms,
        "console_errors": errors,
    }


def settle(browser, url: str) -> dict:
    """No tap: is the page's text at the load event the text after hydration and on_load?"""
    page = browser.new_page()
    page.add_init_script(WATCH)
    page.goto(url, wait_until="load")
    before = page.inner_text("body")
    page.wait_for_timeout(3000)
    after = page.inner_text("body")
    m = page.evaluate("({removed: __m.removed, changes: __m.textChanges})")
    page.close()
    return {
        "text_same_after_hydration": before == after,
        "title_removals": m["removed"],
        "text_node_changes": m["changes"],
        "titles_visible": after.count("Espresso cup"),
    }


def navigate(browser, url: str) -> dict:
    """From the prerendered home to the product by a client-side link: do sentinels show?"""
    page = browser.new_page()
    page.add_init_script(
        "window.__seen = false; new MutationObserver(() => { if (document.body &&"
        " document.body.innerHTML.includes('@@')) window.__seen = true; })"
        ".observe(document, {childList: true, subtree: true, characterData: true, attributes: true});"
    )
    page.goto(url.split("/products/")[0] + "/", wait_until="load")
    page.wait_for_timeout(1000)
    page.click("#to-product")
    page.wait_for_function("document.querySelector('#title')?.innerText === 'Espresso cup'", timeout=8000)
    seen = page.evaluate("window.__seen")
    page.close()
    return {"client_navigation_showed_sentinels": seen}


def branches(browser, url: str) -> dict:
    """Candidate B for a product whose state takes another branch than the template's
    (sold out): is the server HTML kept, without a hydration error?"""
    out = {}
    for slug in ("espresso-cup", "sold-out-cup"):
        page = browser.new_page()
        errors = []
        page.on("pageerror", lambda e, errors=errors: errors.append(str(e)[:120]))
        page.add_init_script(WATCH)
        page.goto(url.replace("espresso-cup", slug) + "?mode=b", wait_until="load")
        before = page.inner_text("body")
        page.wait_for_timeout(3000)
        kept = page.evaluate("__m.firstTitle === document.querySelector('#title') && !__m.removed")
        out[slug] = {
            "text_same_after_hydration": before == page.inner_text("body"),
            "server_nodes_kept": kept,
            "visible": "sold out" if page.is_visible("#sold-out") else "add to cart",
            "page_errors": errors,
        }
        page.close()
    return out


def main(url: str) -> None:
    results = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROME, args=ARGS)
        for mode in MODES:
            target = f"{url}?mode={mode}"
            runs = [browse(browser, target, 4) for _ in range(RUNS)]
            lcps = [r["lcp_ms"] for r in runs if r["lcp_ms"] is not None]
            results[mode] = {
                "curl": curl(target),
                "settle": settle(browser, target),
                "lcp_ms_median_cpu4x": statistics.median(lcps) if lcps else None,
                "runs": runs,
            }
        results["client_navigation"] = navigate(browser, url)
        results["b_branches"] = branches(browser, url)
        browser.close()
    print(json.dumps(results, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
