"""Catalog's public face: a read API for exports and listings, bulk upsert for importers.

Other modules read a store's products here as frozen records (`ListedProduct`), never as
`Product` rows, and write them only through `upsert_products`, which applies the same
field rules as the product editor. The value parsers let an importer report a bad cell
with the catalog's own message before it sends the row; `product_rules()` holds the field
limits every way in shares. Importers also set what a feed row carries besides fields:
photos (`attach_photo`, `attach_stored_photo`), drafts (`set_inactive`) and categories
(`set_categories`, choices from `category_options`), by SKU via `product_ids`.

Variants (stock, cart lines and orders point at a variant; a product without options has
exactly one default variant): read `variants_of(session, store_id, product_ids)` ->
{product id: [VariantRecord]} (effective prices, option values with names and labels per
language, photo keys), `options_of`, `variant_ids` (by SKU), `default_variants`; write
`set_options` (`OptionInput`), `generate_variants`, `update_variants`, each raising
`FieldErrors` keyed like the dashboard's fields and committing; importers write a batch
of products' options and variants with `upsert_variant_groups` (`VariantGroup`,
`GroupVariant` -> `GroupOutcome`; same rules, few statements, no commit) and read
`options_by_product`. `effective_prices` is the
inheritance rule. Carts and orders price by variant id with `sellable_variants`
(`SellableVariant`: the price charged now, VAT rate, title and options in a language, active,
the photo unless `photos=False`), in one query (two with options).
See docs/catalog.md, "Variants".
"""

from sqlalchemy import update
from sqlmodel import Session, select

from modules.catalog.models import Category, Product
from modules.catalog.services.bulk import Item, Outcome, upsert_products
from modules.catalog.services.categories import category_options
from modules.catalog.services.listings import ListedProduct, ProductText, active_products
from modules.catalog.services.media import MAX_BYTES as PHOTO_MAX_BYTES
from modules.catalog.services.media import MAX_PIXELS as PHOTO_MAX_PIXELS
from modules.catalog.services.media import add_photo, copy_photo
from modules.catalog.services.rules import ProductRules, product_rules
from modules.catalog.services.sellable import SellableVariant, sellable_variants
from modules.catalog.services.storefront import language_order
from modules.catalog.services.values import AVAILABILITY, CONDITIONS, ValueProblem, gtin_type, parse_price
from modules.catalog.services.variant_bulk import (
    GroupOutcome,
    GroupVariant,
    VariantGroup,
    options_by_product,
    upsert_variant_groups,
)
from modules.catalog.services.variant_edits import (
    ATTRIBUTES as OPTION_ATTRIBUTES,
)
from modules.catalog.services.variant_edits import (
    MAX_OPTIONS,
    MAX_VARIANTS,
    generate_variants,
    set_options,
    update_variants,
)
from modules.catalog.services.variants import (
    OptionInput,
    OptionRecord,
    OptionValueRecord,
    VariantOption,
    VariantRecord,
    default_variants,
    effective_prices,
    options_of,
    variant_ids,
    variants_of,
)
from orion_app.db import one_of

__all__ = [
    "AVAILABILITY",
    "CONDITIONS",
    "MAX_OPTIONS",
    "MAX_VARIANTS",
    "OPTION_ATTRIBUTES",
    "PHOTO_MAX_BYTES",
    "PHOTO_MAX_PIXELS",
    "GroupOutcome",
    "GroupVariant",
    "Item",
    "ListedProduct",
    "OptionInput",
    "OptionRecord",
    "OptionValueRecord",
    "Outcome",
    "ProductRules",
    "ProductText",
    "SellableVariant",
    "ValueProblem",
    "VariantGroup",
    "VariantOption",
    "VariantRecord",
    "active_products",
    "attach_photo",
    "attach_stored_photo",
    "category_options",
    "default_variants",
    "effective_prices",
    "generate_variants",
    "gtin_type",
    "language_order",
    "options_by_product",
    "options_of",
    "parse_price",
    "product_ids",
    "product_rules",
    "sellable_variants",
    "set_categories",
    "set_inactive",
    "set_options",
    "update_variants",
    "upsert_products",
    "upsert_variant_groups",
    "variant_ids",
    "variants_of",
]


def product_ids(session: Session, store_id: int, skus: list[str]) -> dict[str, int]:
    """SKU -> product id of those of `skus` the store has, in one query."""
    if not skus:
        return {}
    rows = session.exec(
        select(Product.sku, Product.id).where(
            Product.store_id == store_id, one_of(session, Product.sku, skus)
        )
    ).all()
    return dict(rows)


def set_inactive(session: Session, store_id: int, skus: list[str]) -> None:
    """Take these products of the store off the storefront (drafts). Flushes only."""
    if skus:
        session.execute(
            update(Product)
            .where(Product.store_id == store_id, one_of(session, Product.sku, skus))
            .values(is_active=False)
            .execution_options(synchronize_session=False)
        )


def set_categories(session: Session, store_id: int, categories: dict[str, int]) -> None:
    """File products (by SKU) under categories of the same store; other ids are ignored.

    Flushes only: the caller commits with the rest of its batch.
    """
    own = set(session.exec(select(Category.id).where(Category.store_id == store_id)).all())
    by_category: dict[int, list[str]] = {}
    for sku, category_id in categories.items():
        if category_id in own:
            by_category.setdefault(category_id, []).append(sku)
    for category_id, skus in by_category.items():  # one statement per category, not per product
        session.execute(
            update(Product)
            .where(Product.store_id == store_id, one_of(session, Product.sku, skus))
            .values(category_id=category_id)
            .execution_options(synchronize_session=False)
        )


def attach_photo(session: Session, store_id: int, product_id: int, data: bytes, alt: str = "") -> str:
    """Store `data` as the product's next photo in the three WebP sizes; the stored key.

    Refused like an upload in the editor (FieldErrors: not an image, too large, too many
    photos); NotFound when the product is not the store's. Commits.
    """
    return add_photo(session, store_id, product_id, data, alt).key


def attach_stored_photo(session: Session, store_id: int, product_id: int, key: str, alt: str = "") -> str:
    """The store's photo stored under `key`, added to another product without storing it again.

    The three files are hard-linked (copied where the file system cannot link), so deleting
    either photo later leaves the other whole. NotFound when the files are gone. Commits.
    """
    return copy_photo(session, store_id, product_id, key, alt).key
