"""Feed photos against a real HTTP server on 127.0.0.1: good images, and every way one fails.

The rows import first; their `image_link` and `additional_image_link` are fetched after,
by the `fetch_photos` job, run here by an RQ worker in this process. Limits are small: half
a second per photo, retries after 0.1 s. The server counts every request, so a re-import
can be shown to fetch nothing.
"""

import contextlib
import io
import os
import struct
import time
import uuid
import zlib

import pytest
from PIL import Image
from rq import SimpleWorker
from sqlmodel import select

from modules.catalog.models import ProductMedia
from modules.catalog.services.media import SIZES, media_root, variant_path
from modules.marketplace.models import FetchedPhoto, PhotoTask
from modules.marketplace.services.imports import ImportScope
from modules.marketplace.services.photos import photo_counts
from modules.tenancy.models import Store
from orion_app.db import session_scope
from orion_app.jobs import get_queue
from orion_app.redis_client import get_redis
from tests.integration.helpers import use_media_dir
from tests.integration.marketplace_helpers import (
    feed_text,
    import_file,
    products_of,
    store_ref,
    unlimited_products,
    use_files_dir,
    write_feed,
)
from tests.local_http import QuietHandler, local_server

HEADER = ["id", "title", "price", "image_link", "additional_image_link"]


def picture(fmt: str, size=(400, 300), colour=(200, 120, 40)) -> bytes:
    out = io.BytesIO()
    image = Image.new("RGB", size, colour)
    image.paste((20, 60, 180), (size[0] // 4, size[1] // 4, size[0] // 2, size[1] // 2))
    image.save(out, fmt)
    return out.getvalue()


def png_declaring(width: int, height: int) -> bytes:
    """A PNG of a few bytes whose header declares `width` × `height` pixels (a bomb)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


def noise_png() -> bytes:
    """A real 1024 × 1024 photo of about 3 MB (noise does not compress)."""
    out = io.BytesIO()
    Image.frombytes("RGB", (1024, 1024), os.urandom(1024 * 1024 * 3)).save(out, "PNG")
    return out.getvalue()


JPEG = picture("JPEG")
PNG = picture("PNG", (300, 500), (30, 160, 90))
BIG = noise_png()
HUGE = JPEG + b"\0" * (10 * 1024 * 1024)  # past the 10 MB photo limit
PAGE = b"<!DOCTYPE html><html><head><title>Not found</title></head><body>Sorry</body></html>"


class PhotoServer(QuietHandler):
    protocol_version = "HTTP/1.0"

    def do_GET(self):
        self.server.hits.append(self.path)
        routes = {
            "/good.jpg": lambda: self.answer(JPEG, "image/jpeg"),
            "/same-bytes.jpg": lambda: self.answer(JPEG, "image/jpeg"),
            "/good.png": lambda: self.answer(PNG, "image/png"),
            "/big.png": lambda: self.answer(BIG, "image/png"),
            "/page.jpg": lambda: self.answer(PAGE, "image/jpeg"),  # a web page that says it is a JPEG
            "/bomb.png": lambda: self.answer(png_declaring(50_000, 50_000), "image/png"),
            "/huge.jpg": lambda: self.answer(HUGE, "image/jpeg"),  # says how large it is
            "/huge-unannounced.jpg": lambda: self.answer(HUGE, "image/jpeg", length=False),
            "/slow.jpg": self.slow,
            "/flaky.jpg": self.flaky,
        }
        route = routes.get(self.path.split("?")[0])
        if route is None:
            self.send_error(404)
            return
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            route()

    def answer(self, body: bytes, content_type: str, length: bool = True):
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def slow(self):
        time.sleep(3)  # twice the photo time-out
        self.answer(JPEG, "image/jpeg")

    def flaky(self):  # 503 on the first request, the photo on the next
        if self.server.hits.count(self.path) == 1:
            self.send_error(503)
        else:
            self.answer(JPEG, "image/jpeg")


@pytest.fixture(scope="module")
def server():
    with local_server(PhotoServer) as httpd:
        yield httpd


@pytest.fixture
def shop(seeded, server, tmp_path, monkeypatch) -> ImportScope:
    """A store of its own, its own media folder, private URLs allowed, short limits."""
    use_files_dir(monkeypatch, tmp_path / "files")
    unlimited_products(monkeypatch)
    use_media_dir(monkeypatch, tmp_path / "media")
    monkeypatch.setenv("MARKETPLACE_ALLOW_PRIVATE_URLS", "true")
    # Short, but not so short that a good photo times out on a loaded CI machine (and is
    # fetched twice).
    monkeypatch.setenv("MARKETPLACE_PHOTO_TIMEOUT_SECONDS", "1.5")
    monkeypatch.setenv("MARKETPLACE_PHOTO_RETRY_INTERVALS", "[0.1, 0.1]")
    server.hits.clear()
    model = store_ref()
    with session_scope() as session:
        store = Store(merchant_id=model.merchant_id, code=f"pic-{uuid.uuid4().hex[:10]}", name="Photos")
        session.add(store)
        session.flush()
        return ImportScope(store.id, model.merchant_id, model.platform_id)


def url(server, path: str) -> str:
    return f"http://127.0.0.1:{server.server_port}{path}"


def import_rows(shop, tmp_path, rows: list[list[str]], **options):
    """Import a feed of `rows` (id, image_link, additional_image_link), then run queued jobs."""
    feed = feed_text([[sku, f"Article {sku}", "9.90", image, more] for sku, image, more in rows], HEADER)
    record = import_file(write_feed(tmp_path, feed, f"{uuid.uuid4().hex[:6]}.tsv"), shop, **options)
    assert record.status == "succeeded" and record.rejected == 0
    work_queued_jobs()
    return record


def work_queued_jobs() -> None:
    SimpleWorker([get_queue("long_running")], connection=get_redis()).work(burst=True)


def photos_of(shop) -> dict[str, list[ProductMedia]]:
    with session_scope() as session:
        media = session.exec(
            select(ProductMedia).where(ProductMedia.store_id == shop.id).order_by(ProductMedia.position)
        ).all()
    by_id = {product.id: sku for sku, product in products_of(shop).items()}
    found: dict[str, list[ProductMedia]] = {sku: [] for sku in by_id.values()}
    for row in media:
        found[by_id[row.product_id]].append(row)
    return found


def failures_of(record) -> dict[str, tuple[str, dict]]:
    """The URL's file name -> (message key, params) of each failed photo of the import."""
    with session_scope() as session:
        tasks = session.exec(
            select(PhotoTask).where(PhotoTask.import_id == record.id, PhotoTask.status == "failed")
        ).all()
    return {task.url.rsplit("/", 1)[1]: (task.message_key, task.message_params) for task in tasks}


def counts_of(record) -> dict[str, int]:
    with session_scope() as session:
        return photo_counts(session, record.id)


def test_good_jpeg_and_png_links_become_photos_in_three_webp_sizes(shop, server, tmp_path):
    record = import_rows(
        shop,
        tmp_path,
        [
            ("P-1", url(server, "/good.jpg"), url(server, "/good.png")),
            ("P-2", url(server, "/good.png"), ""),
        ],
    )
    assert counts_of(record) == {"total": 3, "done": 3, "failed": 0, "waiting": 0}
    photos = photos_of(shop)
    assert [(p.width, p.height) for p in photos["P-1"]] == [(400, 300), (300, 500)]  # feed order
    assert [(p.width, p.height) for p in photos["P-2"]] == [(300, 500)]
    for row in photos["P-1"] + photos["P-2"]:
        for size, edge in SIZES.items():
            with Image.open(media_root() / variant_path(row.key, size)) as stored:
                assert stored.format == "WEBP" and max(stored.size) <= edge
    assert sorted(server.hits) == ["/good.jpg", "/good.png"]  # the PNG twice in the feed, fetched once


def test_each_bad_link_fails_with_its_reason_and_stops_nothing_else(shop, server, tmp_path):
    record = import_rows(
        shop,
        tmp_path,
        [
            ("B-1", url(server, "/missing.jpg"), ""),
            ("B-2", url(server, "/page.jpg"), ""),
            ("B-3", url(server, "/bomb.png"), ""),
            ("B-4", url(server, "/slow.jpg"), url(server, "/good.jpg")),
            ("B-5", "ftp://example.com/photo.jpg", ""),
            ("B-7", url(server, "/huge.jpg"), url(server, "/huge-unannounced.jpg")),
            ("B-6", url(server, "/good.png"), ""),
        ],
    )
    assert failures_of(record) == {
        "missing.jpg": ("marketplace.photo.http_status", {"status": 404}),
        "page.jpg": ("marketplace.photo.not_an_image", {"kind": "web page (HTML)"}),
        "bomb.png": ("marketplace.photo.too_many_pixels", {"limit": 40}),
        "slow.jpg": ("marketplace.photo.timeout", {"seconds": 1.5}),
        "photo.jpg": ("marketplace.photo.bad_url", {}),  # ftp://
        "huge.jpg": ("marketplace.photo.too_large", {"limit_mb": "10"}),
        "huge-unannounced.jpg": (
            "marketplace.photo.too_large",
            {"limit_mb": "10"},
        ),  # stopped while streaming
    }
    assert counts_of(record) == {"total": 9, "done": 2, "failed": 7, "waiting": 0}
    photos = photos_of(shop)
    assert {sku: len(rows) for sku, rows in photos.items()} == {
        "B-1": 0,
        "B-2": 0,
        "B-3": 0,
        "B-4": 1,  # its second link still came
        "B-5": 0,
        "B-6": 1,
        "B-7": 0,
    }
    assert server.hits.count("/slow.jpg") == 3  # tried, then again after each of the two pauses
    assert server.hits.count("/missing.jpg") == server.hits.count("/page.jpg") == 1  # never retried
    with session_scope() as session:
        tasks = session.exec(select(PhotoTask).where(PhotoTask.import_id == record.id)).all()
    assert {t.url.rsplit("/", 1)[1]: t.attempts for t in tasks if t.status == "failed"}["slow.jpg"] == 3


def test_a_server_error_is_retried_and_the_photo_then_arrives(shop, server, tmp_path):
    record = import_rows(shop, tmp_path, [("F-1", url(server, "/flaky.jpg"), "")])
    assert counts_of(record) == {"total": 1, "done": 1, "failed": 0, "waiting": 0}
    assert server.hits == ["/flaky.jpg", "/flaky.jpg"]
    assert len(photos_of(shop)["F-1"]) == 1


def test_a_3_mb_photo_within_the_limits_is_accepted(shop, server, tmp_path):
    assert 3_000_000 < len(BIG) < 10 * 1024 * 1024
    record = import_rows(shop, tmp_path, [("L-1", url(server, "/big.png"), "")])
    assert counts_of(record)["done"] == 1
    assert [(p.width, p.height) for p in photos_of(shop)["L-1"]] == [(1024, 1024)]


def test_private_addresses_are_refused_without_the_setting(shop, server, tmp_path, monkeypatch):
    monkeypatch.delenv("MARKETPLACE_ALLOW_PRIVATE_URLS")
    record = import_rows(shop, tmp_path, [("X-1", url(server, "/good.jpg"), "")])
    assert failures_of(record) == {"good.jpg": ("marketplace.photo.private_address", {"host": "127.0.0.1"})}
    assert server.hits == [] and photos_of(shop)["X-1"] == []


def test_reimporting_the_same_feed_requests_no_image_at_all(shop, server, tmp_path):
    rows = [(f"R-{n}", url(server, "/good.jpg"), url(server, "/good.png")) for n in range(1, 4)]
    import_rows(shop, tmp_path, rows)
    assert sorted(server.hits) == ["/good.jpg", "/good.png"]
    server.hits.clear()

    again = import_rows(shop, tmp_path, [*rows, ("R-4", url(server, "/good.jpg"), "")])
    assert server.hits == []  # the new product's photo comes from what was fetched before
    assert counts_of(again) == {"total": 1, "done": 1, "failed": 0, "waiting": 0}
    assert {sku: len(rows) for sku, rows in photos_of(shop).items()} == {
        "R-1": 2,
        "R-2": 2,
        "R-3": 2,
        "R-4": 1,
    }


def test_the_same_bytes_at_another_url_are_not_stored_twice(shop, server, tmp_path):
    record = import_rows(
        shop,
        tmp_path,
        [
            ("S-1", url(server, "/good.jpg"), url(server, "/same-bytes.jpg")),
            ("S-2", url(server, "/same-bytes.jpg"), ""),
        ],
    )
    assert counts_of(record)["done"] == 3
    photos = photos_of(shop)
    assert len(photos["S-1"]) == 1  # the second link is the photo it already has
    assert len(photos["S-2"]) == 1
    first, other = (media_root() / variant_path(photos[sku][0].key, "lg") for sku in ("S-1", "S-2"))
    assert first != other and first.stat().st_ino == other.stat().st_ino  # one file on disk
    with session_scope() as session:
        hashes = session.exec(select(FetchedPhoto.content_hash).where(FetchedPhoto.store_id == shop.id)).all()
    assert len(hashes) == 2 and len(set(hashes)) == 1


def test_a_dry_run_fetches_no_photo(shop, server, tmp_path):
    record = import_rows(shop, tmp_path, [("D-1", url(server, "/good.jpg"), "")], dry_run=True)
    assert counts_of(record)["total"] == 0 and server.hits == []


def test_a_photo_a_killed_job_was_fetching_is_fetched_by_the_next_run(shop, server, tmp_path):
    feed = feed_text([["K-1", "Tasse", "9.90", url(server, "/good.jpg"), ""]], HEADER)
    record = import_file(write_feed(tmp_path, feed), shop)
    with session_scope() as session:
        task = session.exec(select(PhotoTask).where(PhotoTask.import_id == record.id)).one()
        task.status = "fetching"  # as a worker killed mid-download leaves it
        session.add(task)
    assert counts_of(record)["waiting"] == 1
    work_queued_jobs()
    assert counts_of(record) == {"total": 1, "done": 1, "failed": 0, "waiting": 0}
    assert len(photos_of(shop)["K-1"]) == 1


def test_a_feed_imported_twice_before_its_photos_came_gets_each_photo_once(shop, server, tmp_path):
    feed = feed_text([["T-1", "Tasse", "9.90", url(server, "/good.jpg"), url(server, "/good.png")]], HEADER)
    first = import_file(write_feed(tmp_path, feed, "first.tsv"), shop)
    second = import_file(write_feed(tmp_path, feed, "second.tsv"), shop)  # both plan the same two
    work_queued_jobs()
    assert counts_of(first)["done"] == counts_of(second)["done"] == 2
    assert len(photos_of(shop)["T-1"]) == 2
    assert sorted(server.hits) == ["/good.jpg", "/good.png"]
