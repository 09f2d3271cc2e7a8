"""The catalog as other modules read it (feed exports, listings): plain records, page by page.

A page costs four queries whatever its size: products, their texts, their photos, their
stock. Pages are keyset pages on the product id, so a caller can walk a catalog of any
size with flat memory.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from sqlmodel import Session, select

from modules.catalog.models import Product, ProductMedia
from modules.catalog.services.media import variant_path
from modules.catalog.services.products import translations
from modules.catalog.services.storefront import shown_availability
from modules.inventory.public import available_by_product
from orion_app.records import record_from


@dataclass(frozen=True)
class ProductText:
    title: str
    description: str


@dataclass(frozen=True)
class ListedProduct:
    """An active product with what a listing shows; prices are gross integer cents."""

    id: int
    sku: str
    slug: str
    price_cents: int
    sale_price_cents: int | None
    currency: str
    brand: str
    gtin: str
    mpn: str
    condition: str
    availability: str  # what the storefront shows: stock decides for physical goods
    texts: Mapping[str, ProductText]  # by language
    photos: tuple[str, ...]  # paths relative to the media folder, in the merchant's order

    def text(self, langs: tuple[str, ...]) -> ProductText | None:
        """The text in the first of `langs` that has one, else any."""
        for lang in langs:
            if lang in self.texts:
                return self.texts[lang]
        return next(iter(self.texts.values()), None)


def active_products(
    session: Session, store_id: int, *, after_id: int = 0, limit: int = 1000, photo_size: str = "lg"
) -> list[ListedProduct]:
    """Up to `limit` active products of the store with an id above `after_id`, by id."""
    products = list(
        session.exec(
            select(Product)
            .where(Product.store_id == store_id, Product.is_active.is_(True), Product.id > after_id)
            .order_by(Product.id)
            .limit(limit)
        ).all()
    )
    ids = [p.id for p in products]
    texts = translations(session, ids)
    stock = available_by_product(session, store_id, ids)
    photos: dict[int, list[str]] = {pid: [] for pid in ids}
    if ids:
        for product_id, key in session.exec(
            select(ProductMedia.product_id, ProductMedia.key)
            .where(ProductMedia.store_id == store_id, ProductMedia.product_id.in_(ids))
            .order_by(ProductMedia.product_id, ProductMedia.position, ProductMedia.id)
        ):
            photos[product_id].append(variant_path(key, photo_size))
    return [
        record_from(
            ListedProduct,
            p,
            availability=shown_availability(p, stock.get(p.id, 0)),
            texts={lang: ProductText(t.title, t.description) for lang, t in texts[p.id].items()},
            photos=tuple(photos[p.id]),
        )
        for p in products
    ]
