"""A local HTTP server for tests that stand in for the outside world (feeds, photos, pages)."""

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class QuietHandler(BaseHTTPRequestHandler):
    """A request handler that does not print a line per request."""

    def log_message(self, *args):
        pass


@contextmanager
def local_server(handler: type[BaseHTTPRequestHandler]) -> Iterator[ThreadingHTTPServer]:
    """`handler` served on a free port of 127.0.0.1 until the block ends. `hits` is a list the
    handler may record requests in; clients that hang up are part of some tests, so the
    server does not print their errors."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.hits = []
    httpd.handle_error = lambda *args: None
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    try:
        yield httpd
    finally:
        httpd.shutdown()
        httpd.server_close()
