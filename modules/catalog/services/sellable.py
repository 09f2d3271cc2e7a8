"""Variants as a cart or an order sells them, read by variant id: the price charged now, the
product's VAT rate and title in the shopper's language, and whether both are active.

Carts and orders hold variant ids only; this is their one read of the catalog at pricing
time, in a fixed number of queries. Another store's (or an unknown) variant is absent.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel import Session, select

from modules.catalog.models import Product, ProductVariant
from modules.catalog.services.media import first_photos, variant_path
from modules.catalog.services.products import translations
from modules.catalog.services.variants import variants_of_products
from orion_app.db import one_of


@dataclass(frozen=True)
class SellableVariant:
    variant_id: int
    product_id: int
    sku: str
    title: str  # in the first of the wanted languages the product has, else any
    options: str  # "250 g, Beans" in that language, "" for a product without options
    price_cents: int  # gross, what it sells at now: the sale price when there is one
    currency: str
    vat_rate: int
    is_active: bool  # the product and the variant are both active
    photo: str = ""  # small (320 px) file of the variant's first photo, else the product's; a media path
    stock_limited: bool = True  # physical goods, not on pre-/back-order: stock caps the quantity


def sellable_variants(
    session: Session, store_id: int, variant_ids: Sequence[int], langs: Sequence[str]
) -> dict[int, SellableVariant]:
    """variant id -> how it sells now, for those of `variant_ids` the store has."""
    if not variant_ids:
        return {}
    product_ids = list(
        set(
            session.exec(
                select(ProductVariant.product_id).where(
                    ProductVariant.store_id == store_id, one_of(session, ProductVariant.id, list(variant_ids))
                )
            ).all()
        )
    )
    if not product_ids:
        return {}
    products = {
        p.id: p
        for p in session.exec(
            select(Product).where(Product.store_id == store_id, one_of(session, Product.id, product_ids))
        )
    }
    texts = translations(session, product_ids)
    photos = first_photos(session, store_id, product_ids)
    wanted = set(variant_ids)
    result: dict[int, SellableVariant] = {}
    for product_id, variants in variants_of_products(session, store_id, products).items():
        product = products[product_id]
        title = _first({lang: t.title for lang, t in texts[product_id].items()}, langs, fallback=product.sku)
        for v in variants:
            if v.id not in wanted:
                continue
            result[v.id] = SellableVariant(
                variant_id=v.id,
                product_id=product_id,
                sku=v.sku,
                title=title,
                options=", ".join(_first(o.labels, langs, fallback="") for o in v.options),
                price_cents=v.sale_price_cents if v.sale_price_cents is not None else v.price_cents,
                currency=product.currency,
                vat_rate=product.vat_rate,
                is_active=product.is_active and v.is_active,
                photo=_small(v.photos[0] if v.photos else photos.get(product_id) and photos[product_id].key),
                stock_limited=not product.is_digital
                and product.availability not in ("preorder", "backorder"),
            )
    return result


def _small(key: str | None) -> str:
    return variant_path(key, "sm") if key else ""


def _first(by_lang: dict[str, str], langs: Sequence[str], *, fallback: str) -> str:
    for lang in langs:
        if by_lang.get(lang):
            return by_lang[lang]
    return next((text for text in by_lang.values() if text), fallback)
