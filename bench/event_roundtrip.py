"""Event round trips over the real websocket: a guarded handler vs. a trivial unguarded one.

A Socket.IO client talks to the real Reflex backend (uvicorn, in this process) exactly as
the browser does: it sends the session cookie var once, then times, per event, the
interval from emitting it to receiving the final state update.

Guarded:   TeamState.load — resolves the tenant from the URL, checks the module is enabled
           on the store's platform, loads the user's roles, checks the permission, then
           reads the team (one small query).
Unguarded: TeamState.set_dialog_open — sets one bool, no guard, no database.
"""

import os
import socket
import threading
import time
import uuid

ROUNDS = 300
WARMUP = 30


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run() -> dict:
    os.environ["REFLEX_SKIP_COMPILE"] = "true"  # the backend alone; no frontend build needed
    import socketio
    import uvicorn

    from bench.common import fresh_demo_database, percentiles

    fresh_demo_database()
    from modules.tenancy.services.auth import sign_in
    from orion_app.db import session_scope

    with session_scope() as session:
        token, _ = sign_in(session, "marie@cafe-lux.lu", "orion-demo-2026")

    from reflex.state import UpdateVarsInternalState

    from modules.tenancy.state.team import TeamState
    from orion_app.orion_app import app
    from orion_app.ui.state import OrionState

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app(), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)

    finals = threading.Event()
    seen: list[str] = []
    client = socketio.Client()

    @client.on("event", namespace="/_event")
    def _on_event(data):
        seen.append(str(data))
        if isinstance(data, dict) and data.get("final", True):
            finals.set()

    client.connect(
        f"http://127.0.0.1:{port}?token={uuid.uuid4()}",
        socketio_path="/_event",
        namespaces=["/_event"],
        transports=["websocket"],
    )
    router = {"pathname": "/store/cafe-lux/team", "asPath": "/store/cafe-lux/team"}

    def send(name: str, payload: dict) -> float:
        finals.clear()
        started = time.perf_counter()
        client.emit("event", {"name": name, "payload": payload, "router_data": router}, namespace="/_event")
        if not finals.wait(10):
            raise RuntimeError(f"No answer to {name}")
        return (time.perf_counter() - started) * 1000

    send(
        f"{UpdateVarsInternalState.get_full_name()}.update_vars_internal",
        {"vars": {f"{OrionState.get_full_name()}.session_token": token}},
    )
    guarded_name = f"{TeamState.get_full_name()}.load"
    trivial_name = f"{TeamState.get_full_name()}.set_dialog_open"
    send(guarded_name, {})
    if "luc@cafe-lux.lu" not in "".join(seen):
        raise RuntimeError("The guarded handler did not load the team; the benchmark would time a refusal.")
    samples: dict[str, list[float]] = {"guarded": [], "unguarded": []}
    for i in range(WARMUP + ROUNDS):
        # Interleave the two so drift on the machine hits both equally.
        guarded = send(guarded_name, {})
        trivial = send(trivial_name, {"value": False})
        if i >= WARMUP:
            samples["guarded"].append(guarded)
            samples["unguarded"].append(trivial)
    client.disconnect()
    server.should_exit = True
    thread.join(10)
    result = {name: percentiles(values) for name, values in samples.items()}
    result["ratio_p50"] = round(result["guarded"]["p50"] / result["unguarded"]["p50"], 2)
    result["ratio_p95"] = round(result["guarded"]["p95"] / result["unguarded"]["p95"], 2)
    return result
