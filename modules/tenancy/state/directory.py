"""Admin: merchants, stores and users — lists and creation forms."""

import reflex as rx
from sqlmodel import Session

from modules.tenancy.models import Platform
from modules.tenancy.services.merchants import create_merchant, list_merchants
from modules.tenancy.services.platforms import list_platforms
from modules.tenancy.services.stores import create_store, list_stores, store_platforms
from modules.tenancy.services.users import create_user, list_users
from modules.tenancy.state.forms import DialogFormMixin
from modules.tenancy.state.user_actions import UserActionsMixin
from orion_app.db import session_scope
from orion_app.ports import Principal
from orion_app.registry import Frontend
from orion_app.routes import frontend_base, frontend_url
from orion_app.ui.format import iso
from orion_app.ui.guard import current_access, guarded
from orion_app.ui.state import OrionState


class CreateFormMixin(DialogFormMixin, mixin=True):
    """An admin list with a "new" dialog; each page state fills its lists in `_fill`."""

    def _submit(self, create, form: dict):
        if self._create(create, current_access().principal, form) is None:
            return None
        self._reload()
        return rx.toast.success(form.get("name") or form.get("email") or "OK")

    def _reload(self) -> None:
        with session_scope() as session:
            self._fill(session, current_access().principal)

    def _fill(self, session: Session, actor: Principal) -> None:
        raise NotImplementedError


def admin_href(kind: str, key: int | str) -> str:
    """The admin page of one merchant, store (by code) or user."""
    return frontend_url(Frontend.ADMIN, f"{kind}/{key}")


def _platform_options(session: Session, actor: Principal) -> list[dict[str, str]]:
    return [{"value": str(p.id), "label": p.name} for p in list_platforms(session, actor)]


def _columns(row, *names: str) -> dict:
    """The row's attributes of these names, as they are."""
    return {name: getattr(row, name) for name in names}


def _merchant_row(merchant, stores: int) -> dict[str, str]:
    shown = _columns(merchant, "name", "legal_name", "contact_email", "vat_number")
    return {
        "id": str(merchant.id),
        **shown,
        "stores": str(stores),
        "href": admin_href("merchants", merchant.id),
    }


def _user_row(user, actor: Principal) -> dict[str, str]:
    return {
        "id": str(user.id),
        "href": admin_href("users", user.id),
        **_columns(user, "email", "name", "role"),
        "active": "1" if user.is_active else "",
        "self": "1" if user.id == actor.user_id else "",
        "last_login": iso(user.last_login_at),
    }


class MerchantDirectoryMixin(CreateFormMixin, mixin=True):
    """Merchants and stores: managed with one permission, both forms pick platforms."""

    platform_options: list[dict[str, str]] = []

    @rx.event
    @guarded("tenancy.merchants.manage", quiet=True)
    def load(self):
        self._reload()

    def _creator(self):
        """The service that creates one row of this list from the form."""
        raise NotImplementedError

    @rx.event
    @guarded("tenancy.merchants.manage")
    def create(self, form: dict):
        return self._submit(self._creator(), form)


class MerchantsState(MerchantDirectoryMixin, OrionState):
    def _creator(self):
        return create_merchant

    def _fill(self, session: Session, actor: Principal) -> None:
        self.rows = [_merchant_row(m, count) for m, count in list_merchants(session, actor)]
        self.platform_options = _platform_options(session, actor)


class StoresState(MerchantDirectoryMixin, OrionState):
    merchant_options: list[dict[str, str]] = []

    def _creator(self):
        return create_store

    def _fill(self, session: Session, actor: Principal) -> None:
        merchants = {m.id: m.name for m, _ in list_merchants(session, actor)}
        rows = []
        for store in list_stores(session, actor):
            links = store_platforms(session, actor, store.id)
            home: tuple[Platform, object] | None = links[0] if links else None
            rows.append(
                {
                    "code": store.code,
                    "name": store.name,
                    "href": admin_href("stores", store.code),
                    "merchant": merchants.get(store.merchant_id, ""),
                    "platforms": ", ".join(f"{p.code} ({link.subdomain})" for p, link in links),
                    "languages": store.languages,
                    "dashboard": frontend_base(Frontend.STORE, store=store.code),
                    "storefront": (
                        frontend_base(Frontend.STOREFRONT, platform=home[0].code, store=store.code)
                        if home
                        else ""
                    ),
                    "active": "1" if store.is_active else "",
                }
            )
        self.rows = rows
        self.merchant_options = [{"value": str(k), "label": v} for k, v in merchants.items()]
        self.platform_options = _platform_options(session, actor)


class UsersState(UserActionsMixin, CreateFormMixin, OrionState):
    @rx.event
    @guarded("tenancy.users.manage", quiet=True)
    def load(self):
        self._reload()

    def _fill(self, session: Session, actor: Principal) -> None:
        self.rows = [_user_row(u, actor) for u in list_users(session, actor)]

    @rx.event
    @guarded("tenancy.users.manage")
    def create(self, form: dict):
        return self._submit(create_user, form)
