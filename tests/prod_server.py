"""A production server (`reflex run --env prod --single-port`, as `make serve` runs it) on a
database of its own, in its own web folder: for the first-response tests and benches."""

import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
START_SECONDS = 600


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(folder: Path, **settings: str) -> dict[str, str]:
    """The environment of a server whose database, photos and web build live in `folder`."""
    return {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{folder / 'orion.db'}",
        "MEDIA_DIR": str(folder / "media"),
        "REFLEX_WEB_WORKDIR": str(folder / "web"),
        "PATH": f"{ROOT / '.tools' / 'node_modules' / '.bin'}{os.pathsep}{os.environ['PATH']}",
        "REFLEX_USE_SYSTEM_BUN": "1",
        "REFLEX_TELEMETRY_ENABLED": "false",
        **settings,
    }


def seed(env: dict[str, str]) -> None:
    python = str(ROOT / ".venv" / "bin" / "python")
    for command in (["db", "upgrade"], ["seed-demo"]):
        subprocess.run(
            [python, "-m", "orion_app", *command], cwd=ROOT, env=env, check=True, capture_output=True
        )


@contextmanager
def production_server(env: dict[str, str], ready_path: str) -> Iterator[str]:
    """The server's base URL once `ready_path` answers 200; stopped (Ctrl-C) afterwards."""
    folder = Path(env["REFLEX_WEB_WORKDIR"]).parent
    port = free_port()
    log_path = folder / "reflex.log"
    with open(log_path, "w") as log:
        server = subprocess.Popen(
            [
                *(str(ROOT / ".venv" / "bin" / "reflex"), "run", "--env", "prod", "--single-port"),
                *("--frontend-port", str(port), "--backend-port", str(port)),
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base = f"http://localhost:{port}"
    try:
        deadline = time.monotonic() + START_SECONDS
        while True:
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("The production server did not start:\n" + log_path.read_text()[-3000:])
            try:
                if httpx.get(base + ready_path, timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            time.sleep(1)
        yield base
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(10)
