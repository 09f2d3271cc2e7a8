"""Options and variants of a product: the records and the readers (writers: `variant_edits.py`).

A product has up to `MAX_OPTIONS` options (Weight, Grind), each with ordered values, names
and labels per language. Each variant is one combination of values (one per option), with
its own SKU (unique in the store, across every product's variants and product SKUs), GTIN,
prices (None inherits the product's: `effective_prices`), weight, photos (some of the
product's) and active flag. A product without options has exactly one default variant, no
values, whose SKU and GTIN follow the product's (`products.py` keeps them in step).

Writers validate everything first and raise `FieldErrors` keyed like the dashboard's
fields (`options.0.name`, `options.1.values.2`, `<variant id>.sku`); nothing is written
then. They commit, and refresh the product's search text (variant SKUs and GTINs).
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlmodel import Session, select

from modules.catalog.models import (
    Product,
    ProductMedia,
    ProductOption,
    ProductOptionTranslation,
    ProductOptionValue,
    ProductOptionValueTranslation,
    ProductVariant,
    ProductVariantMedia,
    ProductVariantValue,
)
from modules.catalog.services.products import get_product
from orion_app.db import one_of


@dataclass(frozen=True)
class OptionValueRecord:
    id: int
    position: int
    labels: Mapping[str, str]  # by language


@dataclass(frozen=True)
class OptionRecord:
    id: int
    position: int
    attribute: str  # "" or one of ATTRIBUTES: what feeds call it
    names: Mapping[str, str]  # by language
    values: tuple[OptionValueRecord, ...]


@dataclass(frozen=True)
class VariantOption:
    """The variant's value of one option, with the option's names and the value's labels."""

    option_id: int
    value_id: int
    attribute: str
    names: Mapping[str, str]
    labels: Mapping[str, str]


@dataclass(frozen=True)
class VariantRecord:
    """One variant; `price_cents`/`sale_price_cents` are effective (own or inherited) gross cents."""

    id: int
    product_id: int
    sku: str
    gtin: str
    options: tuple[VariantOption, ...]  # in option order; () for a default variant
    price_cents: int
    sale_price_cents: int | None
    own_price_cents: int | None  # None: inherits the product's
    own_sale_price_cents: int | None
    weight_grams: int | None
    photos: tuple[str, ...]  # ProductMedia keys, in the variant's order
    is_active: bool
    position: int

    @property
    def is_default(self) -> bool:
        return not self.options


@dataclass
class OptionInput:
    """An option as the dashboard sends it: `id` of an existing one, or None for a new one.

    `values` are label mappings (lang -> label) in order; `value_ids` (same length, None for
    new values) say which existing values they are.
    """

    names: dict[str, str]
    values: list[dict[str, str]]
    value_ids: list[int | None] = field(default_factory=list)
    attribute: str = ""
    id: int | None = None


def effective_prices(
    price: int, sale: int | None, own_price: int | None, own_sale: int | None
) -> tuple[int, int | None]:
    """(price, sale) a variant sells at: its own price, else the product's. A variant with its own
    price inherits no sale price (the product's sale could be above it); its own sale price wins."""
    if own_price is None:
        return price, own_sale if own_sale is not None else sale
    return own_price, own_sale


def options_of(session: Session, store_id: int, product_id: int) -> list[OptionRecord]:
    """The product's options with their values, in order (NotFound for another store's product)."""
    get_product(session, store_id, product_id)
    return _options(session, [product_id]).get(product_id, [])


def _options(session: Session, product_ids: list[int]) -> dict[int, list[OptionRecord]]:
    options = session.exec(
        select(ProductOption)
        .where(one_of(session, ProductOption.product_id, product_ids))
        .order_by(ProductOption.product_id, ProductOption.position)
    ).all()
    option_ids = [o.id for o in options]
    names: dict[int, dict[str, str]] = {i: {} for i in option_ids}
    values: dict[int, list[ProductOptionValue]] = {i: [] for i in option_ids}
    labels: dict[int, dict[str, str]] = {}
    if option_ids:
        for t in session.exec(
            select(ProductOptionTranslation).where(
                one_of(session, ProductOptionTranslation.option_id, option_ids)
            )
        ):
            names[t.option_id][t.lang] = t.name
        for v in session.exec(
            select(ProductOptionValue)
            .where(one_of(session, ProductOptionValue.option_id, option_ids))
            .order_by(ProductOptionValue.position)
        ):
            values[v.option_id].append(v)
            labels[v.id] = {}
        if labels:
            for t in session.exec(
                select(ProductOptionValueTranslation).where(
                    one_of(session, ProductOptionValueTranslation.value_id, list(labels))
                )
            ):
                labels[t.value_id][t.lang] = t.label
    result: dict[int, list[OptionRecord]] = {}
    for o in options:
        result.setdefault(o.product_id, []).append(
            OptionRecord(
                o.id,
                o.position,
                o.attribute,
                names[o.id],
                tuple(OptionValueRecord(v.id, v.position, labels[v.id]) for v in values[o.id]),
            )
        )
    return result


def variants_of(session: Session, store_id: int, product_ids: list[int]) -> dict[int, list[VariantRecord]]:
    """product id -> its variants in position order, in a fixed number of queries.

    Products of other stores (or unknown ids) are absent from the answer.
    """
    if not product_ids:
        return {}
    products = {
        p.id: p
        for p in session.exec(
            select(Product).where(Product.store_id == store_id, one_of(session, Product.id, product_ids))
        )
    }
    return variants_of_products(session, store_id, products)


def variants_of_products(
    session: Session, store_id: int, products: dict[int, Product]
) -> dict[int, list[VariantRecord]]:
    """`variants_of` for products the caller has read already (of `store_id`, by id)."""
    if not products:
        return {}
    rows = session.exec(
        select(ProductVariant)
        .where(
            ProductVariant.store_id == store_id, one_of(session, ProductVariant.product_id, list(products))
        )
        .order_by(ProductVariant.product_id, ProductVariant.position, ProductVariant.id)
    ).all()
    options = _options(session, list(products))
    by_value = {
        v.id: (o, v) for opts in options.values() for o in opts for v in o.values
    }  # value id -> (option, value)
    chosen: dict[int, list[int]] = {r.id: [] for r in rows}
    photos: dict[int, list[str]] = {r.id: [] for r in rows}
    if rows:
        ids = list(chosen)
        for link in session.exec(
            select(ProductVariantValue).where(one_of(session, ProductVariantValue.variant_id, ids))
        ):
            chosen[link.variant_id].append(link.value_id)
        for variant_id, key in session.exec(
            select(ProductVariantMedia.variant_id, ProductMedia.key)
            .join(ProductMedia, ProductMedia.id == ProductVariantMedia.media_id)
            .where(one_of(session, ProductVariantMedia.variant_id, ids))
            .order_by(ProductVariantMedia.position, ProductVariantMedia.id)
        ):
            photos[variant_id].append(key)
    result: dict[int, list[VariantRecord]] = {pid: [] for pid in products}
    for r in rows:
        product = products[r.product_id]
        picked = sorted((by_value[v] for v in chosen[r.id] if v in by_value), key=lambda ov: ov[0].position)
        price, sale = effective_prices(
            product.price_cents, product.sale_price_cents, r.price_cents, r.sale_price_cents
        )
        result[r.product_id].append(
            VariantRecord(
                id=r.id,
                product_id=r.product_id,
                sku=r.sku,
                gtin=r.gtin,
                options=tuple(VariantOption(o.id, v.id, o.attribute, o.names, v.labels) for o, v in picked),
                price_cents=price,
                sale_price_cents=sale,
                own_price_cents=r.price_cents,
                own_sale_price_cents=r.sale_price_cents,
                weight_grams=r.weight_grams,
                photos=tuple(photos[r.id]),
                is_active=r.is_active,
                position=r.position,
            )
        )
    return result


def variant_ids(session: Session, store_id: int, skus: list[str]) -> dict[str, int]:
    """SKU -> variant id of those of `skus` the store has, in one query."""
    if not skus:
        return {}
    return dict(
        session.exec(
            select(ProductVariant.sku, ProductVariant.id).where(
                ProductVariant.store_id == store_id, one_of(session, ProductVariant.sku, skus)
            )
        ).all()
    )


def default_variants(session: Session, store_id: int, product_ids: list[int]) -> dict[int, int]:
    """product id -> its default variant id, for those products that have no options."""
    if not product_ids:
        return {}
    return dict(
        session.exec(
            select(ProductVariant.product_id, ProductVariant.id).where(
                ProductVariant.store_id == store_id,
                ProductVariant.combination == "",
                one_of(session, ProductVariant.product_id, product_ids),
            )
        ).all()
    )


def sku_owner(session: Session, store_id: int, sku: str) -> int | None:
    """The product whose SKU, or one of whose variants' SKUs, is `sku`; None when free."""
    owner = session.exec(
        select(ProductVariant.product_id).where(
            ProductVariant.store_id == store_id, ProductVariant.sku == sku
        )
    ).first()
    if owner is None:
        owner = session.exec(
            select(Product.id).where(Product.store_id == store_id, Product.sku == sku)
        ).first()
    return owner
