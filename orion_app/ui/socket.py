"""The websocket namespace: Reflex's own, except that the session cookie stays out of state.

Reflex copies the handshake's headers into every state's router data, which is pickled
into the state store. The session token is taken out of the `Cookie` header first and kept
in this process's memory (`orion_app.session_cookie`), keyed by the socket id (and so are
the other private cookies, such as shoppers' per-store sessions); a socket
lives in one process, and so do the events that arrive on it.

Outgoing messages are encoded with orjson instead of the standard library's encoder (a
storefront page load spent ~5 % of its CPU in `json.JSONEncoder`). The result is the same
JSON: values orjson would write differently from Reflex's encoder (datetimes, dataclasses,
tuple subclasses) go to Reflex's serializers as before, and a message orjson refuses
(an integer beyond 64 bits, nesting deeper than 254) is encoded by Reflex's encoder. One
difference is deliberate: a NaN or infinite float becomes `null`, where the standard
encoder wrote `NaN`, which the browser's JSON.parse rejects along with the whole message.
"""

from types import SimpleNamespace
from typing import Any

import orjson
import reflex as rx
from reflex import app as reflex_app
from reflex.app import EventNamespace
from reflex_base import constants
from reflex_base.config import get_config
from reflex_base.utils.serializers import serialize
from starlette.routing import Match, Mount

from orion_app.session_cookie import forget_socket, remember_socket, split_cookie_header


class OrionEventNamespace(EventNamespace):
    def _build_static_router_data(self, sid: str, environ: dict) -> dict:
        data = super()._build_static_router_data(sid, environ)
        headers = data[constants.RouteVar.HEADERS]
        token, rest, private = split_cookie_header(headers.get("cookie", ""))
        remember_socket(sid, token, private)
        if rest:
            headers["cookie"] = rest
        else:
            headers.pop("cookie", None)
        return data

    def on_disconnect(self, sid: str):
        forget_socket(sid)
        return super().on_disconnect(sid)


_ORJSON_OPTIONS = orjson.OPT_NON_STR_KEYS | orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS


def _default(value: Any) -> Any:
    """What Reflex's encoder does with a value JSON has no type for (json writes any tuple,
    subclasses included, as an array)."""
    if isinstance(value, tuple):
        return list(value)
    return serialize(value)


def dumps(obj: Any, **kwargs: Any) -> str:
    """A Socket.IO message as Reflex's `_sio_dumps` writes it, encoded by orjson."""
    if reflex_app.otel.enabled:  # Reflex then also records the message's size
        return reflex_app._sio_dumps(obj, **kwargs)
    try:
        return orjson.dumps(obj, default=_default, option=_ORJSON_OPTIONS).decode()
    except (orjson.JSONEncodeError, TypeError):
        return reflex_app._sio_dumps(obj, **kwargs)


def install_namespace(app: rx.App) -> None:
    """Serve `/_event` with `OrionEventNamespace` instead of Reflex's default one, and encode
    its messages with `dumps`."""
    current = app.event_namespace
    namespace = OrionEventNamespace(current.namespace, app)
    app._event_namespace = namespace
    app.sio.register_namespace(namespace)
    app.sio.packet_class.json = SimpleNamespace(dumps=dumps, loads=app.sio.packet_class.json.loads)


class WebsocketFastPath:
    """The app's ASGI entry: a websocket for `/_event` goes straight to the Socket.IO app,
    with the Reflex contexts set as Reflex's `_ContextMiddleware` sets them; everything else
    (HTTP, lifespan) goes through the whole stack as before.

    Every message a tab is sent passed through each middleware's `send` wrapper (Starlette's
    exception handling, Orion's HTTP error pages, the server-rendered pages, Reflex's
    header fix-up), and a storefront visit sends several; none of them acts on a websocket
    (CORS and the error pages are HTTP-only; the websocket's origin check is Engine.IO's own,
    `orion_app.cors.restrict_websocket_origins`; Reflex's header fix-up is kept, being part
    of the mounted Socket.IO app)."""

    def __init__(self, reflex_app: rx.App, asgi_app, socket_mount: Mount):
        self.reflex_app, self.asgi_app, self.socket_mount = reflex_app, asgi_app, socket_mount

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "websocket":
            match, child_scope = self.socket_mount.matches(scope)
            if match == Match.FULL:
                self.reflex_app._set_contexts_internal()
                await self.socket_mount.app({**scope, **child_scope}, receive, send)
                return
        await self.asgi_app(scope, receive, send)


def websocket_fast_path(reflex_app: rx.App, asgi_app):
    """`asgi_app` (what Reflex built) behind `WebsocketFastPath`; as it is when Reflex's
    OpenTelemetry middleware is on (it traces websockets too)."""
    from reflex import app as reflex_app_module

    if reflex_app_module.otel.asgi_middleware is not None:
        return asgi_app
    endpoint = get_config().prepend_backend_path(str(constants.Endpoint.EVENT))
    mount = next(
        route for route in reflex_app._api.routes if isinstance(route, Mount) and route.path == endpoint
    )
    return WebsocketFastPath(reflex_app, asgi_app, mount)
