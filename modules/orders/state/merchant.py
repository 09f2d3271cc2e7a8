"""Store dashboard: the order list with search, filters, pages and the CSV export link."""

import reflex as rx

from modules.orders.services.export import download_path
from modules.orders.services.listing import OrderFilters, list_orders
from modules.orders.services.picklist import picklist_path
from orion_app.db import session_scope
from orion_app.errors import FieldErrors
from orion_app.ui.format import iso, money
from orion_app.ui.forms import translated_errors
from orion_app.ui.guard import current_access, guarded
from orion_app.ui.state import OrionState, PagedMixin

VIEW = "orders.view"
PER_PAGE = 25


class OrderListState(PagedMixin, OrionState):
    rows: list[dict[str, str]] = []
    search: str = ""
    status: str = "all"
    method: str = "all"
    since: str = ""
    until: str = ""
    errors: dict[str, str] = {}
    export_path: str = ""
    picklist_shown: str = ""  # the pick list of the orders on this page of the list
    picklist_all: str = ""  # … of every paid order not fully shipped
    form_key: int = 0

    def _filters(self) -> OrderFilters:
        return OrderFilters.of(self.search, self.status, self.method, self.since, self.until)

    def _reload(self) -> None:
        store = current_access().tenant.store
        filters = self._filters()
        with session_scope() as session:
            orders, self.total = list_orders(
                session, store.id, filters, page=self.page_number, per_page=PER_PAGE
            )
            self.rows = [
                {
                    "id": str(o.id),
                    "number": o.number,
                    "created": iso(o.created_at),
                    "customer": o.customer_name or o.email,
                    "email": o.email,
                    "status": o.status,
                    "method": o.payment_method,
                    "items": str(o.item_count),
                    "total": money(o.total_cents, o.currency, self.lang),
                }
                for o in orders
            ]
        self._count_pages(PER_PAGE)
        self.export_path = download_path(store.code, filters)
        self.picklist_shown = picklist_path(store.code, [int(r["id"]) for r in self.rows])
        self.picklist_all = picklist_path(store.code, None)

    @rx.event
    @guarded(VIEW, quiet=True)
    def load(self):
        self.page_number, self.errors = 1, {}
        self._reload()

    @rx.event
    @guarded(VIEW)
    def apply_filters(self, form: dict):
        try:
            filters = OrderFilters.of(
                str(form.get("q") or ""),
                str(form.get("status") or ""),
                str(form.get("method") or ""),
                str(form.get("since") or ""),
                str(form.get("until") or ""),
            )
        except FieldErrors as error:
            self.errors = translated_errors(error, self.lang)
            return
        query = filters.as_query()
        self.search, self.status, self.method = filters.query, filters.status, filters.method
        self.since, self.until = query["since"], query["until"]
        self.page_number, self.errors = 1, {}
        self._reload()

    @rx.event
    @guarded(VIEW)
    def clear_filters(self):
        self.search, self.status, self.method, self.since, self.until = "", "all", "all", "", ""
        self.page_number, self.errors = 1, {}
        self.form_key += 1  # remount the form with the cleared values
        self._reload()

    @rx.event
    @guarded(VIEW)
    def go_to_page(self, page: int):
        self.page_number = min(max(1, int(page)), self.page_count)
        self._reload()
