"""The storefront's read side: product cards and product pages in the shopper's language.

A page of cards always costs the same five queries, whatever its size: count, products,
their texts, their first photos, their stock.
"""

from dataclasses import dataclass, field

from sqlmodel import Session, select

from modules.catalog.models import Product, ProductTranslation
from modules.catalog.services.categories import CategoryNode
from modules.catalog.services.media import photos
from modules.catalog.services.products import translations
from modules.catalog.services.variants import OptionRecord, VariantRecord, options_of, variants_of_products
from modules.inventory.public import available_by_product, available_by_variant
from orion_app.errors import NotFound
from orion_app.ports import StoreRef


def last_page(total: int, per_page: int) -> int:
    """The number of the last page of `total` products (an empty listing still has page 1)."""
    return max(1, -(-total // per_page))


def category_trail(tree: list[CategoryNode], category_id: int | None) -> list[CategoryNode]:
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


def _text(texts: dict[str, ProductTranslation], langs: tuple[str, ...]) -> ProductTranslation | None:
    for lang in langs:
        if lang in texts:
            return texts[lang]
    return next(iter(texts.values()), None)


def shown_availability(product: Product, available: int) -> str:
    """Stock decides for physical goods; digital goods and pre-orders keep what the merchant set."""
    if product.is_digital or product.availability in ("preorder", "backorder"):
        return product.availability
    return "in_stock" if available > 0 else "out_of_stock"


def _card(
    product: Product,
    texts: dict[str, ProductTranslation],
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
    """An active product of this store by slug; NotFound for other stores, inactive or unknown."""
    product = session.exec(
        select(Product).where(Product.store_id == store_id, Product.slug == slug, Product.is_active.is_(True))
    ).first()
    if product is None:
        raise NotFound()
    # The card from what the page reads anyway (texts, gallery): no second look at either.
    texts = translations(session, [product.id])[product.id]
    text = _text(texts, langs)
    gallery = photos(session, store_id, product.id)
    available = available_by_product(session, store_id, [product.id]).get(product.id, 0)
    card = _card(product, texts, langs, gallery[0].key if gallery else "", available)
    variants = variants_of_products(session, store_id, {product.id: product}).get(product.id, [])
    stock = available_by_variant(session, store_id, [v.id for v in variants])
    return ProductPage(
        card=card,
        sku=product.sku,
        gtin=product.gtin,
        condition=product.condition,
        description=text.description if text else "",
        meta_title=(text.meta_title or text.title) if text else product.sku,
        meta_description=(text.meta_description or text.description[:160]) if text else "",
        photo_keys=[m.key for m in gallery],
        photo_alts=[m.alt or card.title for m in gallery],
        category_id=product.category_id,
        options=options_of(session, store_id, product.id),
        variants=variants,
        variant_availability={v.id: shown_availability(product, stock.get(v.id, 0)) for v in variants},
    )
