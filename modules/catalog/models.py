"""Catalog tables: products with per-language texts, categories, media, options and variants."""

from datetime import datetime

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field

from orion_app.access_cache import watch_models
from orion_app.db import utcnow
from orion_app.tables import Row

CATEGORY_TREE = "catalog_tree"  # the access_cache scope of the storefront's category trees


class Texts(Row):
    """Base of a table of one row's texts in one language (`lang`: en, fr, de, lb)."""

    lang: str = Field(max_length=2)


class Category(Row, table=True):
    __table_args__ = (UniqueConstraint("store_id", "slug"),)

    store_id: int = Field(foreign_key="store.id", index=True)
    parent_id: int | None = Field(default=None, foreign_key="category.id")
    slug: str = Field(max_length=80)
    position: int = 0


class CategoryTranslation(Texts, table=True):
    __tablename__ = "category_translation"
    __table_args__ = (UniqueConstraint("category_id", "lang"),)

    category_id: int = Field(foreign_key="category.id", index=True)
    name: str = Field(max_length=120)


class Product(Row, table=True):
    """A sellable item of one store. Prices are gross (VAT included) integer cents."""

    __table_args__ = (
        UniqueConstraint("store_id", "sku"),
        UniqueConstraint("store_id", "slug"),
        # The storefront's listing order: a page is an index range scan, not a sort.
        Index("ix_product_shop_listing", "store_id", "is_active", "created_at", "id"),
    )

    store_id: int = Field(foreign_key="store.id", index=True)
    category_id: int | None = Field(default=None, foreign_key="category.id", index=True)
    sku: str = Field(max_length=64)
    slug: str = Field(max_length=140)
    gtin: str = Field(default="", max_length=14, index=True)
    gtin_type: str = Field(default="", max_length=8)  # EAN-8 | UPC-A | EAN-13 | GTIN-14
    brand: str = Field(default="", max_length=120)
    mpn: str = Field(default="", max_length=70)
    condition: str = Field(default="new", max_length=12)
    availability: str = Field(default="in_stock", max_length=16)
    price_cents: int
    sale_price_cents: int | None = None
    currency: str = Field(default="EUR", max_length=3)
    vat_rate: int = 17  # percent; Luxembourg: 17, 14, 8, 3 or 0
    is_active: bool = True
    is_digital: bool = False
    is_featured: bool = False
    source: str = Field(default="manual", max_length=20)  # manual | letzshop | ...
    # Lower-case, accent-free titles of every language, brand, SKU and GTIN: what search reads.
    search_text: str = Field(default="", max_length=4000)
    created_at: datetime = Field(default_factory=utcnow, index=True)
    updated_at: datetime = Field(default_factory=utcnow)


class ProductTranslation(Texts, table=True):
    __tablename__ = "product_translation"
    __table_args__ = (UniqueConstraint("product_id", "lang"),)

    product_id: int = Field(foreign_key="product.id", index=True)
    title: str = Field(max_length=200)
    description: str = Field(default="", max_length=10_000)
    meta_title: str = Field(default="", max_length=200)
    meta_description: str = Field(default="", max_length=400)


class ProductMedia(Row, table=True):
    """One photo; `key` names the stored files `<key>_{sm,md,lg}.webp` under the media folder."""

    __tablename__ = "product_media"
    __table_args__ = (Index("ix_product_media_product_position", "product_id", "position", "id"),)

    store_id: int = Field(foreign_key="store.id", index=True)
    product_id: int = Field(foreign_key="product.id", index=True)
    key: str = Field(max_length=200)
    position: int = 0
    width: int = 0
    height: int = 0
    alt: str = Field(default="", max_length=200)


class ProductOption(Row, table=True):
    """One of a product's options (at most 3), e.g. Weight; its name per language below.

    `attribute` says what a feed calls it (Google Shopping: color, size, material,
    pattern, gender, age_group; "" when it is none of those).
    """

    __tablename__ = "product_option"
    __table_args__ = (UniqueConstraint("product_id", "position"),)

    store_id: int = Field(foreign_key="store.id", index=True)
    product_id: int = Field(foreign_key="product.id", index=True)
    position: int = 0
    attribute: str = Field(default="", max_length=20)


class ProductOptionTranslation(Texts, table=True):
    __tablename__ = "product_option_translation"
    __table_args__ = (UniqueConstraint("option_id", "lang"),)

    option_id: int = Field(foreign_key="product_option.id", index=True)
    name: str = Field(max_length=60)


class ProductOptionValue(Row, table=True):
    """One value of an option (e.g. 500 g), in the merchant's order; its label per language below."""

    __tablename__ = "product_option_value"
    __table_args__ = (UniqueConstraint("option_id", "position"),)

    option_id: int = Field(foreign_key="product_option.id", index=True)
    position: int = 0


class ProductOptionValueTranslation(Texts, table=True):
    __tablename__ = "product_option_value_translation"
    __table_args__ = (UniqueConstraint("value_id", "lang"),)

    value_id: int = Field(foreign_key="product_option_value.id", index=True)
    label: str = Field(max_length=60)


class ProductVariant(Row, table=True):
    """One combination of option values: what is stocked, priced and sold.

    `combination` is the ids of its values in option order, joined by commas ("" for the
    default variant of a product without options), unique per product. A price of None
    inherits the product's (see `services.variants.effective_prices`).
    """

    __tablename__ = "product_variant"
    __table_args__ = (
        UniqueConstraint("store_id", "sku"),
        UniqueConstraint("product_id", "combination"),
        Index("ix_product_variant_product_position", "product_id", "position", "id"),
    )

    store_id: int = Field(foreign_key="store.id", index=True)
    product_id: int = Field(foreign_key="product.id")
    combination: str = Field(default="", max_length=40)
    sku: str = Field(max_length=64)
    gtin: str = Field(default="", max_length=14, index=True)
    price_cents: int | None = None
    sale_price_cents: int | None = None
    weight_grams: int | None = None
    is_active: bool = True
    position: int = 0


class ProductVariantValue(Row, table=True):
    """Which value of each option a variant is (one row per option)."""

    __tablename__ = "product_variant_value"
    __table_args__ = (UniqueConstraint("variant_id", "option_id"),)

    variant_id: int = Field(foreign_key="product_variant.id", index=True)
    option_id: int = Field(foreign_key="product_option.id")
    value_id: int = Field(foreign_key="product_option_value.id", index=True)


class ProductVariantMedia(Row, table=True):
    """The variant's photos: some of its product's `ProductMedia`, in this order."""

    __tablename__ = "product_variant_media"
    __table_args__ = (UniqueConstraint("variant_id", "media_id"),)

    variant_id: int = Field(foreign_key="product_variant.id", index=True)
    media_id: int = Field(foreign_key="product_media.id", index=True)
    position: int = 0


# Every backend process keeps the storefront's category trees (services.categories
# `shop_category_tree`); a commit writing a category or its names drops them in all of them.
watch_models((Category, CategoryTranslation), scope=CATEGORY_TREE)
