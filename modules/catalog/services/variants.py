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
from functools import lru_cache
from typing import Protocol

from sqlalchemy import ARRAY, CompoundSelect, Integer, Row, Select, any_, bindparam, cast, null, union_all
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
    return option_records(session, [product_id]).get(product_id, [])


def option_records(session: Session, product_ids: list[int]) -> dict[int, list[OptionRecord]]:
    """product id -> its options in order, each with its values in order, names and labels:
    one statement (the options' names, then their values' labels, as one UNION ALL)."""
    if not product_ids:
        return {}
    dialect = session.get_bind().dialect.name
    rows = session.execute(_options_statement(dialect), {"ids": list(product_ids)})
    # option id -> (product id, position, attribute, names, value id -> (position, labels))
    options: dict[int, tuple[int, int, str, dict[str, str], dict[int, tuple[int, dict[str, str]]]]] = {}
    for product_id, option_id, position, attribute, value_id, value_position, lang, text, _id in rows:
        option = options.setdefault(option_id, (product_id, position, attribute, {}, {}))
        texts = option[3] if value_id is None else option[4].setdefault(value_id, (value_position, {}))[1]
        if lang is not None:
            texts[lang] = text
    result: dict[int, list[OptionRecord]] = {}
    for option_id, (product_id, position, attribute, option_names, values) in options.items():
        result.setdefault(product_id, []).append(
            OptionRecord(
                option_id,
                position,
                attribute,
                option_names,
                tuple(OptionValueRecord(v, p, value_labels) for v, (p, value_labels) in values.items()),
            )
        )
    return result


def among(column, dialect: str):
    """`column` among the parameter `ids`, for statements built once: `= ANY(array)` on
    PostgreSQL, as `one_of` does (one parameter, a plan that stays an index look-up), an
    expanding IN elsewhere."""
    if dialect == "postgresql":
        return column == any_(bindparam("ids", type_=ARRAY(column.type)))
    return column.in_(bindparam("ids", expanding=True))


@lru_cache(maxsize=4)
def _options_statement(dialect: str) -> CompoundSelect:
    """`option_records`' statement, built once per dialect (building it cost more than running
    it); parameter `ids`, the product ids."""
    names = (
        select(
            ProductOption.product_id,
            ProductOption.id.label("option_id"),
            ProductOption.position.label("option_position"),
            ProductOption.attribute,
            cast(null(), Integer).label("value_id"),
            cast(null(), Integer).label("value_position"),
            ProductOptionTranslation.lang,
            ProductOptionTranslation.name.label("text"),
            ProductOptionTranslation.id.label("text_id"),
        )
        .outerjoin(ProductOptionTranslation, ProductOptionTranslation.option_id == ProductOption.id)
        .where(among(ProductOption.product_id, dialect))
    )
    labels = (
        select(
            ProductOption.product_id,
            ProductOption.id,
            ProductOption.position,
            ProductOption.attribute,
            ProductOptionValue.id,
            ProductOptionValue.position,
            ProductOptionValueTranslation.lang,
            ProductOptionValueTranslation.label,
            ProductOptionValueTranslation.id,
        )
        .join(ProductOptionValue, ProductOptionValue.option_id == ProductOption.id)
        .outerjoin(
            ProductOptionValueTranslation, ProductOptionValueTranslation.value_id == ProductOptionValue.id
        )
        .where(among(ProductOption.product_id, dialect))
    )
    return union_all(names, labels).order_by("product_id", "option_position", "value_position", "text_id")


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
    """`variants_of` for products the caller has read already (of `store_id`, by id): three
    statements (variants with their values, options, photos)."""
    if not products:
        return {}
    rows = variant_rows(session, store_id, list(products))
    photos: dict[int, list[str]] = {}
    if rows:
        for variant_id, key in session.exec(
            select(ProductVariantMedia.variant_id, ProductMedia.key)
            .join(ProductMedia, ProductMedia.id == ProductVariantMedia.media_id)
            .where(one_of(session, ProductVariantMedia.variant_id, [r.id for r, _values in rows]))
            .order_by(ProductVariantMedia.position, ProductVariantMedia.id)
        ):
            photos.setdefault(variant_id, []).append(key)
    return variant_records(products, rows, option_records(session, list(products)), photos)


def variant_rows(session: Session, store_id: int, product_ids: list[int]) -> list[tuple[Row, list[int]]]:
    """The products' variants (columns) in product, position order, each with the ids of its
    option values: one statement."""
    dialect = session.get_bind().dialect.name
    rows: dict[int, tuple[Row, list[int]]] = {}
    for row in session.execute(
        _variants_statement(dialect), {"store_id": store_id, "ids": list(product_ids)}
    ):
        values = rows.setdefault(row.id, (row, []))[1]
        if row.value_id is not None:
            values.append(row.value_id)
    return list(rows.values())


@lru_cache(maxsize=4)
def _variants_statement(dialect: str) -> Select:
    """`variant_rows`' statement, built once per dialect; parameters `store_id` and `ids`."""
    return (
        select(
            ProductVariant.id,
            ProductVariant.product_id,
            ProductVariant.sku,
            ProductVariant.gtin,
            ProductVariant.price_cents,
            ProductVariant.sale_price_cents,
            ProductVariant.weight_grams,
            ProductVariant.is_active,
            ProductVariant.position,
            ProductVariantValue.value_id,
        )
        .outerjoin(ProductVariantValue, ProductVariantValue.variant_id == ProductVariant.id)
        .where(ProductVariant.store_id == bindparam("store_id"), among(ProductVariant.product_id, dialect))
        .order_by(ProductVariant.product_id, ProductVariant.position, ProductVariant.id)
    )


class _Priced(Protocol):
    """A product, or a row of its columns: what a variant inherits its prices from."""

    price_cents: int
    sale_price_cents: int | None


def variant_records(
    products: Mapping[int, _Priced],
    rows: list[tuple[Row, list[int]]],
    options: Mapping[int, list[OptionRecord]],
    photos: Mapping[int, list[str]],
) -> dict[int, list[VariantRecord]]:
    """product id -> its variants as records, from `variant_rows`, the products' `option_records` and
    variant id -> photo keys in the variant's order; prices follow `effective_prices`."""
    by_value = {
        v.id: (o, v) for opts in options.values() for o in opts for v in o.values
    }  # value id -> (option, value)
    result: dict[int, list[VariantRecord]] = {pid: [] for pid in products}
    for r, value_ids in rows:
        product = products[r.product_id]
        picked = sorted((by_value[v] for v in value_ids if v in by_value), key=lambda ov: ov[0].position)
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
                photos=tuple(photos.get(r.id, ())),
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
