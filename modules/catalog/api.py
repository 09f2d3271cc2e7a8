"""Crawling: robots.txt, the store's sitemap, and one form of storefront product URLs.

Plain Starlette routes in front of Reflex's (in production `make serve` the backend serves
the compiled frontend on the same port, behind these). Public and read-only: no session is
read. By Host, `/robots.txt` and `/sitemap.xml` answer for the store or platform the Host
resolves to; by path, `/platforms/<p>/storefront/<s>/sitemap.xml` answers for a store
without a host of its own. A sitemap lists absolute URLs on the host it was fetched from,
so it never names another host (the sitemap protocol's rule). See docs/catalog.md.
"""

from collections.abc import Iterator
from xml.sax.saxutils import escape

from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response, StreamingResponse
from starlette.routing import Route

from modules.catalog.services.sitemap import (
    SITEMAP_LIMIT,
    SitemapEntry,
    SitemapPlan,
    sitemap_entries,
    sitemap_plan,
    w3c_date,
)
from orion_app.access import Access, check_access
from orion_app.api_guard import not_found
from orion_app.db import get_engine
from orion_app.registry import Frontend
from orion_app.routes import frontend_url, host_origin

SITEMAP = "sitemap.xml"
NUMBERED_SITEMAP = "sitemap-{number:int}.xml"
PRODUCT_SLASH = "products/{slug}/"  # the form the storefront never writes
CACHE = {"Cache-Control": "public, max-age=3600"}
XML = "application/xml; charset=utf-8"
URLSET = '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
INDEX = '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
URLS_PER_CHUNK = 500  # <url> elements sent per piece of the response
# Never useful to a crawler on any host: dashboards, the backend's own endpoints, events.
PRIVATE_PATHS = ("/admin/", "/store/", "/api/", "/_event", "/health", "/metrics")
# A store's host serves the same pages at `/`; by path they would be duplicates.
STORE_HOST_PRIVATE = ("/platforms/",)


def _storefront_access(request: Request, frontends: tuple[Frontend, ...]) -> Access:
    """The guard's decision for the folder the file is in: `sitemap-<n>.xml` adds no cache entry."""
    return check_access(
        path=request.url.path.rsplit("/", 1)[0] + "/",
        host=request.url.netloc,
        token="",
        module="catalog",
        frontends=frontends,
        public=True,
    )


def _base(request: Request, access: Access) -> str:
    """The storefront's absolute base on the request's host (`tenant.base` is `/` by Host)."""
    return host_origin(request.url.netloc) + access.tenant.base


def robots(request: Request) -> Response:
    """Crawl the storefront and platform pages, not dashboards; name the store's sitemap."""
    access = _storefront_access(request, (Frontend.STOREFRONT, Frontend.PLATFORM))
    store_host = access.tenant is not None and access.tenant.store is not None
    disallowed = PRIVATE_PATHS + (STORE_HOST_PRIVATE if store_host else ())
    lines = ["User-agent: *", "Allow: /", *(f"Disallow: {path}" for path in disallowed)]
    if store_host and access.ok:  # without the catalog there is no sitemap
        lines += ["", f"Sitemap: {_base(request, access)}{SITEMAP}"]
    return PlainTextResponse("\n".join(lines) + "\n", headers=CACHE)


def routes(limit: int = SITEMAP_LIMIT) -> list[Route]:
    """The crawling routes; `limit` is the number of URLs per sitemap file (tests use a few)."""

    def sitemap(request: Request) -> Response:
        """The store's sitemap: its URLs, or an index of numbered files above `limit` URLs."""
        access = _storefront_access(request, (Frontend.STOREFRONT,))
        if not access.ok:
            return not_found(request)
        number = request.path_params.get("number")
        store_id = access.tenant.store.id
        with Session(get_engine()) as session:
            plan = sitemap_plan(session, store_id)
        files = plan.file_count(limit)
        base = _base(request, access)
        if number is None and files > 1:
            return _xml(_index(base, files))
        if number is not None and not (files > 1 and 1 <= number <= files):
            return not_found(request)
        return _xml(_urlset(base, store_id, plan, number or 1, limit))

    return [
        Route("/robots.txt", robots, methods=["GET"]),
        *(
            Route(path, sitemap, methods=["GET"])
            for name in (SITEMAP, NUMBERED_SITEMAP)
            for path in (f"/{name}", _by_path(name))
        ),
        *(
            Route(path, without_slash, methods=["GET"])
            for path in (f"/{PRODUCT_SLASH}", _by_path(PRODUCT_SLASH))
        ),
    ]


def without_slash(request: Request) -> Response:
    """`products/<slug>/` -> `products/<slug>`: the storefront writes its URLs without the slash.

    Product pages only: the listing `products` is prerendered in production, and Starlette's
    static files answer its slash-less form with a redirect to `products/`, so redirecting
    back would loop (docs/catalog.md). Reached in front of Reflex's catch-all mount; on a
    bare Starlette app, `redirect_slashes` would send `products/<slug>` back here.
    """
    query = request.url.query
    target = request.url.path.rstrip("/") + (f"?{query}" if query else "")
    return RedirectResponse(target, status_code=301, headers=CACHE)


def _by_path(page: str) -> str:
    """The route of a storefront page in the path form, its tenant as route parameters."""
    return frontend_url(Frontend.STOREFRONT, page, platform="{platform}", store="{store}")


def _xml(body: Iterator[str]) -> Response:
    return StreamingResponse(body, media_type=XML, headers=CACHE)


def _index(base: str, files: int) -> Iterator[str]:
    yield '<?xml version="1.0" encoding="UTF-8"?>\n' + INDEX
    for number in range(1, files + 1):
        yield f"<sitemap><loc>{escape(base)}sitemap-{number}.xml</loc></sitemap>\n"
    yield "</sitemapindex>\n"


def _urlset(base: str, store_id: int, plan: SitemapPlan, number: int, limit: int) -> Iterator[str]:
    """One sitemap file, read with its own session while it is sent."""
    yield '<?xml version="1.0" encoding="UTF-8"?>\n' + URLSET
    with Session(get_engine()) as session:
        batch: list[str] = []
        for entry in sitemap_entries(session, store_id, plan, number, limit):
            batch.append(_url(base, entry))
            if len(batch) >= URLS_PER_CHUNK:
                yield "".join(batch)
                batch = []
        yield "".join(batch)
    yield "</urlset>\n"


def _url(base: str, entry: SitemapEntry) -> str:
    lastmod = f"<lastmod>{w3c_date(entry.lastmod)}</lastmod>" if entry.lastmod else ""
    return f"<url><loc>{escape(base + entry.path)}</loc>{lastmod}</url>\n"
