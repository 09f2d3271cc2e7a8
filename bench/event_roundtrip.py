"""Event round trips over the real websocket: the same handler, guarded and unguarded.

A Socket.IO client talks to the real Reflex backend (uvicorn, in this process) exactly as
the browser does, with the session cookie in the websocket handshake, and times, per event,
the interval from emitting it to receiving the final state update.

The two handlers have the same body (store one number); one is `@guarded` (tenant from the
URL, module enabled on the platform, session, role and permission, through the access
cache), the other `@ui_only`. The SQL statements the guarded rounds ran are counted.
A third series times TeamState.load, a real guarded page load that also reads the team.
"""

import os
import random
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
    os.environ["__REFLEX_SKIP_COMPILE"] = "true"  # the backend alone; no frontend build needed
    import socketio
    import uvicorn

    from bench.common import fresh_demo_database, percentiles

    fresh_demo_database()
    from modules.tenancy.services.auth import sign_in
    from orion_app.db import session_scope

    with session_scope() as session:
        token, _ = sign_in(session, "marie@cafe-lux.lu", "orion-demo-2026")

    import reflex as rx
    from sqlalchemy import event

    from modules.tenancy.state.team import TeamState
    from orion_app.db import get_engine
    from orion_app.orion_app import app
    from orion_app.ui.guard import guarded, ui_only
    from orion_app.ui.state import OrionState

    class BenchEchoState(OrionState):
        value: int = 0

        @rx.event
        @guarded("tenancy.team.view", module="tenancy")
        def guarded_store(self, value: int):
            self.value = value

        @rx.event
        @ui_only
        def plain_store(self, value: int):
            self.value = value

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
        headers={"Cookie": f"orion_session={token}"},
    )
    router = {"pathname": "/store/cafe-lux/team", "asPath": "/store/cafe-lux/team"}

    def send(name: str, payload: dict) -> float:
        finals.clear()
        started = time.perf_counter()
        client.emit("event", {"name": name, "payload": payload, "router_data": router}, namespace="/_event")
        if not finals.wait(10):
            raise RuntimeError(f"No answer to {name}")
        return (time.perf_counter() - started) * 1000

    team_name = f"{TeamState.get_full_name()}.load"
    send(team_name, {})
    if "luc@cafe-lux.lu" not in "".join(seen):
        raise RuntimeError("The guarded handler did not load the team; the benchmark would time a refusal.")
    echo = BenchEchoState.get_full_name()
    counting, statements = False, 0

    def count(*_args):
        nonlocal statements
        statements += counting

    event.listen(get_engine(), "before_cursor_execute", count)
    samples: dict[str, list[float]] = {"guarded": [], "unguarded": [], "team_load": []}
    calls = {
        "guarded": lambda i: send(f"{echo}.guarded_store", {"value": 2 * i + 1}),
        "unguarded": lambda i: send(f"{echo}.plain_store", {"value": 2 * i + 2}),
        "team_load": lambda i: send(team_name, {}),
    }
    order = random.Random(7)
    for i in range(WARMUP + ROUNDS):
        # Interleaved, in a new random order each round, so neither drift on the machine nor
        # the work the previous event left behind favours one series; distinct values so
        # every round changes the state and gets an answer.
        for name in order.sample(list(calls), len(calls)):
            counting = name == "guarded" and i >= WARMUP  # SQL run by the guarded rounds only
            elapsed = calls[name](i)
            counting = False
            if i >= WARMUP:
                samples[name].append(elapsed)
    event.remove(get_engine(), "before_cursor_execute", count)
    client.disconnect()
    server.should_exit = True
    thread.join(10)
    result = {name: percentiles(values) for name, values in samples.items()}
    result["ratio_p50"] = round(result["guarded"]["p50"] / result["unguarded"]["p50"], 2)
    result["ratio_p95"] = round(result["guarded"]["p95"] / result["unguarded"]["p95"], 2)
    result["sql_statements_per_guarded_event"] = round(statements / ROUNDS, 3)
    return result
