"""Store dashboard: the customers list with search, filters, pages and the CSV export link."""

import reflex as rx

from modules.customers.services.directory import CustomerFilters, list_customers
from modules.customers.services.export import display_name, download_path
from orion_app.db import session_scope
from orion_app.ui.format import iso
from orion_app.ui.guard import current_access, guarded
from orion_app.ui.state import OrionState, PagedMixin

VIEW = "customers.view"
PER_PAGE = 25


class CustomerListState(PagedMixin, OrionState):
    rows: list[dict[str, str]] = []
    search: str = ""
    verified: str = "all"
    orders: str = "all"
    consent: str = "all"
    export_path: str = ""

    def _reload(self) -> None:
        store = current_access().tenant.store
        filters = CustomerFilters.of(self.search, self.verified, self.orders, self.consent)
        with session_scope() as session:
            customers, self.total = list_customers(
                session, store.id, filters, page=self.page_number, per_page=PER_PAGE
            )
            self.rows = [
                {
                    "id": str(c.id),
                    "name": display_name(c, self.lang),
                    "email": "" if c.anonymised_at else c.email,
                    "deleted": "1" if c.anonymised_at else "",
                    "verified": "1" if c.email_verified_at else "",
                    "consent": "1" if c.marketing_consent else "",
                    "created": iso(c.created_at),
                    "last_sign_in": iso(c.last_login_at),
                }
                for c in customers
            ]
        self._count_pages(PER_PAGE)
        self.export_path = download_path(store.code, filters)

    @rx.event
    @guarded(VIEW, quiet=True)
    def load(self):
        self.page_number = 1
        self._reload()

    @rx.event
    @guarded(VIEW)
    def apply_filters(self, form: dict):
        filters = CustomerFilters.of(
            form.get("q", ""), form.get("verified", ""), form.get("orders", ""), form.get("consent", "")
        )
        self.search, self.verified, self.orders, self.consent = (
            filters.query,
            filters.verified,
            filters.orders,
            filters.consent,
        )
        self.page_number = 1
        self._reload()

    @rx.event
    @guarded(VIEW)
    def go_to_page(self, page: int):
        self.page_number = min(max(1, int(page)), self.page_count)
        self._reload()
