"""Store dashboard: the product list with search, filters, sort, pages and bulk actions."""

import reflex as rx

from modules.catalog.services.categories import category_options
from modules.catalog.services.media import remove_files
from modules.catalog.services.products import delete_product, list_products, set_active, translations
from modules.catalog.services.storefront import language_order
from modules.inventory.public import available_by_product
from orion_app.db import session_scope
from orion_app.enablement import module_config
from orion_app.i18n import translate
from orion_app.ui.format import money
from orion_app.ui.guard import current_access, guarded, ui_only
from orion_app.ui.state import OrionState, PagedMixin

VIEW, EDIT = "catalog.products.view", "catalog.products.edit"


class ProductListState(PagedMixin, OrionState):
    rows: list[dict[str, str]] = []
    search: str = ""
    status: str = "all"
    category: str = ""
    sort: str = "newest"
    selected: list[str] = []
    category_options: list[dict[str, str]] = []
    confirm_delete_id: str = ""
    confirm_delete_title: str = ""

    def _reload(self) -> None:
        access = current_access()
        store = access.tenant.store
        per_page = module_config("catalog", access.tenant.platform.id).dashboard_page_size
        with session_scope() as session:
            products, self.total = list_products(
                session,
                store.id,
                query=self.search,
                status=self.status,
                category_id=int(self.category) if self.category.isdigit() else None,
                sort=self.sort,
                page=self.page_number,
                per_page=per_page,
            )
            ids = [p.id for p in products]
            texts = translations(session, ids)
            stock = available_by_product(session, store.id, ids)
            self.category_options = category_options(session, store.id, self.lang, store.default_language)
        langs = language_order(self.lang, store)
        self.rows = []
        for product in products:
            text = next((texts[product.id][lang] for lang in langs if lang in texts[product.id]), None)
            self.rows.append(
                {
                    "id": str(product.id),
                    "sku": product.sku,
                    "title": text.title if text else product.sku,
                    "price": money(product.price_cents, product.currency, self.lang),
                    "sale": money(product.sale_price_cents, product.currency, self.lang)
                    if product.sale_price_cents
                    else "",
                    "stock": str(stock.get(product.id, 0)),
                    "active": "1" if product.is_active else "",
                }
            )
        self._count_pages(per_page)
        self.selected = [s for s in self.selected if s in {r["id"] for r in self.rows}]

    @rx.event
    @guarded(VIEW, quiet=True)
    def load(self):
        self.page_number = 1
        self.selected = []
        self._reload()

    @rx.event
    @guarded(VIEW)
    def apply_filters(self, form: dict):
        self.search = (form.get("q") or "").strip()[:100]
        self.status = form.get("status") if form.get("status") in ("all", "active", "inactive") else "all"
        self.category = form.get("category") or ""
        self.sort = form.get("sort") or "newest"
        self.page_number = 1
        self._reload()

    @rx.event
    @guarded(VIEW)
    def go_to_page(self, page: int):
        self.page_number = min(max(1, page), self.page_count)
        self._reload()

    @rx.event
    @ui_only
    def toggle(self, product_id: str):
        self.selected = (
            [s for s in self.selected if s != product_id]
            if product_id in self.selected
            else [*self.selected, product_id]
        )

    @rx.event
    @ui_only
    def toggle_all(self):
        ids = [r["id"] for r in self.rows]
        self.selected = [] if set(ids) <= set(self.selected) else ids

    @rx.event
    @guarded(EDIT)
    def bulk_set_active(self, active: bool):
        access = current_access()
        with session_scope() as session:
            changed = set_active(session, access.tenant.store.id, [int(i) for i in self.selected], active)
        self.selected = []
        self._reload()
        key = "catalog.products.activated" if active else "catalog.products.deactivated"
        return rx.toast.success(translate(key, self.lang, count=changed))

    @rx.event
    @ui_only
    def ask_delete(self, product_id: str, title: str):
        self.confirm_delete_id, self.confirm_delete_title = product_id, title

    @rx.event
    @ui_only
    def cancel_delete(self):
        self.confirm_delete_id = ""

    @rx.event
    @guarded(EDIT)
    def confirm_delete(self):
        access = current_access()
        with session_scope() as session:
            keys = delete_product(session, access.tenant.store.id, int(self.confirm_delete_id))
        remove_files(keys)
        title = self.confirm_delete_title
        self.confirm_delete_id = ""
        self._reload()
        return rx.toast.success(translate("catalog.products.deleted", self.lang, title=title))
