"""A switchable TCP proxy between the browser and the backend, like a load balancer.

The e2e frontend is built to talk to the proxy instead of the harness backend. A test can
send new connections to another backend process and cut the open ones, as a load balancer
does when a process goes away; the browser's websocket then reconnects to the new target.
"""

import contextlib
import socket
import threading

from reflex.testing import AppHarness


class SwitchingProxy:
    """Listens on a free port of 127.0.0.1 and forwards each new connection to `target`."""

    def __init__(self, target: tuple[str, int]):
        self.target = target
        self.accepted: dict[int, int] = {}  # target port -> connections forwarded there
        self._open: set[socket.socket] = set()
        self._lock = threading.Lock()
        self._server = socket.create_server(("127.0.0.1", 0))
        threading.Thread(target=self._accept, daemon=True).start()

    def getsockname(self) -> tuple[str, int]:
        return self._server.getsockname()

    def route_to(self, port: int) -> None:
        """New connections go to `port`; the open ones are cut, so clients reconnect."""
        self.target = ("127.0.0.1", port)
        with self._lock:
            sockets, self._open = self._open, set()
        for sock in sockets:
            _hang_up(sock)
            sock.close()

    def close(self) -> None:
        """Stop listening and cut every open connection."""
        self._server.close()
        self.route_to(self.target[1])

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._server.accept()
            except OSError:  # closed
                return
            target = self.target
            try:
                upstream = socket.create_connection(target, timeout=10)
            except OSError:
                client.close()
                continue
            upstream.settimeout(None)
            with self._lock:
                self._open.update((client, upstream))
                self.accepted[target[1]] = self.accepted.get(target[1], 0) + 1
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            _hang_up(source)
            _hang_up(sink)
            with self._lock:
                self._open.discard(source)
                self._open.discard(sink)


def _hang_up(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


class ProxiedHarness(AppHarness):
    """AppHarness whose frontend reaches the backend through a SwitchingProxy.

    AppHarness builds the frontend with `api_url` set to the address `_poll_for_servers`
    returns; returning the proxy there is the one seam it offers for this.
    """

    proxy: SwitchingProxy | None = None

    def _poll_for_servers(self, timeout=None):
        backend = super()._poll_for_servers(timeout)
        self.proxy = SwitchingProxy(backend.getsockname()[:2])
        return self.proxy

    def stop(self) -> None:
        # The backend waits for its open connections to end before it stops: a page a test
        # left open would keep one alive through the proxy, so the proxy cuts them first.
        if self.proxy is not None:
            self.proxy.close()
        super().stop()

    @property
    def backend_port(self) -> int:
        return self.backend.servers[0].sockets[0].getsockname()[1]
