"""Storefront states: the product listing (category, search, pages) and the product page."""

from urllib.parse import urlencode

import reflex as rx
from reflex.config import get_config

from modules.catalog.providers import shop_card
from modules.catalog.services.categories import category_by_slug, category_tree, subtree_ids
from modules.catalog.services.media import SIZES, variant_path
from modules.catalog.services.storefront import cards, language_order, product_page
from orion_app.cards import Card
from orion_app.db import session_scope
from orion_app.enablement import module_config
from orion_app.errors import NotFound
from orion_app.i18n import translate
from orion_app.registry import Frontend
from orion_app.ui.guard import current_access, public, ui_only
from orion_app.ui.script import script_json
from orion_app.ui.shell import ShellState
from orion_app.ui.state import OrionState, PagedMixin

STOREFRONT = (Frontend.STOREFRONT,)


def _langs(lang: str) -> tuple[str, ...]:
    return language_order(lang, current_access().tenant.store)


def _int(value: str, default: int) -> int:
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return default


class ShopListingState(PagedMixin, OrionState):
    items: list[Card] = []
    search: str = ""
    category_slug: str = ""
    heading: str = ""
    categories: list[dict[str, str]] = []
    prev_href: str = ""
    next_href: str = ""
    all_href: str = ""

    @rx.event
    @public(frontends=STOREFRONT)
    def load(self):
        access = current_access()
        params = self.router.url.query_parameters
        self.search = (params.get("q") or "").strip()[:100]
        self.category_slug = params.get("category") or ""
        self.page_number = _int(params.get("page"), 1)
        store, base = access.tenant.store, access.tenant.base
        per_page = module_config("catalog", access.tenant.platform.id).storefront_page_size
        with session_scope() as session:
            tree = category_tree(session, store.id, self.lang, store.default_language)
            category_ids = None
            self.heading = translate("catalog.shop.all_products", self.lang)
            if self.category_slug:
                try:
                    category = category_by_slug(session, store.id, self.category_slug)
                except NotFound:
                    self.category_slug = ""
                else:
                    category_ids = subtree_ids(session, store.id, category.id)
                    self.heading = next((n.name for n in tree if n.id == category.id), self.heading)
            found, self.total = cards(
                session,
                store.id,
                _langs(self.lang),
                query=self.search,
                category_ids=category_ids,
                page=self.page_number,
                per_page=per_page,
            )
        if self.search:
            self.heading = translate("catalog.shop.results_for", self.lang, query=self.search)
        self.items = [shop_card(c, base, self.lang) for c in found]
        self._count_pages(per_page)
        self.categories = [
            {
                "name": n.name,
                "href": self._href(base, category=n.slug),
                "depth": str(n.depth),
                "active": "1" if n.slug == self.category_slug else "",
            }
            for n in tree
        ]
        self.all_href = f"{base}products"
        self.prev_href = self._href(base, page=self.page_number - 1) if self.page_number > 1 else ""
        self.next_href = (
            self._href(base, page=self.page_number + 1) if self.page_number < self.page_count else ""
        )

    def _href(self, base: str, **changes) -> str:
        """A listing URL with the current search and category, changed by `changes`."""
        params = {"q": self.search, "category": self.category_slug, "page": str(self.page_number)}
        params |= {name: str(value) for name, value in changes.items()}
        if "category" in changes:
            params["page"] = "1"
        query = urlencode({k: v for k, v in params.items() if v and not (k == "page" and v == "1")})
        return f"{base}products" + (f"?{query}" if query else "")

    @rx.event
    @ui_only
    def submit_search(self, form: dict):
        query = (form.get("q") or "").strip()
        base = f"{self.router.url.path.rsplit('products', 1)[0]}"
        return rx.redirect(f"{base}products" + (f"?{urlencode({'q': query})}" if query else ""))


class ShopProductState(OrionState):
    found: bool = True
    title: str = ""
    brand: str = ""
    price: str = ""
    old_price: str = ""
    vat_note: str = ""
    availability: str = ""
    in_stock: bool = False
    description: str = ""
    meta_description: str = ""
    sku: str = ""
    gtin: str = ""
    photos: list[str] = []
    photo_sets: list[str] = []  # srcset per photo: phones get the 800 px file, not the 1600 px one
    thumbs: list[str] = []
    selected_photo: int = 0
    json_ld: str = ""

    @rx.event
    @public(frontends=STOREFRONT)
    async def load(self):
        access = current_access()
        slug = self._segment(-1)
        self.selected_photo = 0
        try:
            with session_scope() as session:
                page = product_page(session, access.tenant.store.id, slug, _langs(self.lang))
        except NotFound:
            self.found = False
            shell = await self.get_state(ShellState)
            shell.page_title = translate("orion.not_found.title", self.lang)
            return
        card = shop_card(page.card, access.tenant.base, self.lang)
        self.found = True
        self.title, self.brand, self.price, self.old_price = (
            card.title,
            card.subtitle,
            card.price,
            card.old_price,
        )
        self.vat_note = translate("catalog.shop.vat_included", self.lang, rate=page.card.vat_rate)
        self.availability = card.badge
        self.in_stock = page.card.availability == "in_stock"
        self.description = page.description
        self.meta_description = page.meta_description
        self.sku, self.gtin = page.sku, page.gtin
        self.photos = [variant_path(k, "lg") for k in page.photo_keys]
        upload = get_config().api_url.rstrip("/") + "/_upload/"
        self.photo_sets = [
            ", ".join(f"{upload}{variant_path(k, size)} {edge}w" for size, edge in SIZES.items())
            for k in page.photo_keys
        ]
        self.thumbs = [variant_path(k, "sm") for k in page.photo_keys]
        self.json_ld = script_json(self._structured_data(page, card, access))
        shell = await self.get_state(ShellState)
        shell.page_title = f"{page.meta_title} · {access.tenant.store.name}"

    def _structured_data(self, page, card, access) -> dict:
        amount = page.card.sale_price_cents if card.old_price else page.card.price_cents
        data = {
            "@context": "https://schema.org",
            "@type": "Product",
            "name": card.title,
            "sku": page.sku,
            "description": page.meta_description,
            "offers": {
                "@type": "Offer",
                "price": f"{amount / 100:.2f}",
                "priceCurrency": page.card.currency,
                "availability": "https://schema.org/"
                + {
                    "in_stock": "InStock",
                    "out_of_stock": "OutOfStock",
                    "preorder": "PreOrder",
                    "backorder": "BackOrder",
                }[page.card.availability],
                "itemCondition": "https://schema.org/"
                + {
                    "new": "NewCondition",
                    "used": "UsedCondition",
                    "refurbished": "RefurbishedCondition",
                }[page.condition],
            },
        }
        if page.card.brand:
            data["brand"] = {"@type": "Brand", "name": page.card.brand}
        if page.gtin:
            data["gtin"] = page.gtin
        if self.photos:
            api = get_config().api_url.rstrip("/")
            data["image"] = [f"{api}/_upload/{p}" for p in self.photos]
        return data

    @rx.event
    @ui_only
    def show_photo(self, index: int):
        if 0 <= index < len(self.photos):
            self.selected_photo = index
