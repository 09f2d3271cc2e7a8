"""The websocket's messages encoded by orjson are the JSON Reflex's own encoder writes."""

import dataclasses
import datetime
import decimal
import enum
import json
import uuid
from collections import namedtuple

import pytest
from reflex_base.utils.format import json_dumps

from orion_app.ui.socket import dumps


class Colour(enum.Enum):
    RED = 1


class Word(enum.StrEnum):
    YES = "oui"


@dataclasses.dataclass
class Line:
    sku: str
    when: datetime.date


Pair = namedtuple("Pair", "a b")

SAME = [
    {"delta": {"state.shop": {"items_rx_state_": [{"title": "Café ü \u2028", "price": "12,50 €"}]}}},
    ["event", {"name": "x", "payload": {"n": 1, "f": 2.5, "none": None, "ok": True}}],
    {1: "int key", None: "none key", 2.5: "float key", False: "bool key"},
    datetime.datetime(2026, 11, 30, 7, 4, 5),
    datetime.date(2026, 11, 30),
    datetime.time(7, 4),
    datetime.timedelta(seconds=90),
    Colour.RED,
    Word.YES,
    Line("A-1", datetime.date(2026, 1, 1)),
    Pair(1, "b"),
    (1, (2, 3)),
    {"tags": {"only"}},
    uuid.UUID("12345678-1234-5678-1234-567812345678"),
    decimal.Decimal("12.50"),
    2**70,  # beyond orjson's 64 bits: Reflex's encoder writes it
    [[[[1]]]],
    -0.0,
    1e16,
    "",
]


@pytest.mark.parametrize("value", SAME, ids=range(len(SAME)))
def test_same_json_as_reflex(value):
    ours = dumps(value, separators=(",", ":"))
    reflex = json_dumps(value, separators=(",", ":"))
    assert json.loads(ours) == json.loads(reflex)
    if not isinstance(value, float):  # float text may differ in form (1e16), never in value
        assert ours == reflex


def test_nan_is_null_not_invalid_json():
    # The standard encoder writes NaN, which JSON.parse (the browser) refuses.
    assert dumps({"x": float("nan")}) == '{"x":null}'


def test_installed_on_the_socket_server():
    from orion_app.orion_app import app

    assert app.sio.packet_class.json.dumps is dumps


def test_the_event_websocket_skips_the_http_middleware(monkeypatch):
    """What the server runs (`app()`) sends a websocket for /_event straight to Socket.IO,
    and everything else (HTTP, lifespan, other websockets) through Reflex's whole stack."""
    import asyncio

    from orion_app.orion_app import app
    from orion_app.ui.socket import WebsocketFastPath

    monkeypatch.setenv("__REFLEX_SKIP_COMPILE", "true")
    entry = app()
    assert isinstance(entry, WebsocketFastPath) and entry.socket_mount.path == "/_event"
    seen = []

    async def record(name, scope, receive, send):
        seen.append((name, scope["type"], scope["path"]))

    monkeypatch.setattr(entry, "asgi_app", lambda *a: record("stack", *a))
    monkeypatch.setattr(entry.socket_mount, "app", lambda *a: record("socket", *a))

    async def calls():
        for kind, path in (("websocket", "/_event/"), ("http", "/_event/"), ("websocket", "/other")):
            await entry({"type": kind, "path": path, "root_path": "", "headers": []}, None, None)

    asyncio.run(calls())
    assert seen == [
        ("socket", "websocket", "/_event/"),
        ("stack", "http", "/_event/"),
        ("stack", "websocket", "/other"),
    ]
