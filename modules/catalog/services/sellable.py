"""Variants as a cart or an order sells them, read by variant id: the price charged now, the
product's VAT rate and title in the shopper's language, and whether both are active.

Carts and orders hold variant ids only; this is their one read of the catalog at pricing
time: one query (variant, product, title and photo together), and a second for the option
labels only when a wanted variant has options. Another store's (or an unknown) variant is
absent.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import bindparam, case, literal
from sqlmodel import Session, select

from modules.catalog.models import (
    Product,
    ProductMedia,
    ProductOption,
    ProductOptionValue,
    ProductOptionValueTranslation,
    ProductTranslation,
    ProductVariant,
    ProductVariantMedia,
    ProductVariantValue,
)
from modules.catalog.services.media import variant_path
from modules.catalog.services.variants import among, effective_prices


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
    session: Session,
    store_id: int,
    variant_ids: Sequence[int],
    langs: Sequence[str],
    *,
    photos: bool = True,
) -> dict[int, SellableVariant]:
    """variant id -> how it sells now, for those of `variant_ids` the store has. `photos`
    False: without the photo (`photo` ""), for a caller that shows none (an order's pricing)."""
    if not variant_ids:
        return {}
    dialect = session.get_bind().dialect.name
    rows = session.execute(
        _variants_statement(tuple(langs), dialect, photos),
        {"store": store_id, "ids": list(set(variant_ids))},
    ).all()
    options = _option_labels(session, [row[0] for row in rows if row[2]], {row[1] for row in rows}, langs)
    result: dict[int, SellableVariant] = {}
    for (
        variant_id,
        product_id,
        _combination,
        sku,
        own_price,
        own_sale,
        variant_active,
        product_sku,
        price,
        sale,
        currency,
        vat_rate,
        product_active,
        is_digital,
        availability,
        title,
        variant_photo,
        product_photo,
    ) in rows:
        price, sale = effective_prices(price, sale, own_price, own_sale)
        result[variant_id] = SellableVariant(
            variant_id=variant_id,
            product_id=product_id,
            sku=sku,
            title=title or product_sku,
            options=options.get(variant_id, ""),
            price_cents=sale if sale is not None else price,
            currency=currency,
            vat_rate=vat_rate,
            is_active=product_active and variant_active,
            photo=_small(variant_photo or product_photo),
            stock_limited=not is_digital and availability not in ("preorder", "backorder"),
        )
    return result


@lru_cache(maxsize=64)
def _variants_statement(langs: tuple[str, ...], dialect: str, photos: bool):
    """The one query of `sellable_variants`, built once per language order, dialect and
    photos or not (building it cost more than running it); parameters `store` and `ids`."""
    store = bindparam("store")
    photo_columns = (_variant_photo(), _product_photo(store)) if photos else (literal(None), literal(None))
    return (
        select(
            ProductVariant.id,
            ProductVariant.product_id,
            ProductVariant.combination,
            ProductVariant.sku,
            ProductVariant.price_cents,
            ProductVariant.sale_price_cents,
            ProductVariant.is_active,
            Product.sku,
            Product.price_cents,
            Product.sale_price_cents,
            Product.currency,
            Product.vat_rate,
            Product.is_active,
            Product.is_digital,
            Product.availability,
            _title(langs),
            *photo_columns,
        )
        .join(Product, Product.id == ProductVariant.product_id)
        .where(
            ProductVariant.store_id == store,
            Product.store_id == store,
            among(ProductVariant.id, dialect),
        )
        .order_by(ProductVariant.product_id, ProductVariant.position, ProductVariant.id)
    )


def _rank(column, langs: Sequence[str]):
    """0 for the first of `langs`, 1 for the next…, len(langs) for any other language."""
    order: dict[str, int] = {}
    for lang in langs:
        order.setdefault(lang, len(order))
    return case(order, value=column, else_=len(order)) if order else literal(0)


def _title(langs: Sequence[str]):
    """The product's first non-empty title in `langs`' order, else any (the first written)."""
    return (
        select(ProductTranslation.title)
        .where(ProductTranslation.product_id == Product.id, ProductTranslation.title != "")
        .order_by(_rank(ProductTranslation.lang, langs), ProductTranslation.id)
        .limit(1)
        .correlate(Product)
        .scalar_subquery()
    )


def _variant_photo():
    """The key of the variant's first photo (its own order)."""
    return (
        select(ProductMedia.key)
        .join(ProductVariantMedia, ProductVariantMedia.media_id == ProductMedia.id)
        .where(ProductVariantMedia.variant_id == ProductVariant.id)
        .order_by(ProductVariantMedia.position, ProductVariantMedia.id)
        .limit(1)
        .correlate(ProductVariant)
        .scalar_subquery()
    )


def _product_photo(store):
    """The key of the product's first photo (in the store `store`, a parameter)."""
    return (
        select(ProductMedia.key)
        .where(ProductMedia.store_id == store, ProductMedia.product_id == Product.id)
        .order_by(ProductMedia.position, ProductMedia.id)
        .limit(1)
        .correlate(Product)
        .scalar_subquery()
    )


def _option_labels(
    session: Session, variant_ids: list[int], product_ids: set[int], langs: Sequence[str]
) -> dict[int, str]:
    """variant id -> "250 g, Beans": its values' labels in option order, each in the first of
    `langs` it has, else any, else ""; one query, none for variants without options."""
    if not variant_ids:
        return {}
    dialect = session.get_bind().dialect.name
    rows = session.execute(_labels_statement(dialect), {"ids": variant_ids}).all()
    labels: dict[int, dict[int, dict[str, str]]] = {}  # variant -> value -> lang -> label
    for variant_id, value_id, product_id, _position, lang, label in rows:
        if product_id not in product_ids:
            continue
        by_lang = labels.setdefault(variant_id, {}).setdefault(value_id, {})
        if lang is not None:
            by_lang[lang] = label
    return {
        variant_id: ", ".join(_first(by_lang, langs, fallback="") for by_lang in values.values())
        for variant_id, values in labels.items()
    }


@lru_cache(maxsize=4)
def _labels_statement(dialect: str):
    """The option labels of the variants `ids`, in option order; built once per dialect."""
    return (
        select(
            ProductVariantValue.variant_id,
            ProductVariantValue.value_id,
            ProductOption.product_id,
            ProductOption.position,
            ProductOptionValueTranslation.lang,
            ProductOptionValueTranslation.label,
        )
        .join(ProductOptionValue, ProductOptionValue.id == ProductVariantValue.value_id)
        .join(ProductOption, ProductOption.id == ProductOptionValue.option_id)
        .outerjoin(
            ProductOptionValueTranslation,
            ProductOptionValueTranslation.value_id == ProductOptionValue.id,
        )
        .where(among(ProductVariantValue.variant_id, dialect))
        .order_by(ProductVariantValue.variant_id, ProductOption.position, ProductOptionValueTranslation.id)
    )


def _small(key: str | None) -> str:
    return variant_path(key, "sm") if key else ""


def _first(by_lang: dict[str, str], langs: Sequence[str], *, fallback: str) -> str:
    for lang in langs:
        if by_lang.get(lang):
            return by_lang[lang]
    return next((text for text in by_lang.values() if text), fallback)
