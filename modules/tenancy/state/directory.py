"""Admin: merchants, stores and users — lists and creation forms."""

import reflex as rx

from modules.tenancy.models import Platform
from modules.tenancy.services.merchants import create_merchant, list_merchants
from modules.tenancy.services.platforms import list_platforms
from modules.tenancy.services.stores import create_store, list_stores, store_platforms
from modules.tenancy.services.users import ROLES, create_user, list_users
from orion_app.db import session_scope
from orion_app.errors import FieldErrors
from orion_app.ui.forms import translated_errors
from orion_app.ui.guard import current_access, guarded, ui_only
from orion_app.ui.state import OrionState


class CreateFormMixin(rx.State, mixin=True):
    """A list with a "new" dialog; each page state fills `rows` in `_reload`."""

    rows: list[dict[str, str]] = []
    errors: dict[str, str] = {}
    dialog_open: bool = False

    @rx.event
    @ui_only
    def set_dialog_open(self, value: bool):
        self.dialog_open = value
        self.errors = {}

    def _submit(self, create, form: dict):
        try:
            with session_scope() as session:
                create(session, current_access().principal, form)
        except FieldErrors as error:
            self.errors = translated_errors(error, self.lang)
            return None
        self.errors = {}
        self.dialog_open = False
        self._reload()
        return rx.toast.success(form.get("name") or form.get("email") or "OK")

    def _reload(self) -> None:
        raise NotImplementedError


class MerchantsState(CreateFormMixin, OrionState):
    @rx.event
    @guarded("tenancy.merchants.manage", quiet=True)
    def load(self):
        self._reload()

    def _reload(self) -> None:
        with session_scope() as session:
            self.rows = [
                {
                    "id": str(m.id),
                    "name": m.name,
                    "legal_name": m.legal_name,
                    "contact_email": m.contact_email,
                    "vat_number": m.vat_number,
                    "stores": str(count),
                }
                for m, count in list_merchants(session, current_access().principal)
            ]

    @rx.event
    @guarded("tenancy.merchants.manage")
    def create(self, form: dict):
        return self._submit(create_merchant, form)


class StoresState(CreateFormMixin, OrionState):
    merchant_options: list[dict[str, str]] = []
    platform_options: list[dict[str, str]] = []

    @rx.event
    @guarded("tenancy.merchants.manage", quiet=True)
    def load(self):
        self._reload()

    def _reload(self) -> None:
        actor = current_access().principal
        with session_scope() as session:
            merchants = {m.id: m.name for m, _ in list_merchants(session, actor)}
            rows = []
            for store in list_stores(session, actor):
                links = store_platforms(session, actor, store.id)
                home: tuple[Platform, object] | None = links[0] if links else None
                rows.append(
                    {
                        "code": store.code,
                        "name": store.name,
                        "merchant": merchants.get(store.merchant_id, ""),
                        "platforms": ", ".join(f"{p.code} ({link.subdomain})" for p, link in links),
                        "languages": store.languages,
                        "storefront": f"/platforms/{home[0].code}/storefront/{store.code}/" if home else "",
                        "active": "1" if store.is_active else "",
                    }
                )
            self.rows = rows
            self.merchant_options = [{"value": str(k), "label": v} for k, v in merchants.items()]
            self.platform_options = [
                {"value": str(p.id), "label": p.name} for p in list_platforms(session, actor)
            ]

    @rx.event
    @guarded("tenancy.merchants.manage")
    def create(self, form: dict):
        return self._submit(create_store, form)


class UsersState(CreateFormMixin, OrionState):
    role_options: list[dict[str, str]] = [{"value": r, "label": r} for r in ROLES]

    @rx.event
    @guarded("tenancy.users.manage", quiet=True)
    def load(self):
        self._reload()

    def _reload(self) -> None:
        with session_scope() as session:
            self.rows = [
                {
                    "email": u.email,
                    "name": u.name,
                    "role": u.role,
                    "active": "1" if u.is_active else "",
                    "last_login": u.last_login_at.strftime("%Y-%m-%d %H:%M UTC") if u.last_login_at else "",
                }
                for u in list_users(session, current_access().principal)
            ]

    @rx.event
    @guarded("tenancy.users.manage")
    def create(self, form: dict):
        return self._submit(create_user, form)
