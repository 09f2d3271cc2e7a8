"""Which origins may call the backend with the session cookie: the deployment's own only.

Those are the platform domains (with `www.` and store sub-domains), the stores' custom
domains, both read from the database through the tenant directory, plus Reflex's
`deploy_url` and the `TRUSTED_ORIGINS` setting (e.g. the admin host). Reflex's default reflects
any origin with credentials; this replaces it for HTTP (CORS) and for the websocket
handshake. Ports are not compared: cookies do not tell ports apart either.
"""

import logging
from functools import lru_cache
from urllib.parse import urlsplit

from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp

from orion_app import access_cache
from orion_app.access import CachedDirectory, directory
from orion_app.settings import get_settings
from orion_app.tenant import normalise_host

log = logging.getLogger(__name__)


def _scheme_host(origin: str) -> tuple[str, str] | None:
    try:
        parts = urlsplit(origin.strip())
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.path not in ("", "/"):
        return None
    return parts.scheme, normalise_host(parts.hostname)


@lru_cache(maxsize=1)
def _trusted(configured: str, deploy_url: str) -> frozenset[tuple[str, str]]:
    origins = [o for o in configured.split(",") if o.strip()] + [deploy_url]
    return frozenset(filter(None, map(_scheme_host, origins)))


def _deploy_url() -> str:
    from reflex.config import get_config

    return get_config().deploy_url or ""


def allowed_origin(origin: str | None) -> bool:
    """Whether `origin` (scheme://host[:port]) belongs to this deployment."""
    if not origin:
        return False
    scheme_host = _scheme_host(origin)
    if scheme_host is None:
        return False
    if scheme_host in _trusted(get_settings().trusted_origins, _deploy_url()):
        return True
    try:
        access_cache.refresh()
        return CachedDirectory(directory()).resolve_host(scheme_host[1]) is not None
    except Exception:
        log.exception("Could not check the origin %r; refused.", origin)
        return False


class OrionCORSMiddleware(CORSMiddleware):
    """Starlette's CORS handling with the deployment's own origins as the only grant."""

    def __init__(self, app: ASGIApp) -> None:
        super().__init__(
            app, allow_origins=(), allow_methods=["*"], allow_headers=["*"], allow_credentials=True
        )

    def is_allowed_origin(self, origin: str) -> bool:
        return allowed_origin(origin)


def _add_cors(api) -> None:
    api.add_middleware(OrionCORSMiddleware)


def install_cors() -> None:
    """Make Reflex add Orion's CORS middleware wherever it would add its own.

    Reflex calls `App._add_cors` on each Starlette app it builds; there is no setting that
    takes a function, so the static method is replaced before the app is made.
    """
    from reflex.app import App

    App._add_cors = staticmethod(_add_cors)


def _websocket_origin_allowed(origin: str | None, environ: dict | None = None) -> bool:
    host = normalise_host((environ or {}).get("HTTP_HOST", ""))
    same_origin = bool(host) and (_scheme_host(origin or "") or ("", ""))[1] == host
    return same_origin or allowed_origin(origin)


def restrict_websocket_origins(app) -> None:
    """The Socket.IO handshake from a browser must come from one of our origins, too
    (or from the backend's own origin, as in a production build served on one port)."""
    app.sio.eio.cors_allowed_origins = _websocket_origin_allowed
