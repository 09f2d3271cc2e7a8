"""In Chromium with a real RQ worker: a 300-row feed whose image links point at a local
server; the storefront then shows the photos, and importing the feed again requests none."""

import contextlib
import io
import re
import time
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import Page, expect
from sqlmodel import select

from tests.e2e.conftest import rq_worker
from tests.e2e.test_marketplace import BASE, start_upload
from tests.e2e.test_module_enablement import sign_in
from tests.local_http import QuietHandler, local_server

pytestmark = pytest.mark.e2e
ROWS = 300


def jpeg(n: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (240, 240), ((n * 37) % 256, (n * 91) % 256, (n * 13) % 256)).save(out, "JPEG")
    return out.getvalue()


class Photos(QuietHandler):
    def do_GET(self):
        self.server.hits.append(self.path)
        match = re.fullmatch(r"/photos/(\d+)\.jpg", self.path)
        if not match:
            self.send_error(404)
            return
        body = jpeg(int(match[1]))
        self.send_response(200)
        self.send_header("Content-Type", "image/jpeg")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)


@pytest.fixture(scope="module")
def photo_server() -> Iterator[ThreadingHTTPServer]:
    with local_server(Photos) as httpd:
        yield httpd


@pytest.fixture(scope="module")
def photo_worker(app_server: str, tmp_path_factory) -> Iterator[None]:
    """An RQ worker on the app's database and feed folder that may fetch from 127.0.0.1."""
    with rq_worker(tmp_path_factory.mktemp("feed-photos"), MARKETPLACE_ALLOW_PRIVATE_URLS="true"):
        yield


def feed_file(folder: Path, server: ThreadingHTTPServer) -> Path:
    lines = ["id\ttitle\tprice\tavailability\timage_link"]
    base = f"http://127.0.0.1:{server.server_port}/photos"
    lines += [
        f"FP-{n:03d}\tFeed photo {n:03d}\t{5 + n % 30}.90 EUR\tin stock\t{base}/{n}.jpg"
        for n in range(1, ROWS + 1)
    ]
    path = folder / "feed-with-photos.tsv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def photo_count(page: Page, label: str):
    return page.get_by_test_id("photo-counts").locator(".rt-Card", has=page.get_by_text(label, exact=True))


def test_feed_photos_reach_the_storefront_and_a_reimport_fetches_none(
    browser, app_server: str, photo_server, photo_worker, tmp_path
):
    site = app_server.replace("//localhost:", "//127.0.0.1:")
    feed = feed_file(tmp_path, photo_server)
    marie = browser.new_context(locale="en-GB").new_page()
    marie.set_default_timeout(30_000)
    sign_in(marie, site, f"{BASE}/login", "marie@cafe-lux.lu")
    expect(marie.get_by_role("heading", name="Overview")).to_be_visible()

    start_upload(marie, site, feed)
    expect(marie.get_by_test_id("outcome")).to_contain_text("Import finished", timeout=120_000)
    photos = marie.get_by_role("region", name="Photos from the feed")
    expect(photos).to_be_visible()
    expect(photo_count(marie, "Added")).to_contain_text(str(ROWS), timeout=240_000)
    expect(photo_count(marie, "Failed")).to_contain_text("0")
    assert len(photo_server.hits) == ROWS

    shopper = browser.new_context(locale="en-GB").new_page()
    shopper.set_default_timeout(30_000)
    shopper.goto(f"{app_server}/platforms/oms/storefront/cafe-lux/products?q=feed+photo")
    expect(shopper.get_by_role("link", name=re.compile("Feed photo")).first).to_be_visible()
    images = shopper.get_by_role("main").locator("img")
    expect(images.first).to_be_visible()
    sources = images.evaluate_all("(all) => all.map((img) => img.currentSrc || img.src)")
    assert len(sources) >= 8 and all("/_upload/catalog/" in src for src in sources), sources
    for src in sources:
        answer = shopper.request.get(src)
        assert answer.status == 200 and answer.headers["content-type"] == "image/webp", src
    shopper.wait_for_function(
        "() => [...document.querySelectorAll('main img')].every((img) => img.complete && img.naturalWidth > 0)"
    )

    before = len(photo_server.hits)
    start_upload(marie, site, feed)
    expect(marie.get_by_test_id("outcome")).to_contain_text("Nothing changed", timeout=120_000)
    time.sleep(3)  # a photo job, were one queued, would have started by now
    assert len(photo_server.hits) == before
    expect(marie.get_by_role("region", name="Photos from the feed")).to_have_count(0)

    from modules.marketplace.models import FeedImport, PhotoTask
    from orion_app.db import session_scope

    with session_scope() as session:
        last = session.exec(select(FeedImport).order_by(FeedImport.id.desc())).first()
        assert last.unchanged == ROWS
        assert session.exec(select(PhotoTask).where(PhotoTask.import_id == last.id)).all() == []
