"""Public CMS pages: a store's pages (`p/<slug>`), the platform site's pages (`about`,
`contact`, `pages/<slug>`), and the header/footer links every public page shows.

All load on the page guard's decision, so the first HTML response already holds them
(orion_app/ssr: the page's load events run on the server)."""

import reflex as rx

from modules.cms.services.contact import ContactInput, send_contact
from modules.cms.services.resolve import Visitor, find_page, language_order, site_menus
from orion_app.db import run_blocking, session_scope
from orion_app.errors import FieldErrors, ServiceError
from orion_app.i18n import translate
from orion_app.registry import Frontend
from orion_app.ui.guard import current_access, public, ui_only
from orion_app.ui.shell import ShellState
from orion_app.ui.state import OrionState

PUBLIC_SITES = (Frontend.STOREFRONT, Frontend.PLATFORM)


def visitor_of(access, lang: str) -> Visitor:
    """The visitor of the current public page: whose site, languages in order, base, modules."""
    store = access.tenant.store
    if store is not None and access.tenant.frontend == Frontend.STOREFRONT:
        languages = language_order(lang, store.default_language, tuple(store.languages))
        store_id = store.id
    else:
        languages, store_id = language_order(lang, "en"), None
    return Visitor(
        platform_id=access.tenant.platform.id,
        store_id=store_id,
        languages=languages,
        base=access.tenant.base,
        enabled=frozenset(access.enabled),
    )


def read(function, *args):
    """`function(session, *args)` in its own session (run it with `run_blocking`)."""
    with session_scope() as session:
        return function(session, *args)


class NavigationState(OrionState):
    """The public site's header links (its footer links go to `ShellState.legal_pages`)."""

    header_links: list[dict[str, str]] = []

    @rx.event
    @public(frontends=PUBLIC_SITES)
    def load(self):
        """A plain function: it runs on the guard's database worker thread with the page's
        other plain loaders (the menus are read from the database only when cold)."""
        access = current_access()
        visitor = visitor_of(access, self.lang)
        found = site_menus(visitor)
        base = access.tenant.base
        self._assign(header_links=[{"label": link.label, "href": base + link.path} for link in found.header])
        self._held_state(ShellState).legal_pages = [
            {"label": link.label, "href": base + link.path} for link in found.footer
        ]


class ContentPageState(OrionState):
    """One CMS page, by its slug (storefront `p/<slug>`, platform `pages/<slug>`), or the
    platform's `about` page by its key."""

    found: bool = False
    title: str = ""
    body: str = ""
    _description: str = ""
    _alternates: dict[str, str] = {}

    async def _show(self, slug: str = "", key: str = ""):
        access = current_access()
        visitor = visitor_of(access, self.lang)
        page = await run_blocking(read, lambda session: find_page(session, visitor, slug=slug, key=key))
        shell = await self.get_state(ShellState)
        self.found = page is not None
        if page is None:
            self.title, self.body, self._description = "", "", ""
            shell.page_title = translate("orion.not_found.title", self.lang)
            return
        self.title, self.body, self._description = page.title, page.html, page.description
        site = access.tenant.store.name if visitor.store_id is not None else access.tenant.platform.name
        shell.page_title = page.title if site in page.title else f"{page.title} · {site}"

    def _page_meta(self) -> dict:
        """For the first response's head: 404 for an unknown page, the meta description."""
        if not self.found:
            return {"status": 404}
        return {"description": self._description}

    @rx.event
    @public(frontends=PUBLIC_SITES)
    async def load(self):
        segment = self._segment(-1)[:80]
        platform = current_access().tenant.frontend == Frontend.PLATFORM
        # The platform's `about` page has its own path; its slug may be another word.
        await self._show(slug=segment, key="about" if platform and segment == "about" else "")


class ContactState(OrionState):
    """The platform site's contact form: sent through messaging, rate limited, with a honeypot."""

    intro: str = ""
    name: str = ""
    email: str = ""
    message: str = ""
    website: str = ""  # the honeypot: hidden from people, filled by bots
    errors: dict[str, str] = {}
    sent: bool = False
    _description: str = ""

    @rx.event
    @public(frontends=(Frontend.PLATFORM,))
    async def load(self):
        access = current_access()
        visitor = visitor_of(access, self.lang)
        page = await run_blocking(read, lambda session: find_page(session, visitor, key="contact"))
        self.intro = page.html if page else ""
        self._description = page.description if page else ""
        self.errors, self.sent = {}, False

    def _page_meta(self) -> dict:
        return {"description": self._description} if self._description else {}

    @rx.event
    @ui_only
    def set_field(self, field: str, value: str):
        if field in ("name", "email", "message", "website"):
            setattr(self, field, str(value)[:5000])

    @rx.event
    @public(frontends=(Frontend.PLATFORM,), rate=(10, 600))
    async def send(self, form: dict | None = None):
        form = form or {}
        access = current_access()
        data = ContactInput(
            name=str(form.get("name", self.name)),
            email=str(form.get("email", self.email)),
            message=str(form.get("message", self.message)),
            website=str(form.get("website", self.website)),
            lang=self.lang,
        )
        client = self.router.session.client_ip or "?"
        try:
            await run_blocking(
                read, lambda session: send_contact(session, access.tenant.platform.id, data, client)
            )
        except FieldErrors as exc:
            self.errors = {k: translate(v, self.lang) for k, v in exc.errors.items()}
            return None
        except ServiceError as exc:
            self.errors = {"form": translate(exc.message_key, self.lang, **exc.params)}
            return None
        self.errors, self.sent = {}, True
        self.name = self.email = self.message = self.website = ""
        return None
