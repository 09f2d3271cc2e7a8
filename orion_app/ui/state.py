"""The thin base state: the sign-in cookie and the viewer's language."""

import reflex as rx

SESSION_COOKIE = "orion_session"
LANGUAGE_COOKIE = "orion_lang"


class OrionState(rx.State):
    """Parent of every Orion state; holds only what all pages share."""

    session_token: str = rx.Cookie("", name=SESSION_COOKIE, same_site="lax", max_age=60 * 60 * 24 * 7)
    lang_choice: str = rx.Cookie("", name=LANGUAGE_COOKIE, same_site="lax", max_age=60 * 60 * 24 * 365)
    lang: str = "en"

    def _location(self) -> tuple[str, str]:
        """The browser's path and host (the Host header the page was loaded with)."""
        url = self.router.url
        return url.path or "/", url.netloc

    def _segment(self, index: int) -> str:
        """The `index`-th segment of the browser path (0 is the first after `/`)."""
        parts = [p for p in self._location()[0].split("/") if p]
        return parts[index] if index < len(parts) else ""
