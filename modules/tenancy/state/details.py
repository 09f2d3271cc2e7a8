"""Admin: the page of one merchant, one store and one user, each reached from its list.

The row comes from the browser path (`/admin/<kind>/<key>`) and the service decides
whether the acting admin may see it: out of his scope it is not found, like a missing one.
"""

import reflex as rx
from sqlmodel import Session

from modules.tenancy.services.merchants import merchant_detail, update_merchant
from modules.tenancy.services.scope import as_id, can_manage_store
from modules.tenancy.services.stores import (
    add_store_domain,
    get_store_by_code,
    remove_store_domain,
    store_domains,
    store_platforms,
    update_store,
)
from modules.tenancy.services.users import list_team, sign_out_user, user_detail
from modules.tenancy.state.directory import admin_href
from modules.tenancy.state.user_actions import UserActionsMixin
from orion_app.db import session_scope
from orion_app.errors import FieldErrors, NotFound
from orion_app.i18n import translate
from orion_app.ports import Principal
from orion_app.ui.format import iso
from orion_app.ui.forms import translated_errors
from orion_app.ui.guard import current_access, guarded
from orion_app.ui.state import OrionState

MERCHANTS, USERS = "tenancy.merchants.manage", "tenancy.users.manage"


class DetailMixin(rx.State, mixin=True):
    """`info` of the row the path names (empty when it is not found) and its edit form."""

    info: dict[str, str] = {}
    errors: dict[str, str] = {}
    saved: bool = False
    not_found: bool = False

    def _fill(self, session: Session, actor: Principal, key: str) -> None:
        raise NotImplementedError

    def _reload(self) -> None:
        try:
            with session_scope() as session:
                self._fill(session, current_access().principal, self._segment(2))
        except NotFound:
            self.info, self.not_found = {}, True
            return
        self.not_found = False

    def _saving(self, update, *args) -> None:
        """`update(session, actor, *args)`, then the page again; refused fields stay with their messages."""
        try:
            with session_scope() as session:
                update(session, current_access().principal, *args)
        except FieldErrors as error:
            self.errors, self.saved = translated_errors(error, self.lang), False
            return
        self.errors, self.saved = {}, True
        self._reload()


class MerchantDetailState(DetailMixin, OrionState):
    stores: list[dict[str, str]] = []

    def _fill(self, session: Session, actor: Principal, key: str) -> None:
        detail = merchant_detail(session, actor, as_id(key))
        merchant, owner = detail.merchant, detail.owner
        self.info = {
            "id": str(merchant.id),
            "name": merchant.name,
            "legal_name": merchant.legal_name,
            "contact_email": merchant.contact_email,
            "vat_number": merchant.vat_number,
            "owner_email": owner.email if owner else "",
            "owner_name": owner.name if owner else "",
            "owner_href": admin_href("users", owner.id) if owner else "",
            "platform": detail.platform.name if detail.platform else "",
            "editable": _flag(detail.editable),
        }
        self.stores = [
            {
                "code": s.code,
                "name": s.name,
                "href": admin_href("stores", s.code),
                "active": _flag(s.is_active),
            }
            for s in detail.stores
        ]

    @rx.event
    @guarded(MERCHANTS, quiet=True)
    def load(self):
        self.errors, self.saved = {}, False
        self._reload()

    @rx.event
    @guarded(MERCHANTS)
    def save(self, form: dict):
        self._saving(update_merchant, as_id(self._segment(2)), form)


class StoreDetailState(DetailMixin, OrionState):
    platforms: list[dict[str, str]] = []
    domains: list[dict[str, str]] = []
    team: list[dict[str, str]] = []
    can_manage: bool = False
    domain_errors: dict[str, str] = {}

    def _fill(self, session: Session, actor: Principal, key: str) -> None:
        store = get_store_by_code(session, actor, key)
        self.info = {
            "id": str(store.id),
            "code": store.code,
            "name": store.name,
            "languages": store.languages,
            "default_language": store.default_language,
            "active": _flag(store.is_active),
            "merchant_href": admin_href("merchants", store.merchant_id),
        }
        self.platforms = [
            {"name": p.name, "subdomain": link.subdomain, "home": _flag(link.is_home)}
            for p, link in store_platforms(session, actor, store.id)
        ]
        self.domains = [
            {"id": str(d.id), "domain": d.domain} for d in store_domains(session, actor, store.id)
        ]
        self.team = [
            {"name": u.name, "email": u.email, "role": role, "href": admin_href("users", u.id)}
            for u, role in list_team(session, actor, store.id)
        ]
        self.can_manage = can_manage_store(session, actor, store)

    def _store_id(self) -> int | None:
        with session_scope() as session:
            return get_store_by_code(session, current_access().principal, self._segment(2)).id

    @rx.event
    @guarded(MERCHANTS, quiet=True)
    def load(self):
        self.errors, self.domain_errors, self.saved = {}, {}, False
        self._reload()

    @rx.event
    @guarded(MERCHANTS)
    def save(self, form: dict):
        # An unticked checkbox posts nothing: its absence means "inactive".
        self._saving(update_store, self._store_id(), {**form, "is_active": form.get("is_active") == "on"})

    @rx.event
    @guarded(MERCHANTS)
    def add_domain(self, form: dict):
        try:
            with session_scope() as session:
                add_store_domain(
                    session, current_access().principal, self._store_id(), form.get("domain", "")
                )
        except FieldErrors as error:
            self.domain_errors = translated_errors(error, self.lang)
            return
        self.domain_errors = {}
        self._reload()

    @rx.event
    @guarded(MERCHANTS)
    def remove_domain(self, domain_id: str):
        with session_scope() as session:
            remove_store_domain(session, current_access().principal, self._store_id(), as_id(domain_id))
        self._reload()


class UserDetailState(UserActionsMixin, DetailMixin, OrionState):
    platforms: list[dict[str, str]] = []
    merchants: list[dict[str, str]] = []
    stores: list[dict[str, str]] = []
    sessions: list[dict[str, str]] = []

    def _fill(self, session: Session, actor: Principal, key: str) -> None:
        detail = user_detail(session, actor, as_id(key))
        user = detail.user
        self.info = {
            "id": str(user.id),
            "email": user.email,
            "name": user.name,
            "role": user.role,
            "active": _flag(user.is_active),
            "last_login": iso(user.last_login_at),
            "created": iso(user.created_at),
            "manageable": _flag(detail.manageable),
        }
        self.platforms = [{"name": p.name} for p in detail.platforms]
        self.merchants = [{"name": m.name, "href": admin_href("merchants", m.id)} for m in detail.merchants]
        self.stores = [
            {"name": s.name, "role": role, "href": admin_href("stores", s.code)} for s, role in detail.stores
        ]
        self.sessions = [
            {"started": iso(s.created_at), "expires": iso(s.expires_at), "ip": s.ip} for s in detail.sessions
        ]

    @rx.event
    @guarded(USERS, quiet=True)
    def load(self):
        self.reset_user_id = ""
        self._reload()

    @rx.event
    @guarded(USERS)
    def sign_out_everywhere(self):
        with session_scope() as session:
            count = sign_out_user(session, current_access().principal, as_id(self._segment(2)))
        self._reload()
        return rx.toast.success(translate("tenancy.user.signed_out_toast", self.lang, count=count))


def _flag(on: bool) -> str:
    return "1" if on else ""
