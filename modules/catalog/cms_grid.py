"""Product cards for other modules' pages (the `product_grid` contribution point cms reads
for its product grid blocks): hand-picked SKUs in their order, or the store's first active
products. Plain dicts, so cms needs no catalog import."""

from sqlmodel import Session

from modules.catalog.public import product_ids
from modules.catalog.services.listings import active_products

UPLOAD = "/_upload/"


def product_cards(
    session: Session, store_id: int, *, skus: list[str], limit: int, languages: tuple[str, ...]
) -> list[dict]:
    if skus:
        ids = product_ids(session, store_id, skus)
        products = []
        for sku in skus:
            if sku in ids:
                found = active_products(session, store_id, after_id=ids[sku] - 1, limit=1, photo_size="md")
                products.extend(p for p in found if p.id == ids[sku])
    else:
        products = active_products(session, store_id, limit=limit, photo_size="md")
    cards = []
    for product in products[:limit]:
        text = product.text(languages)
        cards.append(
            {
                "path": f"products/{product.slug}",
                "title": text.title if text else product.sku,
                "price_cents": product.sale_price_cents or product.price_cents,
                "currency": product.currency,
                "photo": UPLOAD + product.photos[0] if product.photos else "",
            }
        )
    return cards
