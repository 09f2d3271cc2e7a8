"""Public pages answered with their content in the first HTML response.

An ASGI middleware in front of Reflex's static frontend. For a GET of a public page
(storefront and platform frontends, by dev path or by Host), it runs the page's load
events on a throw-away state tree (`page_state.load_page`; their database work runs on
worker threads, as in any page load), has the production build render the page with
those states (`renderer`), and sends that HTML with:

- `<html lang>` of the language the page is in,
- the head tags a crawler needs (`head.head_tags`: description, canonical, hreflang,
  Open Graph), and
- the same states as `window.__ORION_STATE__`, merged into the browser's initial state
  (`plugin.py`), so React hydrates the server's markup instead of replacing it.

The browser then connects as always and its page load runs the same events again, so
the page is live (cart, language switch) exactly as a client-rendered one. Everything
else (dashboards, assets, API routes), and every request when no production build or
renderer is available, goes on to Reflex untouched.
"""

import gzip
import hashlib
import logging
import re
import time
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from orion_app.registry import get_registry
from orion_app.routes import FRONTEND_PREFIX, HOST_RESOLVED, Route, build_routes
from orion_app.ssr.boot import defer_boot
from orion_app.ssr.head import apply_head, page_meta
from orion_app.ssr.page_state import load_page, router_data, state_json
from orion_app.ssr.renderer import renderer
from orion_app.ui.script import escape_for_script

log = logging.getLogger(__name__)


FRONTEND_ROOTS = frozenset(FRONTEND_PREFIX.values())
# Renders waiting on this process's renderer; more than this and a request gets the page
# unrendered (the single-page fallback, a static file) instead of waiting in line.
MAX_RENDERS = 16
_in_flight = [0]
CACHE_ENTRIES = 256  # rendered pages kept per process (about 60 KB each at most)
_cache: OrderedDict[bytes, str] = OrderedDict()


@dataclass(frozen=True)
class _Pattern:
    route: Route
    regex: re.Pattern
    names: tuple[str, ...]
    rank: tuple[int, int]  # more segments first, then fewer parameters


@lru_cache(maxsize=1)
def _patterns() -> tuple[_Pattern, ...]:
    """Every route with a public page of a host-resolved frontend, most specific first.
    A private page (a shopper's own data) is never rendered here: its loaders need the
    visitor's session, which only the websocket carries."""
    found = []
    for route in build_routes(get_registry()):
        if not any(
            e.page.public and not e.page.private and e.page.frontend in HOST_RESOLVED for e in route.entries
        ):
            continue
        parts = [p for p in route.path.split("/") if p]
        names = tuple(p[1:-1] for p in parts if p.startswith("["))
        regex = "".join("/([^/]+)" if p.startswith("[") else "/" + re.escape(p) for p in parts) or "/"
        found.append(_Pattern(route, re.compile(f"^{regex}$"), names, (-len(parts), len(names))))
    return tuple(sorted(found, key=lambda p: p.rank))


def match(path: str) -> tuple[Route, dict[str, str]] | None:
    """The public page at `path`, with its parameters. A frontend's home is addressed with
    a trailing slash (`/platforms/oms/storefront/cafe/`); no other page is."""
    slashed = path != "/" and path.endswith("/")
    for pattern in _patterns():
        if found := pattern.regex.match(path.rstrip("/") or "/"):
            if slashed and pattern.route.path not in FRONTEND_ROOTS:
                return None
            return pattern.route, dict(zip(pattern.names, found.groups(), strict=True))
    return None


def _renderable(scope: Scope) -> bool:
    if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
        return False
    path = scope["path"]
    return "." not in path.rsplit("/", 1)[-1] and not path.startswith("/_")


class ServerRenderedPages:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not _renderable(scope) or not renderer.available() or (found := match(scope["path"])) is None:
            await self.app(scope, receive, send)
            return
        try:
            response = await respond(Request(scope), *found)
        except Exception:
            log.exception("Server rendering of %s failed; the page is served unrendered", scope["path"])
            response = None
        if response is None:
            await self.app(scope, receive, send)
            return
        await response(scope, receive, send)


def _headers(request: Request) -> dict[str, str]:
    """The headers a browser's websocket would carry: origin, host, language. No cookies:
    the root state's router data must not hold credentials."""
    scheme = request.headers.get("x-forwarded-proto", request.url.scheme).split(",")[0].strip()
    host = request.headers.get("host", request.url.netloc)
    return {
        "origin": f"{scheme}://{host}",
        "host": host,
        "accept-language": request.headers.get("accept-language", ""),
        "user-agent": request.headers.get("user-agent", ""),
    }


async def respond(request: Request, route: Route, params: dict[str, str]):
    started = time.perf_counter()
    data = router_data(
        route, params, path=request.url.path, query=request.url.query, headers=_headers(request)
    )
    from orion_app.orion_app import _on_load  # the app module imports this one

    events = _on_load(route)
    # On the event loop like a websocket page load: the guard and the loaders run their
    # database work on worker threads, and page loads of both kinds share one admission
    # queue. A page load the queue turned away (busy) leaves the shell undecided.
    loaded = await load_page(events, data, request.headers.get("cookie", ""))
    if loaded.undecided:
        return None
    if loaded.redirect:
        return RedirectResponse(loaded.redirect, status_code=302)
    meta = page_meta(loaded, request)
    states = state_json(loaded.states)
    loaded_at = time.perf_counter()
    html = await _rendered(str(request.url), states)
    if html is None:
        return None
    rendered_at = time.perf_counter()
    boot = f"<script>window.__ORION_STATE__={escape_for_script(states)}</script>"
    body = defer_boot(apply_head(html, meta, boot)).encode()
    headers = {
        "cache-control": "no-cache",
        "vary": "Cookie, Accept-Language, Accept-Encoding",
        "server-timing": f"load;dur={(loaded_at - started) * 1000:.1f}, "
        f"render;dur={(rendered_at - loaded_at) * 1000:.1f}",
    }
    if "gzip" in request.headers.get("accept-encoding", ""):
        # A listing is ~60 KB of HTML and ~10 KB gzipped: on a phone's network that is the
        # difference (Reflex precompresses its static files; this response is made here).
        body, headers["content-encoding"] = gzip.compress(body, compresslevel=6), "gzip"
    return Response(body, status_code=meta.status, media_type="text/html", headers=headers)


async def _rendered(url: str, states: str) -> str | None:
    """The renderer's HTML for `url` with `states`, or None (renderer full or failing).

    The HTML is a function of the URL and the states alone, and the states are read from
    the database on every request: so a page whose data did not change is taken from a
    small cache, and an edit (other states) is rendered at once.
    """
    key = hashlib.sha256(f"{url}\0{states}".encode()).digest()
    if (html := _cache.get(key)) is not None:
        _cache.move_to_end(key)
        return html
    if _in_flight[0] >= MAX_RENDERS:
        return None  # past the renderer's capacity: the page without its content, at once
    _in_flight[0] += 1
    try:
        status, html = await renderer.render(url, states)
    finally:
        _in_flight[0] -= 1
    if status != 200:
        log.warning("The renderer answered %s for %s", status, url)
        return None
    _cache[key] = html
    if len(_cache) > CACHE_ENTRIES:
        _cache.popitem(last=False)
    return html
