"""The storefront's read side: product cards and product pages in the shopper's language.

A product page reads plain columns (no ORM objects) in five statements, four for a product
without options; cards of a listing come from `listings.listing_cards`.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from sqlalchemy import Row, Select, bindparam, exists
from sqlmodel import Session, select

from modules.catalog.models import (
    Product,
    ProductMedia,
    ProductOption,
    ProductTranslation,
    ProductVariantMedia,
)
from modules.catalog.services.categories import CategoryNode
from modules.catalog.services.variants import (
    OptionRecord,
    VariantRecord,
    option_records,
    variant_records,
    variant_rows,
)
from modules.inventory.public import available_by_variant, available_stock_expr
from orion_app.errors import NotFound
from orion_app.ports import StoreRef


def last_page(total: int, per_page: int) -> int:
    """The number of the last page of `total` products (an empty listing still has page 1)."""
    return max(1, -(-total // per_page))


def category_trail(tree: Sequence[CategoryNode], category_id: int | None) -> list[CategoryNode]:
    """The category and its ancestors, from the top of the tree down (a breadcrumb's middle)."""
    by_id = {node.id: node for node in tree}
    trail: list[CategoryNode] = []
    while category_id in by_id and len(trail) < len(by_id):
        trail.append(by_id[category_id])
        category_id = by_id[category_id].parent_id
    return trail[::-1]


def language_order(lang: str, store: StoreRef) -> tuple[str, ...]:
    """Which product texts to show first: the viewer's language, the store's default, then any."""
    return (lang, store.default_language, *store.languages)


@dataclass(frozen=True)
class ProductCard:
    id: int
    slug: str
    title: str
    brand: str
    price_cents: int
    sale_price_cents: int | None
    currency: str
    vat_rate: int
    image_key: str
    available: int
    availability: str
    from_price_cents: int | None = None  # listings: the lowest price when active variants differ
    has_options: bool = False  # listings: no default variant, so a variant is chosen on its page


@dataclass(frozen=True)
class ProductPage:
    card: ProductCard
    sku: str
    gtin: str
    condition: str
    description: str
    meta_title: str
    meta_description: str
    photo_keys: list[str] = field(default_factory=list)
    photo_alts: list[str] = field(default_factory=list)
    category_id: int | None = None
    options: list[OptionRecord] = field(default_factory=list)  # [] for a product without options
    variants: list[VariantRecord] = field(default_factory=list)  # every variant, active or not
    variant_availability: dict[int, str] = field(default_factory=dict)  # variant id -> shown availability


# The product's columns a card and its shown availability are made of (with a title, a photo
# key and the available units): what a card query selects.
CARD_COLUMNS = (
    Product.id,
    Product.slug,
    Product.brand,
    Product.price_cents,
    Product.sale_price_cents,
    Product.currency,
    Product.vat_rate,
    Product.is_digital,
    Product.availability,
)


def _text(
    texts: Mapping[str, ProductTranslation | Row], langs: tuple[str, ...]
) -> ProductTranslation | Row | None:
    for lang in langs:
        if lang in texts:
            return texts[lang]
    return next(iter(texts.values()), None)


def shown_availability(product: Product | Row, available: int) -> str:
    """Stock decides for physical goods; digital goods and pre-orders keep what the merchant set."""
    if product.is_digital or product.availability in ("preorder", "backorder"):
        return product.availability
    return "in_stock" if available > 0 else "out_of_stock"


def _card(
    product: Product | Row,
    texts: Mapping[str, ProductTranslation | Row],
    langs: tuple[str, ...],
    image_key: str,
    available: int,
) -> ProductCard:
    """The product's card from texts and a photo already read: its title in the first of `langs`
    it has, else in any language it has, else its SKU."""
    title = next((texts[lang].title for lang in langs if lang in texts), None)
    if not title:
        text = _text(texts, ())
        title = text.title if text else product.sku
    return ProductCard(
        id=product.id,
        slug=product.slug,
        title=title,
        brand=product.brand,
        price_cents=product.price_cents,
        sale_price_cents=product.sale_price_cents,
        currency=product.currency,
        vat_rate=product.vat_rate,
        image_key=image_key,
        available=available,
        availability=shown_availability(product, available),
    )


def product_page(session: Session, store_id: int, slug: str, langs: tuple[str, ...]) -> ProductPage:
    """An active product of this store by slug; NotFound for other stores, inactive or unknown.

    Five statements (four without options): the product with its texts and stock, its
    photos with the variants showing each, its options with their values, its variants with
    their values, and the variants' stock (inventory's public face)."""
    connection = session.connection()  # Core statements: no ORM objects are needed here
    params = {"store_id": store_id}
    product_rows = connection.execute(_product_statement(), params | {"slug": slug}).all()
    if not product_rows:
        raise NotFound()
    product = product_rows[0]
    texts = {row.lang: row for row in product_rows if row.lang is not None}  # in the order written
    text = _text(texts, langs)
    gallery: dict[int, Row] = {}  # media id -> its first row: the product's photos in order
    links: dict[int, list[tuple[int, int, str]]] = {}  # variant id -> (position, link id, key)
    for row in connection.execute(_photos_statement(), params | {"product_id": product.id}):
        gallery.setdefault(row.id, row)
        if row.variant_id is not None:
            links.setdefault(row.variant_id, []).append((row.link_position, row.link_id, row.key))
    photos = list(gallery.values())
    card = _card(product, texts, langs, photos[0].key if photos else "", max(0, int(product.stock or 0)))
    options = option_records(session, [product.id]) if product.has_options else {}
    rows = variant_rows(session, store_id, [product.id])
    variant_photos = {vid: [key for _p, _id, key in sorted(keys)] for vid, keys in links.items()}
    variants = variant_records({product.id: product}, rows, options, variant_photos)[product.id]
    stock = available_by_variant(session, store_id, [v.id for v in variants])
    return ProductPage(
        card=card,
        sku=product.sku,
        gtin=product.gtin,
        condition=product.condition,
        description=text.description if text else "",
        meta_title=(text.meta_title or text.title) if text else product.sku,
        meta_description=(text.meta_description or text.description[:160]) if text else "",
        photo_keys=[m.key for m in photos],
        photo_alts=[m.alt or card.title for m in photos],
        category_id=product.category_id,
        options=options.get(product.id, []),
        variants=variants,
        variant_availability={v.id: shown_availability(product, stock.get(v.id, 0)) for v in variants},
    )


@lru_cache(maxsize=1)
def _product_statement() -> Select:
    """An active product by store and slug, one row per language it has texts in (one row
    with `lang` None without any), with its available stock and whether it has options."""
    return (
        select(
            *CARD_COLUMNS,
            Product.sku,
            Product.gtin,
            Product.condition,
            Product.category_id,
            available_stock_expr(bindparam("store_id"), Product.id).label("stock"),
            exists().where(ProductOption.product_id == Product.id).label("has_options"),
            ProductTranslation.lang,
            ProductTranslation.title,
            ProductTranslation.description,
            ProductTranslation.meta_title,
            ProductTranslation.meta_description,
        )
        .outerjoin(ProductTranslation, ProductTranslation.product_id == Product.id)
        .where(
            Product.store_id == bindparam("store_id"),
            Product.slug == bindparam("slug"),
            Product.is_active.is_(True),
        )
        .order_by(ProductTranslation.id)
    )


@lru_cache(maxsize=1)
def _photos_statement() -> Select:
    """The product's photos in the merchant's order, each once per variant showing it (with
    the variant's own order of it) or once alone."""
    return (
        select(
            ProductMedia.id,
            ProductMedia.key,
            ProductMedia.alt,
            ProductVariantMedia.variant_id,
            ProductVariantMedia.position.label("link_position"),
            ProductVariantMedia.id.label("link_id"),
        )
        .outerjoin(ProductVariantMedia, ProductVariantMedia.media_id == ProductMedia.id)
        .where(
            ProductMedia.store_id == bindparam("store_id"), ProductMedia.product_id == bindparam("product_id")
        )
        .order_by(ProductMedia.position, ProductMedia.id)
    )
