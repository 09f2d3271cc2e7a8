"""The state behind every shell: the page guard, navigation and language.

A page load runs one event of Orion's: `ShellState.guard`. It decides once (tenant, module,
session, permission), then runs the page's own loaders (`Page.on_load`) under that decision,
with one database session for all of them, on a database worker thread (see
`orion_app.ui.guard`). At most `PAGE_SLOTS` page loads decide and load at once; up to
`PAGE_QUEUE` more wait their turn in arrival order, and any beyond that get "busy, retry"
at once instead of making everyone wait longer.
"""

import asyncio
import weakref

import reflex as rx

from orion_app import access_cache
from orion_app.access import (
    STAFF_FRONTENDS,
    Access,
    Verdict,
    build_menu,
    check_access,
    directory,
    has_permission,
    may_enter,
)
from orion_app.db import DB_THREADS, end_shared_transaction, run_blocking, shared_session
from orion_app.i18n import LANGUAGES, shopper_language, staff_language, translate
from orion_app.observability import GUARD_REFUSALS, PAGE_GUARD_SECONDS
from orion_app.ports import Principal
from orion_app.registry import SHELL_HEADER, STOREFRONT_LOOK, Frontend, get_registry, import_string
from orion_app.routes import frontend_base, page_index, sign_in_url
from orion_app.ui.guard import events_in_place, handler_events, page_decision, public, runs_in_place, ui_only
from orion_app.ui.state import OrionState

PAGE_SLOTS = DB_THREADS  # page loads deciding and loading at once (one worker thread each)
PAGE_QUEUE = 400  # page loads waiting for a slot; one more is answered "busy, retry"
BUSY_RETRY_MS = 3000


class _Admission:
    """A bounded, first-come-first-served queue in front of the page loads of an event loop
    (the backend's; a server-side render may run page loads on a loop of its own)."""

    def __init__(self, slots: int, queue: int):
        self.slots, self.queue = slots, queue
        self._gates: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    def _gate(self) -> list:
        loop = asyncio.get_running_loop()
        gate = self._gates.get(loop)
        if gate is None:
            gate = self._gates[loop] = [asyncio.Semaphore(self.slots), 0]  # slots, waiting
        return gate

    async def enter(self) -> bool:
        """Wait for a slot (True), or False at once when the queue is full."""
        gate = self._gate()
        semaphore = gate[0]
        if semaphore.locked() and gate[1] >= self.queue:
            return False
        gate[1] += 1
        try:
            await semaphore.acquire()
        finally:
            gate[1] -= 1
        return True

    def leave(self) -> None:
        self._gate()[0].release()


admission = _Admission(PAGE_SLOTS, PAGE_QUEUE)


class ShellState(OrionState):
    """Who is looking at which tenant's page, and whether they may."""

    status: str = "loading"  # ok | not_found | forbidden | upgrade | loading
    frontend: str = ""
    base: str = "/"
    tenant_platform_code: str = ""
    tenant_platform_name: str = ""
    tenant_store_code: str = ""
    tenant_store_name: str = ""
    user_name: str = ""
    menu: list[dict[str, str]] = []
    languages: list[str] = list(LANGUAGES)
    default_language: str = ""  # the store's; its pages' canonical URLs carry no `?lang=`
    page_title: str = ""
    # The signed-in user's own stores ({"code", "name", "href"}), for the store switcher and
    # the refusal page; each href is this page's path in that store (its overview when the
    # path names a record, or when this page was refused).
    stores: list[dict[str, str]] = []
    home_href: str = ""  # this frontend's start page, when the user may enter it at all
    drawer_open: bool = False
    # The public footer: the seller's imprint lines, and links to the site's legal and other
    # footer pages ({"label", "href"}), filled by a module's header loader (`ShellItem`);
    # without one they stay hidden.
    imprint: list[str] = []
    legal_pages: list[dict[str, str]] = []
    # A storefront's look (`STOREFRONT_LOOK`): css, logo, favicon, header, font; {} for the defaults.
    look: dict[str, str] = {}
    # Modules enabled here whose items the dashboard header shows (`ShellItem`).
    header_modules: list[str] = []
    # The upgrade page (status "upgrade"): its heading, its sentences, and the store's billing
    # page when the user may open it ("" otherwise: they are asked to see the owner).
    upgrade_title: str = ""
    upgrade_lines: list[str] = []
    upgrade_href: str = ""

    @rx.event
    @public(page_guard=True)
    async def guard(self, page_ids: str):
        """`on_load` of every module page: tenant, module enabled, signed in, permission;
        then the page's own loaders, which take this decision instead of making another.

        Public itself (it is what decides), and it trusts nothing from the client: unknown
        page ids give "not found", and the tenant comes from the URL and Host as always.
        """
        if not await admission.enter():
            GUARD_REFUSALS.labels(kind="page", verdict="busy").inc()
            return [
                rx.toast.error(translate("orion.error.busy", self.lang)),
                rx.call_script(f"setTimeout(() => window.location.reload(), {BUSY_RETRY_MS})"),
            ]
        try:
            async with shared_session():
                ids = str(page_ids).split(",")
                ready = await self._leading_plain_loaders(ids)
                access, entry, events, done = await run_blocking(self._decide_apply_and_load, ids, ready)
                if access.verdict == Verdict.SIGN_IN:
                    return rx.redirect(sign_in_url(access.tenant.base, self._url().path))
                if not access.ok or entry is None:
                    return None
                with page_decision(access):
                    rest = (entry.page.on_load + _header_loaders(access, entry))[done:]
                    return [*events, *(await self._run_loaders(rest) or [])] or None
        finally:
            admission.leave()

    async def _leading_plain_loaders(self, page_ids: list[str]) -> dict[str, rx.State]:
        """The states of each candidate page's first loaders that are plain functions (its own,
        then its frontend's header loaders), which run on the worker thread that decides, right
        after the decision: thread hops fewer."""
        index = page_index()
        ready: dict[str, rx.State] = {}
        for entry in filter(None, (index.get(page_id) for page_id in page_ids)):
            header = (
                item.on_load
                for _, items in get_registry().contributions(SHELL_HEADER)
                for item in items
                if item.on_load and entry.page.frontend in item.frontends
            )
            for reference in (*entry.page.on_load, *header):
                handler = import_string(reference)
                if not runs_in_place(handler.fn):
                    break
                ready[reference] = (
                    self if isinstance(self, handler.state) else await self.get_state(handler.state)
                )
        return ready

    def _decide_apply_and_load(self, page_ids: list[str], ready: dict[str, rx.State]):
        """On a worker thread: decide, apply, then the chosen page's leading plain loaders
        (those in `ready`, its header's included) under that decision; the decision, the page,
        their events, and how many of the page's loaders ran."""
        with PAGE_GUARD_SECONDS.time():
            access, entry = self._decide(page_ids)
        self._apply(access, entry)
        events, done, loaders = [], 0, ()
        if access.ok and entry is not None:
            loaders = entry.page.on_load + _header_loaders(access, entry)
            with page_decision(access):
                for reference in loaders:
                    if reference not in ready:
                        break
                    events.extend(events_in_place(import_string(reference).fn, ready[reference]))
                    done += 1
        if done == len(loaders):  # nothing left for the event loop: end the transaction here
            end_shared_transaction()
        return access, entry, events, done

    async def _run_loaders(self, loaders: tuple[str, ...]) -> list:
        """Each loader (a guarded or public event handler) on its own state, in order; the
        events they return or yield, in order, for Reflex to run after this one."""
        events = []
        for reference in loaders:
            handler = import_string(reference)
            state = self if isinstance(self, handler.state) else await self.get_state(handler.state)
            events.extend(await handler_events(handler.fn, state))
        return events or None

    def _decide(self, page_ids: list[str]):
        path, host = self._location()
        index = page_index()
        access, chosen = Access(Verdict.NOT_FOUND), None
        for page_id in page_ids:
            entry = index.get(page_id)
            if entry is None:
                continue
            access = check_access(
                path=path,
                host=host,
                token=self._session_token(),
                module=entry.module,
                frontends=(entry.page.frontend,),
                permission=entry.page.permission,
                public=entry.page.public,
            )
            chosen = entry
            if access.tenant is not None and access.tenant.frontend == entry.page.frontend:
                break
        if chosen is None:
            # No page here (the app's 404 route): still find whose storefront this is, so
            # "not found" can lead back into that store rather than to the platform.
            access = check_access(
                path=path, host=host, token="", module="", frontends=tuple(Frontend), public=True
            )
        return access, chosen

    def _apply(self, access: Access, entry) -> None:
        tenant = access.tenant
        if access.verdict != Verdict.OK:
            GUARD_REFUSALS.labels(kind="page", verdict=access.verdict.value).inc()
        lang = self._language(access)
        shown = access.ok or access.verdict == Verdict.UPGRADE  # the upgrade page keeps the dashboard
        staff = tenant is not None and tenant.frontend in STAFF_FRONTENDS and access.principal is not None
        page_path = entry.page.path if access.ok and entry else ""
        storefront = (
            tenant is not None and tenant.frontend == Frontend.STOREFRONT and tenant.store is not None
        )
        public_site = storefront or (tenant is not None and tenant.frontend == Frontend.PLATFORM)
        shows_header = access.ok and (staff or public_site)
        upgrade_title, upgrade_lines, upgrade_href = _upgrade_page(access, lang)
        self._assign(
            status={
                Verdict.OK: "ok",
                Verdict.FORBIDDEN: "forbidden",
                Verdict.UPGRADE: "upgrade",
                Verdict.SIGN_IN: "loading",
            }.get(access.verdict, "not_found"),
            frontend=tenant.frontend.value if tenant else "",
            base=tenant.base if tenant else "/",
            tenant_platform_code=tenant.platform.code if tenant and tenant.platform else "",
            tenant_platform_name=tenant.platform.name if tenant and tenant.platform else "",
            tenant_store_code=tenant.store.code if tenant and tenant.store else "",
            tenant_store_name=tenant.store.name if tenant and tenant.store else "",
            user_name=access.principal.name if access.principal else "",
            lang=lang,
            default_language=tenant.store.default_language if tenant and tenant.store else "",
            languages=(
                list(tenant.store.languages)
                if tenant and tenant.store and tenant.frontend not in STAFF_FRONTENDS
                else list(LANGUAGES)
            ),
            menu=build_menu(access, lang, self._url().path) if shown else [],
            upgrade_title=upgrade_title,
            upgrade_lines=upgrade_lines,
            upgrade_href=upgrade_href,
            page_title=translate(entry.page.title_key, lang) if entry else "",
            home_href=tenant.base if staff and may_enter(access.principal, tenant) else "",
            stores=_store_links(access.principal, page_path) if staff else [],
            drawer_open=False,
            legal_pages=[],  # filled again by a module's header loader, if one does
            header_modules=[code for code, _ in _header_items(access)] if shows_header else [],
            imprint=_imprint(tenant.store.id, lang) if storefront else [],
            look=_storefront_look(access, tenant.store.id) if storefront and access.ok else {},
        )

    def _language(self, access: Access) -> str:
        tenant = access.tenant
        if tenant and tenant.frontend not in STAFF_FRONTENDS:
            # A public page in another language is the same URL with `?lang=` (what hreflang
            # links point to); following such a link also remembers the choice.
            allowed = tenant.store.languages if tenant.store else LANGUAGES
            asked = self._url().query_parameters.get("lang", "")
            if asked in allowed:
                self.lang_choice = asked
            return shopper_language(
                allowed,
                cookie=self.lang_choice,
                store_default=tenant.store.default_language if tenant.store else None,
                accept_language=self._router_headers().accept_language,
            )
        preference = access.principal.language if access.principal else None
        return staff_language(self.lang_choice, preference)

    @rx.event
    @ui_only
    def switch_store(self, code: str):
        """Open the chosen store's dashboard; only the stores the guard listed are offered."""
        for store in self.stores:
            if store["code"] == code:
                return rx.redirect(store["href"])
        return None

    @rx.event
    @ui_only
    def set_drawer_open(self, open: bool):
        """The phone's navigation drawer opened or closed (the guard closes it on each page)."""
        self.drawer_open = bool(open)

    @rx.event
    @ui_only
    def switch_language(self, lang: str):
        """Remember the choice in a cookie, then reload so server-made texts follow too."""
        if lang not in self.languages:
            return None
        self.lang_choice = lang
        self.lang = lang
        # Reload without `?lang=`, which would otherwise win over the new choice.
        return rx.call_script(
            "const url = new URL(window.location.href); url.searchParams.delete('lang');"
            " window.location.replace(url.href)"
        )


def _header_items(access: Access) -> list[tuple[str, list]]:
    """(module, its `ShellItem`s for this frontend) of the enabled modules contributing to the
    dashboard header."""
    frontend = access.tenant.frontend if access.tenant else None
    found = []
    for code, items in get_registry().contributions(SHELL_HEADER):
        mine = [item for item in items if frontend in item.frontends]
        if code in access.enabled and mine:
            found.append((code, mine))
    return found


def _header_loaders(access: Access, entry) -> tuple[str, ...]:
    """The header items' loaders, run with a signed-in user's page (not on sign-in pages), and
    with every storefront and platform site page (public loaders: a shopper's mini-cart, the
    site's page links)."""
    public_site = access.tenant is not None and access.tenant.frontend in (
        Frontend.STOREFRONT,
        Frontend.PLATFORM,
    )
    if not public_site and (entry.page.public or access.principal is None):
        return ()
    return tuple(item.on_load for _, items in _header_items(access) for item in items if item.on_load)


BILLING_PAGE = "billing"  # the store dashboard's page where the plan is changed


def _upgrade_page(access: Access, lang: str) -> tuple[str, list[str], str]:
    """The upgrade page's heading, sentences and link: which module the plan lacks, the plan
    that includes it (when the plan provider says), and the store's billing page for those who
    may open it."""
    if access.verdict != Verdict.UPGRADE or access.tenant is None:
        return "", [], ""
    module = translate(f"{access.module}.module.name", lang)
    lines = [translate("orion.upgrade.text", lang, module=module)]
    names = access.plan.upgrade_plans.get(access.module, {}) if access.plan else {}
    plan = names.get(lang) or names.get("en") or next(iter(names.values()), "")
    if plan:
        lines.append(translate("orion.upgrade.plan", lang, module=module, plan=plan))
    billing = [
        page
        for _, page in get_registry().pages()
        if page.frontend == Frontend.STORE and page.path == BILLING_PAGE
    ]
    may_pay = bool(billing) and has_permission(access.principal, billing[0].permission, access.tenant)
    if not may_pay:
        lines.append(translate("orion.upgrade.ask_owner", lang))
    href = access.tenant.base + BILLING_PAGE if may_pay else ""
    return translate("orion.upgrade.title", lang, module=module), lines, href


def _storefront_look(access: Access, store_id: int) -> dict[str, str]:
    """The store's look from the enabled modules contributing to `STOREFRONT_LOOK`, merged."""
    look: dict[str, str] = {}
    for code, provider in get_registry().contributions(STOREFRONT_LOOK):
        if code in access.enabled:
            look |= provider(store_id) or {}
    return look


def _imprint(store_id: int, lang: str) -> list[str]:
    """The footer's lines naming the seller: legal name, VAT number, e-mail (those it has)."""
    imprint = access_cache.cached(
        "store_imprint",
        (store_id,),
        lambda: directory().store_imprint(store_id),
        ttl=access_cache.PRINCIPAL_TTL_SECONDS,
    )
    if imprint is None:
        return []
    lines = [imprint.legal_name]
    if imprint.vat_number:
        lines.append(translate("orion.footer.vat", lang, vat=imprint.vat_number))
    return [line for line in (*lines, imprint.email) if line]


def _store_links(principal: Principal, page_path: str) -> list[dict[str, str]]:
    """The user's stores, each linking to `page_path` there (its overview when the path has
    a record's id in it, which the other store does not have)."""
    stores = access_cache.cached(
        "stores_of",
        (principal.user_id,),
        lambda: tuple(directory().stores_of(principal)),
        ttl=access_cache.PRINCIPAL_TTL_SECONDS,
    )
    path = "" if "[" in page_path else page_path
    return [
        {"code": s.code, "name": s.name, "href": frontend_base(Frontend.STORE, store=s.code) + path}
        for s in stores
    ]
