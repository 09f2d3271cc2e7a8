"""What a crawler finds over plain HTTP: robots.txt per host, each store's sitemap by Host and
by path (split into numbered files above the limit), and product URLs in one form."""

import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime

import pytest
from sqlalchemy import event, update
from sqlmodel import select
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from modules.catalog import api as crawling
from modules.catalog.models import Product
from modules.catalog.services.categories import create_category
from modules.catalog.services.products import create_product
from orion_app import enablement
from orion_app.api import api_transformer, build_api
from orion_app.db import get_engine, session_scope
from orion_app.registry import get_registry
from tests.integration.catalog_helpers import product_form, scope
from tests.integration.helpers import platform_id, store_id

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
CAFE_HOST = "shop.cafe-lux.localhost"
VELO_BY_PATH = "/platforms/oms/storefront/velo-weber/"
W3C = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$")


@pytest.fixture
def client(shops) -> TestClient:
    return TestClient(build_api(get_registry()))


@pytest.fixture
def shops(demo) -> dict[str, Product]:
    """Café: Coffee > Beans (three beans, one coffee), one product in no category, one draft and
    an empty category; Vëlo: two products. Returns the café's products by SKU."""
    made = {}
    with session_scope() as session:
        cafe, merchant, oms = scope("cafe-lux")
        coffee = create_category(session, cafe, {"en": "Coffee"})
        beans = create_category(session, cafe, {"en": "Beans"}, parent_id=coffee.id)
        create_category(session, cafe, {"en": "Empty"})
        placed = [("B1", beans.id), ("B2", beans.id), ("B3", beans.id), ("C1", coffee.id), ("N1", None)]
        for sku, category in [*placed, ("DRAFT", None)]:
            form = product_form(sku=sku, title_en=f"Product {sku}", gtin="", category_id=category or "")
            form["is_active"] = "" if sku == "DRAFT" else "1"
            made[sku] = create_product(session, cafe, merchant, oms, form)
        velo, velo_merchant, _oms = scope("velo-weber")
        for sku in ("V1", "V2"):
            create_product(session, velo, velo_merchant, oms, product_form(sku=sku, title_en=sku, gtin=""))
    return made


def urls(response) -> dict[str, str | None]:
    """loc -> lastmod of a sitemap file."""
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{{{NS['sm']}}}urlset"
    return {u.findtext("sm:loc", namespaces=NS): u.findtext("sm:lastmod", namespaces=NS) for u in root}


def sitemap_files(response) -> list[str]:
    root = ET.fromstring(response.content)
    assert root.tag == f"{{{NS['sm']}}}sitemapindex"
    return [s.findtext("sm:loc", namespaces=NS) for s in root]


def active_slugs(code: str) -> set[str]:
    with session_scope() as session:
        rows = session.exec(select(Product.slug).where(Product.store_id == store_id(code), Product.is_active))
        return set(rows.all())


def product_locs(found: dict[str, str | None], base: str) -> set[str]:
    return {loc.removeprefix(f"{base}products/") for loc in found if loc.startswith(f"{base}products/")}


def test_a_store_host_sitemap_lists_home_categories_and_active_products_with_their_dates(client, shops):
    changed = datetime(2030, 1, 2, 3, 4, 5, tzinfo=UTC)
    with session_scope() as session:
        session.execute(update(Product).where(Product.id == shops["B2"].id).values(updated_at=changed))

    response = client.get("/sitemap.xml", headers={"host": CAFE_HOST})
    found = urls(response)
    base = f"http://{CAFE_HOST}/"

    assert response.headers["cache-control"] == "public, max-age=3600"
    assert (
        product_locs(found, base)
        == active_slugs("cafe-lux")
        == {shops[sku].slug for sku in ("B1", "B2", "B3", "C1", "N1")}
    )
    categories = {loc.removeprefix(f"{base}products?category=") for loc in found if "?category=" in loc}
    assert categories == {"coffee", "beans"}, "a category without an active product is left out"
    assert base in found, "the storefront's home"
    assert len(found) == 8
    assert all(loc.startswith(base) for loc in found), "a sitemap names no other host"
    assert all(lastmod and W3C.match(lastmod) for lastmod in found.values())
    newest = "2030-01-02T03:04:05+00:00"
    assert found[f"{base}products/{shops['B2'].slug}"] == newest
    assert found[f"{base}products?category=coffee"] == found[base] == newest, "a change below counts"
    assert found[f"{base}products/{shops['N1'].slug}"] < newest
    assert not [loc for loc in found if loc != base and loc.endswith("/")], "no trailing slashes"


def test_a_store_without_a_host_has_its_sitemap_under_its_storefront_path(client):
    found = urls(client.get(f"{VELO_BY_PATH}sitemap.xml", headers={"host": "localhost:8000"}))
    base = f"http://localhost:8000{VELO_BY_PATH}"

    assert product_locs(found, base) == active_slugs("velo-weber") == {"v1", "v2"}
    assert all(loc.startswith(base) for loc in found)
    assert client.get("/platforms/oms/storefront/no-such-store/sitemap.xml").status_code == 404


def test_above_the_limit_the_sitemap_is_an_index_of_numbered_files_holding_every_url(shops):
    whole = urls(TestClient(build_api(get_registry())).get("/sitemap.xml", headers={"host": CAFE_HOST}))
    limited = TestClient(Starlette(routes=crawling.routes(limit=3)), headers={"host": CAFE_HOST})

    files = sitemap_files(limited.get("/sitemap.xml"))
    parts = [urls(limited.get(loc.removeprefix(f"http://{CAFE_HOST}"))) for loc in files]

    assert files == [f"http://{CAFE_HOST}/sitemap-{n}.xml" for n in range(1, len(files) + 1)]
    assert len(whole) == 8 and len(files) == 3
    assert all(len(part) <= 3 for part in parts)
    assert {loc: lastmod for part in parts for loc, lastmod in part.items()} == whole
    assert limited.get(f"/sitemap-{len(files) + 1}.xml").status_code == 404
    by_path = limited.get(f"{VELO_BY_PATH}sitemap.xml", headers={"host": "localhost:8000"})
    assert by_path.status_code == 200


def test_a_sitemap_file_costs_two_statements_and_the_index_one(shops):
    limited = TestClient(Starlette(routes=crawling.routes(limit=3)), headers={"host": CAFE_HOST})
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args):
        statements.append(statement)

    limited.get("/sitemap-2.xml")  # the guard's look-ups are cached from now on
    event.listen(get_engine(), "before_cursor_execute", count)
    try:
        sizes = {}
        for path in ("/sitemap.xml", "/sitemap-1.xml", "/sitemap-2.xml", "/sitemap-3.xml"):
            statements.clear()
            assert limited.get(path).status_code == 200
            sizes[path] = len(statements)
    finally:
        event.remove(get_engine(), "before_cursor_execute", count)

    # File 1 holds the home and the two categories, so it reads no products.
    assert sizes == {"/sitemap.xml": 1, "/sitemap-1.xml": 1, "/sitemap-2.xml": 2, "/sitemap-3.xml": 2}


def test_a_platform_host_or_a_disabled_catalog_has_no_sitemap(client):
    assert client.get("/sitemap.xml", headers={"host": "omsflow.localhost"}).status_code == 404
    assert client.get("/sitemap.xml", headers={"host": "unknown.example"}).status_code == 404
    assert client.get("/sitemap-1.xml", headers={"host": CAFE_HOST}).status_code == 404, "one file: no parts"

    enablement.apply_change(platform_id("oms"), "catalog", False, None)

    assert client.get("/sitemap.xml", headers={"host": CAFE_HOST}).status_code == 404
    assert client.get(f"{VELO_BY_PATH}sitemap.xml").status_code == 404
    robots = client.get("/robots.txt", headers={"host": CAFE_HOST})
    assert robots.status_code == 200 and "Sitemap:" not in robots.text


def test_robots_txt_keeps_crawlers_out_of_dashboards_and_names_the_stores_sitemap(client):
    store = client.get("/robots.txt", headers={"host": CAFE_HOST})
    platform = client.get("/robots.txt", headers={"host": "omsflow.localhost"})
    unknown = client.get("/robots.txt", headers={"host": "unknown.example"})

    assert store.headers["content-type"].startswith("text/plain")
    assert f"Sitemap: http://{CAFE_HOST}/sitemap.xml" in store.text.splitlines()
    assert "Disallow: /platforms/" in store.text.splitlines()
    for answer in (store, platform, unknown):
        lines = answer.text.splitlines()
        assert answer.status_code == 200
        assert {
            "User-agent: *",
            "Allow: /",
            "Disallow: /admin/",
            "Disallow: /store/",
            "Disallow: /api/",
        } <= set(lines)
    assert "Sitemap:" not in platform.text and "Disallow: /platforms/" not in platform.text
    assert unknown.text == platform.text, "any other host is the main platform"


def test_product_urls_with_a_trailing_slash_redirect_to_the_form_the_storefront_writes(demo):
    def reflex(_request):
        return PlainTextResponse("reflex page")

    app = api_transformer(get_registry())(Starlette(routes=[Route("/{path:path}", reflex)]))
    client = TestClient(app, follow_redirects=False, headers={"host": CAFE_HOST})

    for path in ("/products/cafe-creme/", f"{VELO_BY_PATH}products/bell/"):
        answer = client.get(path + "?lang=fr")
        assert answer.status_code == 301
        assert answer.headers["location"] == path.rstrip("/") + "?lang=fr"
    assert client.get("/products/cafe-creme").text == "reflex page"
    assert client.get(f"{VELO_BY_PATH}products/bell").text == "reflex page"
    assert client.get("/products/").text == "reflex page", "the listing is Reflex's to serve"


@pytest.fixture
def production(demo, tmp_path, monkeypatch) -> TestClient:
    """The backend as `make serve` runs it: Reflex's app with its compiled frontend mounted on
    the same port, here a stand-in build holding a robots.txt and a prerendered listing."""
    static = tmp_path / "web" / "build" / "client"
    (static / "products").mkdir(parents=True)
    for page in ("index.html", "404.html", "products/index.html"):
        (static / page).write_text("<html>reflex</html>")
    (static / "robots.txt").write_text("User-agent: *\nDisallow:\n")
    monkeypatch.setenv("__REFLEX_SKIP_COMPILE", "1")
    monkeypatch.setenv("REFLEX_WEB_WORKDIR", str(tmp_path / "web"))
    monkeypatch.setenv("__REFLEX_MOUNT_FRONTEND_COMPILED_APP", "1")
    from orion_app.orion_app import app

    return TestClient(app(), follow_redirects=False, headers={"host": CAFE_HOST})


def test_in_production_robots_txt_and_the_sitemap_come_from_the_backend_not_the_static_build(
    production, tmp_path
):
    robots = production.get("/robots.txt")
    assert f"Sitemap: http://{CAFE_HOST}/sitemap.xml" in robots.text.splitlines()
    assert production.get("/sitemap.xml").headers["content-type"].startswith("application/xml")
    assert production.get("/products/cafe-creme/").headers["location"] == "/products/cafe-creme"
    assert production.get("/products/cafe-creme").text == "<html>reflex</html>"
    # A prerendered page answers at its own URL (Starlette's static files alone would send
    # /products to /products/), and nothing outside the build is reached that way.
    listing = production.get("/products")
    assert (listing.status_code, listing.text) == (200, "<html>reflex</html>")
    assert production.get("/products/").text == "<html>reflex</html>"
    from orion_app.static_pages import prerendered

    outside = tmp_path / "web" / "build" / "secret"  # beside the build, not in it
    outside.mkdir()
    (outside / "index.html").write_text("not the build")
    assert prerendered("/products") and not prerendered("/../secret") and not prerendered("/robots.txt")
