"""The storefront's wire protocol, as a browser tab speaks it: what bench/storefront_load.py drives.

A tab is a Socket.IO connection to the backend's `/_event` endpoint. Its first page load is the
`hydrate_and_load` event carried in the namespace CONNECT packet (reflex_base's state.js
`bootAuth`, `initialEvents`), with the router data the browser fills in and the hashes of the
compiled `initialState`; a client-side navigation sends `on_load_internal` with the new router
data. A page load ends with the delta that sets `is_hydrated` true.

`Tab` uses python-socketio's threaded client (the checked visits, and tests that want every
message); `AsyncTab` speaks the Engine.IO 4 / Socket.IO 5 frames itself over an aiohttp
websocket, so that hundreds of tabs run in one asyncio loop for little CPU.
"""

import asyncio
import contextlib
import json
import os
import threading
import time
import uuid

GIVE_UP_S = 30.0
PLATFORM, STORE = "oms", "cafe-lux"
BASE = f"/platforms/{PLATFORM}/storefront/{STORE}/"
ROOT_STATE = "reflex___state____state"
HYDRATE = f"{ROOT_STATE}.hydrate_and_load"
ON_LOAD = f"{ROOT_STATE}.reflex___state____on_load_internal_state.on_load_internal"
HYDRATED = "is_hydrated_rx_state_"


def page(path: str, query: dict[str, str], params: dict[str, str] | None = None) -> dict:
    """The router data a browser sends for `BASE + path` (state.js `withRouterData`)."""
    search = "&".join(f"{k}={v}" for k, v in query.items())
    pathname = BASE + path
    return {
        "pathname": pathname,
        "asPath": pathname + (f"?{search}" if search else ""),
        "query": {**query, "platform": PLATFORM, "store": STORE, **(params or {})},
    }


# The per-state hashes of the compiled `initialState` that a browser sends with its first
# `hydrate_and_load` (reflex_base templates `initialEvents(first=True)`), so the backend sends
# only the vars that differ from the defaults the page already holds (set by `run`).
FRONTEND_HASHES: list[str] = []

HASHES_SCRIPT = """
import json
import orion_app.orion_app
from reflex.compiler.utils import compile_state
from reflex.state import State, state_snapshot_hashes
print(json.dumps(state_snapshot_hashes(compile_state(State))))
"""


def frontend_hashes(url: str) -> list[str]:
    """The hashes the compiled frontend holds, computed as `reflex compile` computes them."""
    import subprocess
    import sys

    from bench.common import ROOT

    env = {**os.environ, "DATABASE_URL": url}
    done = subprocess.run(
        [sys.executable, "-c", HASHES_SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


class Tab:
    """One browser tab: a Socket.IO connection whose page loads end with `is_hydrated` true."""

    def __init__(self, url: str, hashes: list[str] | None = None):
        import socketio

        self.url = url
        self.hashes = FRONTEND_HASHES if hashes is None else hashes
        self.hydrated = threading.Event()
        self.seen: list | None = None  # every message, when a check wants them
        self.client = socketio.Client(reconnection=False)
        self.client.on("event", self._on_event, namespace="/_event")

    def _on_event(self, data):
        if self.seen is not None:
            self.seen.append(data)
        delta = data.get("delta", {}) if isinstance(data, dict) else {}
        if delta.get(ROOT_STATE, {}).get(HYDRATED) is True:
            self.hydrated.set()

    def open(self, router: dict) -> float:
        started = time.perf_counter()
        self.hydrated.clear()
        self.client.connect(
            f"{self.url}?token={uuid.uuid4()}",
            socketio_path="/_event",
            namespaces=["/_event"],
            transports=["websocket"],
            auth={"event": {"name": HYDRATE, "payload": self._payload(), "router_data": router}},
            wait_timeout=GIVE_UP_S,
        )
        return self._wait(started)

    def _payload(self) -> dict:
        return {"hashes": self.hashes} if self.hashes else {}

    def navigate(self, router: dict) -> float:
        started = time.perf_counter()
        self.hydrated.clear()
        event = {"name": ON_LOAD, "payload": {}, "router_data": router}
        self.client.emit("event", event, namespace="/_event")
        return self._wait(started)

    def _wait(self, started: float) -> float:
        if not self.hydrated.wait(GIVE_UP_S):
            raise TimeoutError
        return (time.perf_counter() - started) * 1000

    def close(self) -> None:
        with contextlib.suppress(Exception):  # a connection that never opened has nothing to close
            self.client.disconnect()


class AsyncTab:
    """One browser tab as `Tab`, in asyncio, speaking the frames directly (see the module text)."""

    NAMESPACE = "/_event"

    def __init__(self, session, url: str):
        self.session = session
        self.url = url.replace("http://", "ws://", 1)
        self.ws = None
        self.reader = None
        self.hydrated = asyncio.Event()

    async def open(self, router: dict) -> float:
        started = time.perf_counter()
        self.ws = await self.session.ws_connect(
            f"{self.url}/_event/?EIO=4&transport=websocket&token={uuid.uuid4()}", autoping=False
        )
        opening = await self.ws.receive_str()
        if not opening.startswith("0"):
            raise ConnectionError(f"Engine.IO open expected, got {opening[:80]}")
        auth = {"event": {"name": HYDRATE, "payload": _hashes_payload(), "router_data": router}}
        self.hydrated.clear()
        self.reader = asyncio.ensure_future(self._read())
        await self.ws.send_str(f"40{self.NAMESPACE},{json.dumps(auth, separators=(',', ':'))}")
        return await self._wait(started)

    async def navigate(self, router: dict) -> float:
        started = time.perf_counter()
        self.hydrated.clear()
        event = ["event", {"name": ON_LOAD, "payload": {}, "router_data": router}]
        await self.ws.send_str(f"42{self.NAMESPACE},{json.dumps(event, separators=(',', ':'))}")
        return await self._wait(started)

    async def _read(self) -> None:
        prefix = f"42{self.NAMESPACE},"
        async for message in self.ws:
            text = message.data
            if not isinstance(text, str):
                continue
            if text == "2":  # the server's ping
                await self.ws.send_str("3")
            elif text.startswith(prefix):
                _, data = json.loads(text[len(prefix) :])[:2]
                delta = data.get("delta", {}) if isinstance(data, dict) else {}
                if delta.get(ROOT_STATE, {}).get(HYDRATED) is True:
                    self.hydrated.set()
            elif text.startswith(f"44{self.NAMESPACE}"):
                raise ConnectionRefusedError(text[:200])

    async def _wait(self, started: float) -> float:
        waiter = asyncio.ensure_future(self.hydrated.wait())
        done, _ = await asyncio.wait(
            {waiter, self.reader}, timeout=GIVE_UP_S, return_when=asyncio.FIRST_COMPLETED
        )
        if waiter not in done:
            waiter.cancel()
            if self.reader in done and self.reader.exception() is not None:
                raise self.reader.exception()
            if self.reader in done:
                raise ConnectionError("the backend closed the websocket")
            raise TimeoutError
        return (time.perf_counter() - started) * 1000

    async def close(self) -> None:
        if self.reader is not None:
            self.reader.cancel()
        if self.ws is not None:
            with contextlib.suppress(Exception):
                await self.ws.close()


def _hashes_payload() -> dict:
    return {"hashes": FRONTEND_HASHES} if FRONTEND_HASHES else {}
