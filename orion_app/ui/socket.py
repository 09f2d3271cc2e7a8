"""The websocket namespace: Reflex's own, except that the session cookie stays out of state.

Reflex copies the handshake's headers into every state's router data, which is pickled
into the state store. The session token is taken out of the `Cookie` header first and kept
in this process's memory (`orion_app.session_cookie`), keyed by the socket id (and so are
the other private cookies, such as shoppers' per-store sessions); a socket
lives in one process, and so do the events that arrive on it.
"""

import reflex as rx
from reflex.app import EventNamespace
from reflex_base import constants

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


def install_namespace(app: rx.App) -> None:
    """Serve `/_event` with `OrionEventNamespace` instead of Reflex's default one."""
    current = app.event_namespace
    namespace = OrionEventNamespace(current.namespace, app)
    app._event_namespace = namespace
    app.sio.register_namespace(namespace)
