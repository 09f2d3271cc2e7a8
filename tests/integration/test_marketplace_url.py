"""URL imports against a real HTTP server on 127.0.0.1: good feeds, and every way a URL fails.

A failing URL fails the import at once, with one sentence and its parameters: the job body
returns normally (so RQ does not retry it), nothing is written (no products, no row
errors) and the downloaded part is removed. The feed limits are small here: 1 second for
the whole download, 1 MiB for its size.
"""

import contextlib
import functools
import socket
import time
import uuid

import httpcore
import pytest
from sqlmodel import select

from modules.marketplace.models import FeedImport, FeedImportError
from modules.marketplace.services import fetch as fetch_module
from modules.marketplace.services.imports import ImportScope, start_import
from modules.marketplace.services.runner import run_import
from modules.tenancy.models import Store
from orion_app import outbound
from orion_app.db import session_scope
from tests.integration.marketplace_helpers import (
    feed_text,
    product_row,
    products_of,
    reload,
    store_ref,
    titles_of,
    unlimited_products,
    use_files_dir,
)
from tests.local_http import QuietHandler, local_server

MAX_BYTES = 1024 * 1024  # MARKETPLACE_FEED_MAX_BYTES here (its minimum is 1024)
GOOD_FEED = feed_text([product_row(n) for n in range(1, 4)]).encode()
LOGIN_PAGE = (
    b"<!DOCTYPE html>\n<html><head><title>Sign in</title></head>\n<body><form method='post'>"
    b"<input name='email'><input name='password' type='password'><button>Sign in</button>"
    b"</form></body></html>\n"
)


class FeedServer(QuietHandler):
    protocol_version = "HTTP/1.0"  # close-delimited bodies: a response may omit its length

    def do_GET(self):
        self.server.hits.append(self.path)
        route = getattr(self, "route_" + self.path.strip("/").replace("-", "_").replace(".", "_"), None)
        if route is None:
            self.send_error(404)
            return
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up, as it should
            route()

    def answer(self, body: bytes, content_type: str = "text/tab-separated-values", length: bool = True):
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def route_good_tsv(self):
        self.answer(GOOD_FEED)

    def route_broken(self):
        self.send_error(500)

    def route_slow(self):  # no answer at all within the time limit
        time.sleep(3)
        self.answer(GOOD_FEED)

    def route_trickle(self):  # answers at once, then a few bytes every 0.2 s for 10 s
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"id\ttitle\tprice\n")
        for n in range(50):
            self.wfile.write(f"T-{n}\tTasse\t9.90\n".encode())
            self.wfile.flush()
            time.sleep(0.2)

    def route_big(self):  # says how large it is
        self.answer(GOOD_FEED + b"X" * MAX_BYTES)

    def route_big_unannounced(self):  # does not say: the download itself is stopped
        self.answer(GOOD_FEED + b"X" * (2 * MAX_BYTES), length=False)

    def route_login(self):
        self.answer(LOGIN_PAGE, "text/html; charset=utf-8")

    def route_redirect(self):
        self.send_response(302)
        self.send_header("Location", "/good.tsv")
        self.end_headers()

    def route_loop(self):
        self.send_response(302)
        self.send_header("Location", "/loop")
        self.end_headers()

    def route_to_private(self):  # a "public" address that sends the fetch inside the network
        self.send_response(302)
        self.send_header("Location", f"http://127.0.0.1:{self.server.server_port}/good.tsv")
        self.end_headers()


@pytest.fixture(scope="module")
def server():
    with local_server(FeedServer) as httpd:
        yield httpd


@pytest.fixture
def shop(seeded, server, tmp_path, monkeypatch) -> ImportScope:
    """A store of its own (each test starts empty), small feed limits, private URLs allowed."""
    use_files_dir(monkeypatch, tmp_path / "files")
    unlimited_products(monkeypatch)
    monkeypatch.setenv("MARKETPLACE_ALLOW_PRIVATE_URLS", "true")
    monkeypatch.setenv("MARKETPLACE_FEED_TIMEOUT_SECONDS", "1")
    monkeypatch.setenv("MARKETPLACE_FEED_MAX_BYTES", str(MAX_BYTES))
    server.hits.clear()
    model = store_ref()
    with session_scope() as session:
        store = Store(merchant_id=model.merchant_id, code=f"url-{uuid.uuid4().hex[:10]}", name="URL")
        session.add(store)
        session.flush()
        return ImportScope(store.id, model.merchant_id, model.platform_id)


def import_url(url: str, store: ImportScope) -> tuple[FeedImport, str, float]:
    """Record an import of `url`, run its job body here: the record, what the body returned, seconds."""
    with session_scope() as session:
        record = start_import(session, store, lang="fr", url=url)
    started = time.monotonic()
    returned = run_import(record.id)
    return reload(record.id), returned, time.monotonic() - started


def files_left(tmp_path) -> list:
    return [p for p in (tmp_path / "files").rglob("*") if p.is_file()]


def assert_failed_writing_nothing(record: FeedImport, returned: str, store: ImportScope, tmp_path, failure):
    assert returned == "failed"  # returned, not raised: RQ sees a finished job and does not retry
    assert (record.status, record.message_key, record.message_params) == ("failed", *failure)
    assert (record.attempts, record.rows_total, record.rows_done, record.created) == (1, 0, 0, 0)
    assert record.finished_at is not None and record.file_path == ""
    assert products_of(store) == {}
    with session_scope() as session:
        assert session.exec(select(FeedImportError).where(FeedImportError.import_id == record.id)).all() == []
    assert files_left(tmp_path) == []  # not even the download of a page that is not a feed


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize("path", ["/good.tsv", "/redirect"])
def test_a_good_feed_url_imports_its_products(shop, server, path, tmp_path):
    record, returned, _ = import_url(f"http://127.0.0.1:{server.server_port}{path}", shop)
    assert (returned, record.status, record.origin) == ("succeeded", "succeeded", "url")
    assert (record.rows_total, record.created, record.rejected) == (3, 3, 0)
    assert titles_of(shop, "fr") == {
        "SKU-00001": "Produit 1",
        "SKU-00002": "Produit 2",
        "SKU-00003": "Produit 3",
    }
    assert products_of(shop)["SKU-00002"].price_cents == 1299
    assert server.hits == ([path] if path == "/good.tsv" else ["/redirect", "/good.tsv"])
    assert record.file_path == "" and files_left(tmp_path) == []


FAILURES = {
    "/missing": ("marketplace.feed.http_status", {"status": 404}),
    "/broken": ("marketplace.feed.http_status", {"status": 500}),
    "/slow": ("marketplace.feed.timeout", {"seconds": 1}),
    "/trickle": ("marketplace.feed.timeout", {"seconds": 1}),
    "/big": ("marketplace.feed.too_large", {"limit_mb": "1"}),
    "/big-unannounced": ("marketplace.feed.too_large", {"limit_mb": "1"}),
    "/login": ("marketplace.feed.not_a_feed", {"kind": "web page (HTML)"}),
    "/loop": ("marketplace.feed.unreachable", {"host": "127.0.0.1"}),  # more than 5 redirects
}


@pytest.mark.parametrize("path", FAILURES)
def test_a_failing_url_fails_at_once_and_writes_nothing(shop, server, path, tmp_path):
    record, returned, seconds = import_url(f"http://127.0.0.1:{server.server_port}{path}", shop)
    assert_failed_writing_nothing(record, returned, shop, tmp_path, FAILURES[path])
    assert seconds < 3, f"{path} took {seconds:.1f} s with a 1 s limit"


def test_a_downloaded_file_that_is_not_a_feed_is_removed(shop, server, tmp_path):
    record, _, _ = import_url(f"http://127.0.0.1:{server.server_port}/login", shop)
    assert record.status == "failed"
    assert files_left(tmp_path) == []


def test_a_server_that_is_not_there_is_unreachable(shop, tmp_path):
    record, returned, seconds = import_url(f"http://127.0.0.1:{closed_port()}/feed.tsv", shop)
    assert_failed_writing_nothing(
        record, returned, shop, tmp_path, ("marketplace.feed.unreachable", {"host": "127.0.0.1"})
    )
    assert seconds < 3


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_private_addresses_are_refused_without_the_setting(shop, server, host, tmp_path, monkeypatch):
    monkeypatch.delenv("MARKETPLACE_ALLOW_PRIVATE_URLS")
    record, returned, _ = import_url(f"http://{host}:{server.server_port}/good.tsv", shop)
    assert_failed_writing_nothing(
        record, returned, shop, tmp_path, ("marketplace.feed.private_address", {"host": host})
    )
    assert server.hits == []  # refused before anything was sent


def test_a_redirect_to_a_private_address_is_refused_too(shop, server, tmp_path, monkeypatch):
    """`feeds.example.test` stands for a public host here (it resolves to a public address, which a
    stand-in network routes to the local server) whose answer redirects to 127.0.0.1: the
    redirect's target is checked too."""
    monkeypatch.delenv("MARKETPLACE_ALLOW_PRIVATE_URLS")
    public = "93.184.215.14"

    def resolve(host, port):
        return socket.getaddrinfo(public if host == "feeds.example.test" else host, port)

    class Internet(httpcore.SyncBackend):
        def connect_tcp(self, host, port, *args, **kwargs):
            return super().connect_tcp("127.0.0.1" if host == public else host, port, *args, **kwargs)

    guarded = functools.partial(outbound.guarded_client, resolver=resolve, network=Internet())
    monkeypatch.setattr(fetch_module, "guarded_client", guarded)
    record, returned, _ = import_url(f"http://feeds.example.test:{server.server_port}/to-private", shop)
    assert_failed_writing_nothing(
        record, returned, shop, tmp_path, ("marketplace.feed.private_address", {"host": "127.0.0.1"})
    )
    assert server.hits == ["/to-private"]
