"""The session cookie: its names and attributes, and the token each websocket arrived with.

The cookie is HttpOnly: page scripts never see it, so it cannot be part of Reflex state.
Only HTTP endpoints set or clear it (`orion_app/auth_api.py`). The backend learns the token
from the cookies of the websocket handshake; `OrionEventNamespace` takes it out of the
connection's headers before Reflex copies them into state, and keeps it here, in this
process's memory, keyed by the socket id. So the token never reaches client state, deltas,
logs or the pickled state files.
"""

from collections.abc import Mapping
from http.cookies import CookieError, SimpleCookie

from orion_app.settings import get_settings

COOKIE = "orion_session"
# `__Host-`: the browser accepts it only with Secure, Path=/ and no Domain, so no
# sub-domain and no plain-HTTP page can plant or overwrite it.
SECURE_COOKIE = "__Host-orion_session"
NAMES = (SECURE_COOKIE, COOKIE)
# Other HttpOnly credentials kept out of state the same way, by name prefix (a module's own
# sessions, e.g. one cookie per store for shoppers, and the guest cart's token per store);
# `private_cookie` hands them out.
PRIVATE_PREFIXES = ("orion_shopper_", "__Host-orion_shopper_", "orion_cart_", "__Host-orion_cart_")

_socket_tokens: dict[str, str] = {}
_socket_private: dict[str, dict[str, str]] = {}


def is_private(name: str) -> bool:
    """Whether a cookie is a credential that must never reach state."""
    return name in NAMES or name.startswith(PRIVATE_PREFIXES)


def cookie_name(secure: bool) -> str:
    return SECURE_COOKIE if secure else COOKIE


def is_secure(scheme: str) -> bool:
    """Secure whenever the request came over HTTPS, or when the deployment says so."""
    return scheme == "https" or get_settings().session_cookie_secure


def cookie_attributes(secure: bool) -> dict:
    """Keyword arguments for Starlette's `Response.set_cookie`."""
    return {
        "key": cookie_name(secure),
        "max_age": get_settings().session_ttl_hours * 3600,
        "path": "/",
        "secure": secure,
        "httponly": True,
        "samesite": "lax",
    }


def token_from_cookies(cookies: Mapping[str, str]) -> str:
    """The session token among parsed cookies (the `__Host-` one wins)."""
    return next((cookies[name] for name in NAMES if cookies.get(name)), "")


def split_cookie_header(header: str) -> tuple[str, str, dict[str, str]]:
    """(session token, the header without any private cookie, the other private cookies by
    name) of a raw `Cookie:` header."""
    if not header:
        return "", "", {}
    jar = SimpleCookie()
    try:
        jar.load(header)
    except CookieError:
        return "", header, {}
    cookies = {name: morsel.value for name, morsel in jar.items()}
    token = token_from_cookies(cookies)
    private = {name: value for name, value in cookies.items() if is_private(name) and name not in NAMES}
    rest = "; ".join(
        part.strip() for part in header.split(";") if not is_private(part.strip().split("=", 1)[0])
    )
    return token, rest, private


def remember_socket(sid: str, token: str, private: dict[str, str] | None = None) -> None:
    if token:
        _socket_tokens[sid] = token
    if private:
        _socket_private[sid] = dict(private)


def forget_socket(sid: str) -> None:
    _socket_tokens.pop(sid, None)
    _socket_private.pop(sid, None)


def private_cookie(sid: str, names: tuple[str, ...]) -> str:
    """The first of the private cookies `names` the websocket `sid` was opened with ('' when none)."""
    cookies = _socket_private.get(sid, {})
    return next((cookies[name] for name in names if cookies.get(name)), "")


def token_for_socket(sid: str) -> str:
    """The session token the websocket `sid` was opened with ('' when none)."""
    return _socket_tokens.get(sid, "")
