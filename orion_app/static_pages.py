"""Prerendered pages answer at their own URL, without a trailing slash.

A production build writes each static route as `<route>/index.html`; Starlette's static
files (which Reflex mounts on the backend's port in production) answer `/products` with a
307 to `/products/`. Orion's links and sitemaps never use the slash form (product URLs with
a slash redirect to the form without it), so the listing would cost every shopper and
crawler a redirect. This middleware hands such a request to the static files as the slash
form, and the address bar keeps the URL that was asked for.
"""

from pathlib import Path

from starlette.types import ASGIApp, Receive, Scope, Send


def _static_dir() -> Path | None:
    """The compiled frontend Reflex serves on this port, or None when it serves none."""
    from reflex import constants
    from reflex.config import get_config
    from reflex.utils import prerequisites
    from reflex_base.environment import environment

    if not environment.REFLEX_MOUNT_FRONTEND_COMPILED_APP.get():
        return None
    frontend_path = get_config().frontend_path.strip("/")
    return (prerequisites.get_web_dir() / constants.Dirs.STATIC / frontend_path).resolve()


def prerendered(path: str) -> bool:
    """Whether `path` (no trailing slash, no file extension) is a prerendered page."""
    static = _static_dir()
    if static is None or path.endswith("/") or "." in path.rsplit("/", 1)[-1]:
        return False
    index = (static / path.lstrip("/") / "index.html").resolve()
    return index.is_relative_to(static) and index.is_file()


class PrerenderedWithoutSlash:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] in ("GET", "HEAD") and prerendered(scope["path"]):
            scope = {**scope, "path": scope["path"] + "/", "raw_path": scope.get("raw_path", b"") + b"/"}
        await self.app(scope, receive, send)
