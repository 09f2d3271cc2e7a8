"""The state behind every shell: the page guard, navigation and language."""

import reflex as rx

from orion_app import access_cache
from orion_app.access import (
    STAFF_FRONTENDS,
    Access,
    Verdict,
    build_menu,
    check_access,
    directory,
    may_enter,
)
from orion_app.i18n import LANGUAGES, shopper_language, staff_language, translate
from orion_app.observability import GUARD_REFUSALS, PAGE_GUARD_SECONDS
from orion_app.ports import Principal
from orion_app.registry import Frontend
from orion_app.routes import frontend_base, page_index, sign_in_url
from orion_app.ui.guard import public, ui_only
from orion_app.ui.state import OrionState


class ShellState(OrionState):
    """Who is looking at which tenant's page, and whether they may."""

    status: str = "loading"  # ok | not_found | forbidden | loading
    frontend: str = ""
    base: str = "/"
    tenant_platform_code: str = ""
    tenant_platform_name: str = ""
    tenant_store_code: str = ""
    tenant_store_name: str = ""
    user_name: str = ""
    menu: list[dict[str, str]] = []
    languages: list[str] = list(LANGUAGES)
    page_title: str = ""
    # The signed-in user's own stores ({"code", "name", "href"}), for the store switcher and
    # the refusal page; each href is this page's path in that store (its overview when the
    # path names a record, or when this page was refused).
    stores: list[dict[str, str]] = []
    home_href: str = ""  # this frontend's start page, when the user may enter it at all
    drawer_open: bool = False
    # The storefront footer: the seller's imprint lines, and links to its legal pages
    # ({"label", "href"}). No module publishes legal pages yet: when CMS does, it fills
    # `legal_pages` here and the footer shows them; until then they stay hidden.
    imprint: list[str] = []
    legal_pages: list[dict[str, str]] = []

    @rx.event
    @public(page_guard=True)
    def guard(self, page_ids: str):
        """`on_load` of every module page: tenant, module enabled, signed in, permission.

        Public itself (it is what decides), and it trusts nothing from the client: unknown
        page ids give "not found", and the tenant comes from the URL and Host as always.
        """
        with PAGE_GUARD_SECONDS.time():
            access, entry = self._decide(str(page_ids).split(","))
        self._apply(access, entry)
        if access.verdict == Verdict.SIGN_IN:
            return rx.redirect(sign_in_url(access.tenant.base, self.router.url.path))
        return None

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
        self.status = {
            Verdict.OK: "ok",
            Verdict.FORBIDDEN: "forbidden",
            Verdict.SIGN_IN: "loading",
        }.get(access.verdict, "not_found")
        if access.verdict != Verdict.OK:
            GUARD_REFUSALS.labels(kind="page", verdict=access.verdict.value).inc()
        self.frontend = tenant.frontend.value if tenant else ""
        self.base = tenant.base if tenant else "/"
        self.tenant_platform_code = tenant.platform.code if tenant and tenant.platform else ""
        self.tenant_platform_name = tenant.platform.name if tenant and tenant.platform else ""
        self.tenant_store_code = tenant.store.code if tenant and tenant.store else ""
        self.tenant_store_name = tenant.store.name if tenant and tenant.store else ""
        self.user_name = access.principal.name if access.principal else ""
        self.lang = self._language(access)
        self.languages = (
            list(tenant.store.languages)
            if tenant and tenant.store and tenant.frontend not in STAFF_FRONTENDS
            else list(LANGUAGES)
        )
        self.menu = build_menu(access, self.lang, self.router.url.path) if access.ok else []
        self.page_title = translate(entry.page.title_key, self.lang) if entry else ""
        staff = tenant is not None and tenant.frontend in STAFF_FRONTENDS and access.principal is not None
        self.home_href = tenant.base if staff and may_enter(access.principal, tenant) else ""
        page_path = entry.page.path if access.ok and entry else ""
        self.stores = _store_links(access.principal, page_path) if staff else []
        self.drawer_open = False
        storefront = (
            tenant is not None and tenant.frontend == Frontend.STOREFRONT and tenant.store is not None
        )
        self.imprint = _imprint(tenant.store.id, self.lang) if storefront else []

    def _language(self, access: Access) -> str:
        tenant = access.tenant
        if tenant and tenant.frontend not in STAFF_FRONTENDS and tenant.store:
            return shopper_language(
                tenant.store.languages,
                cookie=self.lang_choice,
                store_default=tenant.store.default_language,
                accept_language=self.router.headers.accept_language,
            )
        if tenant and tenant.frontend not in STAFF_FRONTENDS:
            return shopper_language(
                LANGUAGES, cookie=self.lang_choice, accept_language=self.router.headers.accept_language
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
        return rx.call_script("window.location.reload()")


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
