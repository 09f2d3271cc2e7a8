"""Storefront states: the product listing (category, search, pages) and the product page."""

from urllib.parse import urlencode

import reflex as rx
from reflex.config import get_config

from modules.catalog.providers import shop_card
from modules.catalog.services.categories import shop_category_tree, subtree_of
from modules.catalog.services.listings import SORTS, listing_cards
from modules.catalog.services.media import SIZES, variant_path
from modules.catalog.services.shop_variants import (
    GroupFacts,
    PickerGroup,
    chosen_variant,
    offer,
    paid,
    pickers,
    product_group,
    text_in,
    variant_href,
)
from modules.catalog.services.storefront import category_trail, language_order, last_page, product_page
from orion_app import access_cache
from orion_app.cards import Card
from orion_app.db import session_scope
from orion_app.enablement import module_config
from orion_app.errors import NotFound
from orion_app.i18n import translate
from orion_app.registry import Frontend
from orion_app.ui.format import money
from orion_app.ui.guard import current_access, public, ui_only
from orion_app.ui.script import script_json
from orion_app.ui.shell import ShellState
from orion_app.ui.state import OrionState, PagedMixin

STOREFRONT = (Frontend.STOREFRONT,)


def _langs(lang: str) -> tuple[str, ...]:
    return language_order(lang, current_access().tenant.store)


def _page_size(platform_id: int) -> int:
    """The platform's listing page size (catalog's settings), remembered like the guard's
    inputs: saving a module's settings (a `PlatformModule` row) drops it in every process.
    Reading the row and building the settings cost a fifth of a listing page load."""
    return access_cache.cached(
        "catalog_page_size",
        (platform_id,),
        lambda: module_config("catalog", platform_id).storefront_page_size,
    )


def _int(value: str, default: int) -> int:
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return default


def breadcrumbs(base: str, origin: str, lang: str, trail: list[tuple[str, str]]) -> tuple[list, str]:
    """Home, then `trail`'s (name, href) steps; and the same as JSON-LD BreadcrumbList.

    The last step is the page itself: it shows without a link.
    """
    steps = [(translate("catalog.shop.home", lang), base), *trail]
    items = [
        {"name": name, "href": href if i < len(steps) - 1 else ""} for i, (name, href) in enumerate(steps)
    ]
    data = {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": i, "name": name, "item": origin + href}
            for i, (name, href) in enumerate(steps, start=1)
        ],
    }
    return items, script_json(data)


def sort_order(value: str | None, searching: bool) -> str:
    """The sort a listing URL asks for (`?sort=`), or the default when it names none or an
    unknown one: relevance while searching, else newest (relevance means nothing then)."""
    default = "relevance" if searching else "newest"
    if value not in SORTS or (value == "relevance" and not searching):
        return default
    return value


def listing_href(base: str, *, q: str = "", category: str = "", sort: str = "", page: int = 1) -> str:
    """A listing URL; the default sort and the first page are left out, so a listing has one URL."""
    params = {
        "q": q,
        "category": category,
        "sort": "" if sort == sort_order(None, bool(q)) else sort,
        "page": "" if page == 1 else str(page),
    }
    query = urlencode({k: v for k, v in params.items() if v})
    return f"{base}products" + (f"?{query}" if query else "")


class ShopListingState(PagedMixin, OrionState):
    items: list[Card] = []
    search: str = ""
    category_slug: str = ""
    category_name: str = ""
    sort: str = "newest"
    heading: str = ""
    categories: list[dict[str, str]] = []
    sorts: list[dict[str, str]] = []  # {"value", "label", "href"}: the orders this listing offers
    crumbs: list[dict[str, str]] = []
    crumbs_json: str = ""
    prev_href: str = ""
    next_href: str = ""
    all_href: str = ""
    clear_search_href: str = ""
    clear_category_href: str = ""
    _canonical: str = ""  # backend only: the listing's URL with the query that matters

    @rx.event
    @public(frontends=STOREFRONT)
    def load(self):
        access = current_access()
        params = self._url().query_parameters
        self.search = (params.get("q") or "").strip()[:100]
        self.category_slug = params.get("category") or ""
        self.sort = sort_order(params.get("sort"), bool(self.search))
        self.page_number = _int(params.get("page"), 1)
        store, base = access.tenant.store, access.tenant.base
        per_page = _page_size(access.tenant.platform.id)
        with session_scope() as session:
            tree = shop_category_tree(session, store.id, self.lang, store.default_language)
            category_ids, trail = None, []
            if self.category_slug:
                category = next((n for n in tree if n.slug == self.category_slug), None)
                if category is None:
                    self.category_slug = ""
                else:
                    category_ids = subtree_of(tree, category.id)
                    trail = category_trail(tree, category.id)
            found, self.total = listing_cards(
                session,
                store.id,
                _langs(self.lang),
                query=self.search,
                category_ids=category_ids,
                sort=self.sort,
                page=self.page_number,
                per_page=per_page,
            )
        self.page_count = last_page(self.total, per_page)
        if self.page_number > self.page_count:
            # A page past the end (an old link, a hand-edited URL) shows the last page instead.
            return rx.redirect(self._href(base, page=self.page_count), replace=True)
        self.category_name = trail[-1].name if trail else ""
        self.heading = self.category_name or translate("catalog.shop.all_products", self.lang)
        if self.search:
            self.heading = translate("catalog.shop.results_for", self.lang, query=self.search)
        self.items = [shop_card(c, base, self.lang, has_options=c.has_options) for c in found]
        self._links(base, tree)
        self._canonical = self._href(base, page=self.page_number)
        self.crumbs, self.crumbs_json = breadcrumbs(
            base,
            self._url().origin,
            self.lang,
            [(n.name, listing_href(base, category=n.slug)) for n in trail]
            or [(translate("catalog.shop.all_products", self.lang), listing_href(base))],
        )
        return None

    def _page_meta(self) -> dict:
        """For the first response's head (orion_app/ssr/head.py): this listing's one URL."""
        return {"canonical": self._canonical, "description": self.heading}

    def _links(self, base: str, tree) -> None:
        """Every link of the listing, each keeping what it does not change."""
        self.categories = [
            {
                "name": n.name,
                "href": self._href(base, category=n.slug),
                "depth": str(n.depth),
                "active": "1" if n.slug == self.category_slug else "",
            }
            for n in tree
        ]
        self.all_href = self._href(base, category="")
        self.clear_search_href = self._href(base, q="", sort="")
        self.clear_category_href = self.all_href
        self.sorts = [
            {
                "value": s,
                "label": translate(f"catalog.shop.sort.{s}", self.lang),
                "href": self._href(base, sort=s),
            }
            for s in SORTS
            if s != "relevance" or self.search
        ]
        self.prev_href = self._href(base, page=self.page_number - 1) if self.page_number > 1 else ""
        self.next_href = (
            self._href(base, page=self.page_number + 1) if self.page_number < self.page_count else ""
        )

    def _href(self, base: str, **changes) -> str:
        """This listing's URL changed by `changes`; changing anything but the page goes back to
        the first page."""
        params = {"q": self.search, "category": self.category_slug, "sort": self.sort, "page": 1}
        return listing_href(base, **(params | changes))

    @rx.event
    @ui_only
    def choose_sort(self, value: str):
        """Open the listing in the chosen order; only the orders the page offered are followed."""
        for option in self.sorts:
            if option["value"] == value:
                return rx.redirect(option["href"])
        return None

    @rx.event
    @ui_only
    def submit_search(self, form: dict):
        """Search inside the category being shown (the form carries it); a new search is sorted
        by relevance and starts on its first page."""
        base = self.router.url.path.rsplit("products", 1)[0]
        return rx.redirect(
            listing_href(
                base, q=(form.get("q") or "").strip()[:100], category=str(form.get("category") or "")
            )
        )


def _product_and_tree(store, slug: str, langs: tuple[str, ...], lang: str):
    with session_scope() as session:
        return product_page(session, store.id, slug, langs), shop_category_tree(
            session, store.id, lang, store.default_language
        )


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
    product_id: int = 0  # what "add to cart" and other product actions act on
    sku: str = ""
    gtin: str = ""
    photos: list[str] = []
    photo_sets: list[str] = []  # srcset per photo: phones get the 800 px file, not the 1600 px one
    thumbs: list[str] = []
    selected_photo: int = 0
    pickers: list[PickerGroup] = []  # one per option; [] for a product without options
    variant_name: str = ""  # the chosen variant's values, e.g. "500 g · Moulu"
    json_ld: str = ""
    crumbs: list[dict[str, str]] = []
    crumbs_json: str = ""
    _canonical: str = ""  # backend only: the product's URL, with ?variant= when one was asked

    @rx.event
    @public(frontends=STOREFRONT)
    def load(self):
        """A plain function: the guard runs it on its database worker thread, right after the
        page's one access decision (no thread hop of its own, no work on the event loop)."""
        access = current_access()
        slug = self._segment(-1)
        # A SKU from the URL is only looked up among this product's active variants.
        asked = (self._url().query_parameters.get("variant") or "")[:64]
        self.selected_photo = 0
        store, base = access.tenant.store, access.tenant.base
        langs = _langs(self.lang)
        try:
            page, tree = _product_and_tree(store, slug, langs, self.lang)
        except NotFound:
            self.found = False
            self._held_state(ShellState).page_title = translate("orion.not_found.title", self.lang)
            return
        card = shop_card(page.card, base, self.lang)
        self.found = True
        self.product_id = page.card.id
        trail = [
            (n.name, listing_href(base, category=n.slug)) for n in category_trail(tree, page.category_id)
        ]
        self.crumbs, self.crumbs_json = breadcrumbs(
            base, self._url().origin, self.lang, [*trail, (card.title, card.href)]
        )
        self.title, self.brand = card.title, card.subtitle
        self.vat_note = translate("catalog.shop.vat_included", self.lang, rate=page.card.vat_rate)
        self.description = page.description
        self.meta_description = page.meta_description
        chosen, named = None, False
        if page.options:
            chosen, named = chosen_variant(page.variants, page.variant_availability, asked)
        self._canonical = variant_href(card.href, chosen.sku) if named else card.href
        keys = list(page.photo_keys)
        if chosen is None:  # no options (or none active): the product as a whole
            self.price, self.old_price = card.price, card.old_price
            availability = page.card.availability
            self.sku, self.gtin = page.sku, page.gtin
            self.pickers, self.variant_name = [], ""
        else:
            amount, struck = paid(chosen)
            self.price = money(amount, page.card.currency, self.lang)
            self.old_price = money(struck, page.card.currency, self.lang) if struck else ""
            availability = page.variant_availability[chosen.id]
            self.sku, self.gtin = chosen.sku, chosen.gtin
            keys = [*chosen.photos, *(k for k in keys if k not in chosen.photos)]
            self.pickers = pickers(
                page.options,
                page.variants,
                page.variant_availability,
                chosen,
                langs,
                lambda sku: variant_href(card.href, sku),
            )
            self.variant_name = " · ".join(text_in(o.labels, langs) for o in chosen.options)
        self.availability = translate(f"catalog.availability.{availability}", self.lang)
        self.in_stock = availability == "in_stock"
        self.photos = [variant_path(k, "lg") for k in keys]
        upload = get_config().api_url.rstrip("/") + "/_upload/"
        self.photo_sets = [
            ", ".join(f"{upload}{variant_path(k, size)} {edge}w" for size, edge in SIZES.items())
            for k in keys
        ]
        self.thumbs = [variant_path(k, "sm") for k in keys]
        self.json_ld = script_json(self._structured_data(page, card, chosen is not None))
        self._held_state(ShellState).page_title = f"{page.meta_title} · {access.tenant.store.name}"

    def _structured_data(self, page, card, grouped: bool) -> dict:
        """schema.org ProductGroup + hasVariant for a product with options, else a Product."""
        upload = get_config().api_url.rstrip("/") + "/_upload/"
        images = [upload + p for p in self.photos]
        if grouped:
            facts = GroupFacts(
                name=card.title,
                description=page.meta_description,
                group_id=page.sku,
                brand=page.card.brand,
                url=self._url().origin + card.href,
                currency=page.card.currency,
                condition=page.condition,
                images=images,
            )
            return product_group(
                facts,
                page.variants,
                page.variant_availability,
                _langs(self.lang),
                lambda key: upload + variant_path(key, "lg"),
            )
        amount = page.card.sale_price_cents if card.old_price else page.card.price_cents
        data = {
            "@context": "https://schema.org",
            "@type": "Product",
            "name": card.title,
            "sku": page.sku,
            "description": page.meta_description,
            "offers": offer(amount, page.card.currency, page.card.availability, page.condition),
        }
        if page.card.brand:
            data["brand"] = {"@type": "Brand", "name": page.card.brand}
        if page.gtin:
            data["gtin"] = page.gtin
        if images:
            data["image"] = images
        return data

    def _page_meta(self) -> dict:
        """For the first response (orion_app/ssr/head.py): 404 for an unknown product, and
        what link previews show."""
        if not self.found:
            return {"status": 404}
        api = get_config().api_url.rstrip("/")
        image = f"{api}/_upload/{self.photos[0]}" if self.photos else ""
        return {
            "canonical": self._canonical,
            "description": self.meta_description,
            "image": image,
            "type": "product",
        }

    @rx.event
    @ui_only
    def show_photo(self, index: int):
        if 0 <= index < len(self.photos):
            self.selected_photo = index
