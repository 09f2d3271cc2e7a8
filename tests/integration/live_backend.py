"""A real Orion backend in its own process, and a raw Socket.IO client that talks to it.

The client speaks the wire format the browser uses (`/_event`, `event` messages with
`name`, `payload`, `router_data`), so tests can send any handler any payload, exactly as a
hostile client could. The backend's own /metrics tells whether the guard refused.
"""

import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid

import httpx
import socketio

from tests.conftest import ROOT

SERVER = """
import os, uvicorn
os.environ["__REFLEX_SKIP_COMPILE"] = "true"
from orion_app.orion_app import app
uvicorn.run(app(), host="127.0.0.1", port=int(os.environ["PORT"]), log_level="warning")
"""

# What `reflex run --env prod` (make run) serves with: Granian, ASGI, one worker process that
# the Granian supervisor forks (reflex.utils.exec.run_granian_backend_prod).
GRANIAN = """
import os
os.environ["__REFLEX_SKIP_COMPILE"] = "true"
from granian.constants import Interfaces
from granian.log import LogLevels
from granian.server import Server
Server(
    target="orion_app.orion_app:app", factory=True, address="127.0.0.1", port=int(os.environ["PORT"]),
    interface=Interfaces.ASGI, workers=1, log_level=LogLevels.warning,
).serve()
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Backend:
    """`python -c SERVER` on a free port, with this test run's database and Redis prefix
    (`server="granian"`: as production serves it, see GRANIAN)."""

    def __init__(self, server: str = "uvicorn", **extra_env: str):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        # Its own (unused) web folder: a backend alone compiles nothing, and must never race
        # the end-to-end tests' frontend build in the project's .web.
        env = {
            **os.environ,
            "PORT": str(self.port),
            "REFLEX_WEB_WORKDIR": tempfile.mkdtemp(prefix="orion-web-"),
            **extra_env,
        }
        self.process = subprocess.Popen(
            [sys.executable, "-c", GRANIAN if server == "granian" else SERVER],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"The backend stopped: {self.process.stderr.read().decode()[-2000:]}")
            try:
                if httpx.get(f"{self.url}/ping", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("The backend did not start within 120 s.")

    def worker_pid(self) -> int:
        """The process that serves the requests: Granian's worker, or uvicorn's one process."""
        import psutil

        children = psutil.Process(self.process.pid).children()
        return children[0].pid if children else self.process.pid

    def refusals(self) -> float:
        """How many handler refusals the backend has counted so far (all verdicts)."""
        text = httpx.get(f"{self.url}/metrics", timeout=5).text
        pattern = r'^orion_guard_refusals_total\{kind="handler",verdict="[a-z_]+"\} ([0-9.e+]+)$'
        return sum(float(v) for v in re.findall(pattern, text, flags=re.M))

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()


class EventClient:
    """One browser tab: a websocket opened with (or without) a session cookie."""

    def __init__(self, backend: Backend, token: str = "", cookie: str = "orion_session", tab: str = ""):
        self.backend = backend
        self.updates: list = []
        self._last_update = 0.0
        self._final = threading.Event()
        self._arrived = threading.Event()
        self.client = socketio.Client()
        self.client.on("event", self._on_event, namespace="/_event")
        headers = {"Cookie": f"{cookie}={token}"} if token else {}
        self.client.connect(
            f"{backend.url}?token={tab or uuid.uuid4()}",
            socketio_path="/_event",
            namespaces=["/_event"],
            transports=["websocket"],
            headers=headers,
        )

    def _on_event(self, data):
        self.updates.append(data)
        self._last_update = time.monotonic()
        self._arrived.set()
        if isinstance(data, dict) and data.get("final", True):
            self._final.set()

    def _settle(self, quiet: float = 0.25) -> None:
        """Wait until no update has come for `quiet` seconds: one event's answer may come as
        several messages (the router's delta, then the handler's delta and events), each
        looking final."""
        while time.monotonic() - self._last_update < quiet:
            time.sleep(0.05)

    def send(self, name: str, payload: dict, path: str, *, wait: bool = True, timeout: float = 15) -> list:
        """Send one event as if from the page at `path`; the updates up to its final one.

        A handler that changes nothing gets no answer at all: send it with `wait=False`,
        then `barrier()` to know it has been processed (a tab's events run in order).
        """
        self._final.clear()
        start = len(self.updates)
        router = {"pathname": path, "asPath": path}
        self.client.emit(
            "event", {"name": name, "payload": payload, "router_data": router}, namespace="/_event"
        )
        if wait:
            if not self._final.wait(timeout):
                raise TimeoutError(f"No answer to {name}")
            self._settle()
        return self.updates[start:]

    def barrier(self, timeout: float = 15) -> None:
        """Return once every event sent before has been processed.

        A tab's events run one after the other, and each sends its delta before its events:
        once the reload script of the language switch sent last has come, every event sent
        before it has been processed and answered. No waiting for quiet (0.25 s an event).
        """
        from orion_app.ui.shell import ShellState

        self._language = "fr" if getattr(self, "_language", "") != "fr" else "en"
        start = len(self.updates)
        self.send(
            f"{ShellState.get_full_name()}.switch_language", {"lang": self._language}, "/admin/", wait=False
        )
        deadline = time.monotonic() + timeout
        while True:
            self._arrived.clear()
            if any(_reloads(update) for update in self.updates[start:]):
                return
            if time.monotonic() > deadline:
                raise TimeoutError("No answer to the language switch")
            self._arrived.wait(0.05)

    def close(self) -> None:
        self.client.disconnect()


def _reloads(update) -> bool:
    """Whether `update` carries the page reload `ShellState.switch_language` answers with."""
    events = update.get("events", []) if isinstance(update, dict) else []
    return any(
        event.get("name") == "_call_script"
        and "searchParams.delete('lang')" in str(event.get("payload", {}).get("javascript_code", ""))
        for event in events
    )


def demo_backend(tmp_path_factory):
    """(backend, session tokens of marie, luc, jean and ada) on a fresh seeded SQLite database,
    for a module-scoped fixture: `yield from demo_backend(tmp_path_factory)`."""
    from modules.tenancy.services.auth import sign_in
    from orion_app.db import session_scope
    from tests.conftest import _activate, migrated_database

    databases = _activate(migrated_database("sqlite", tmp_path_factory, seeded=True))
    next(databases)
    people = {
        "marie": "marie@cafe-lux.lu",
        "luc": "luc@cafe-lux.lu",
        "jean": "jean@velo.lu",
        "ada": "admin@orion.lu",
    }
    with session_scope() as session:
        tokens = {who: sign_in(session, email, "orion-demo-2026")[0] for who, email in people.items()}
    backend = Backend()
    try:
        yield backend, tokens
    finally:
        backend.stop()
        next(databases, None)


def handler(state, name: str) -> str:
    """The full event name of `state`'s handler `name`."""
    return f"{state.get_full_name()}.{name}"
