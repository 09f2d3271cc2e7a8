"""The thin base state: the viewer's language, and where the session token comes from."""

import math

import reflex as rx

from orion_app.session_cookie import private_cookie, token_for_socket

LANGUAGE_COOKIE = "orion_lang"


class OrionState(rx.State):
    """Parent of every Orion state; holds only what all pages share."""

    lang_choice: str = rx.Cookie("", name=LANGUAGE_COOKIE, same_site="lax", max_age=60 * 60 * 24 * 365)
    lang: str = "en"

    def _session_token(self) -> str:
        """The session token of this websocket's handshake (never part of the state)."""
        return token_for_socket(self.router.session.session_id)

    def _private_cookie(self, *names: str) -> str:
        """A private cookie (`session_cookie.PRIVATE_PREFIXES`) of this websocket's handshake."""
        return private_cookie(self.router.session.session_id, names)

    def _location(self) -> tuple[str, str]:
        """The browser's path and host (the Host header the page was loaded with)."""
        url = self.router.url
        return url.path or "/", url.netloc

    def _segment(self, index: int) -> str:
        """The `index`-th segment of the browser path (0 is the first after `/`)."""
        parts = [p for p in self._location()[0].split("/") if p]
        return parts[index] if index < len(parts) else ""


class PagedMixin(rx.State, mixin=True):
    """A list shown a page at a time: `total` rows, page `page_number` of `page_count`."""

    total: int = 0
    page_number: int = 1
    page_count: int = 1

    def _count_pages(self, per_page: int) -> None:
        """`page_count` for `total` rows at `per_page` a page (at least one page)."""
        self.page_count = max(1, math.ceil(self.total / per_page))
