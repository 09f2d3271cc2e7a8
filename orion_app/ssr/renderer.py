"""The page renderer process: React Router's request handler over the production build, in bun.

One renderer per backend process, started on the first server-rendered request and
stopped with the backend (it also dies with it: PR_SET_PDEATHSIG). It listens on a Unix
socket in a private temporary folder. When no production build is there (development
mode, `reflex run` without `--env prod`) or bun cannot start, `available()` is False and
pages are served as before, by the single-page fallback: rendering is an improvement of
the first response, never a condition for serving a page.
"""

import asyncio
import atexit
import contextlib
import ctypes
import json
import logging
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import httpx

from orion_app.settings import PROJECT_ROOT

log = logging.getLogger(__name__)

SCRIPT = Path(__file__).with_name("render.mjs")
START_SECONDS = 20.0
RETRY_AFTER_SECONDS = 30.0  # after a failed start, serve the fallback this long before trying again
RENDER_TIMEOUT_SECONDS = 10.0


def web_dir() -> Path:
    from reflex.utils import prerequisites

    return prerequisites.get_web_dir()


def server_build() -> Path | None:
    """The production server build, when this backend serves a production frontend."""
    from reflex_base.environment import environment

    if not environment.REFLEX_MOUNT_FRONTEND_COMPILED_APP.get():
        return None
    build = web_dir() / "build" / "server" / "index.js"
    return build if build.is_file() else None


def bun_executable() -> str | None:
    local = PROJECT_ROOT / ".tools" / "node_modules" / ".bin" / "bun"
    return str(local) if local.exists() else shutil.which("bun")


def _die_with_parent() -> None:
    """In the child, before exec: get SIGTERM when the backend process dies."""
    with contextlib.suppress(Exception):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


class Renderer:
    def __init__(self) -> None:
        self._process: subprocess.Popen | None = None
        self._client: httpx.AsyncClient | None = None
        self._socket = ""
        self._lock = asyncio.Lock()
        self._failed_at = 0.0
        self._pid = 0

    def available(self) -> bool:
        """Whether rendering is worth trying now (a build exists, no recent failed start)."""
        return server_build() is not None and time.monotonic() - self._failed_at > RETRY_AFTER_SECONDS

    async def render(self, url: str, states_json: str) -> tuple[int, str]:
        """(status, HTML) of `url` rendered with the given states (JSON, as Reflex sends them)."""
        client = await self._running()
        body = '{"url": ' + json.dumps(url) + ', "state": ' + states_json + "}"
        response = await client.post(
            "http://renderer/", content=body.encode(), timeout=RENDER_TIMEOUT_SECONDS
        )
        return response.status_code, response.text

    async def _running(self) -> httpx.AsyncClient:
        if self._pid == os.getpid() and self._process is not None and self._process.poll() is None:
            return self._client
        async with self._lock:
            if self._pid != os.getpid() or self._process is None or self._process.poll() is not None:
                try:
                    await self._start()
                except Exception:
                    self._failed_at = time.monotonic()
                    raise
        return self._client

    async def _start(self) -> None:
        self.stop()
        build, bun = server_build(), bun_executable()
        if build is None or bun is None:
            raise RuntimeError("No production server build or no bun: pages are served unrendered.")
        folder = Path(build).parent.parent.parent  # <web>/build/server/index.js -> <web>
        script = folder / "orion_render.mjs"
        script.write_text(SCRIPT.read_text())
        self._socket = str(Path(tempfile.mkdtemp(prefix="orion-render-")) / "render.sock")
        self._process = subprocess.Popen(
            [bun, str(script), str(build), self._socket],
            cwd=folder,
            stdout=subprocess.DEVNULL,
            stderr=None,
            preexec_fn=_die_with_parent,
        )
        self._pid = os.getpid()
        self._client = httpx.AsyncClient(transport=httpx.AsyncHTTPTransport(uds=self._socket))
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"The page renderer exited with code {self._process.returncode}.")
            with contextlib.suppress(httpx.TransportError):
                if (await self._client.get("http://renderer/", timeout=1.0)).status_code == 200:
                    log.info("Page renderer %s started for %s", self._process.pid, build)
                    return
            await asyncio.sleep(0.05)
        raise RuntimeError(f"The page renderer did not answer within {START_SECONDS:.0f} s.")

    def stop(self) -> None:
        if self._process is not None and self._pid == os.getpid() and self._process.poll() is None:
            self._process.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._process.wait(timeout=5)
        self._process = None
        if self._socket:
            with contextlib.suppress(OSError):
                os.unlink(self._socket)
                os.rmdir(os.path.dirname(self._socket))


renderer = Renderer()
atexit.register(renderer.stop)
