"""Catalog: options (with values) and variants; every existing product gets its default variant.

A product without options has exactly one variant, with no option values
(`combination` ""), the product's SKU and GTIN and no price of its own (it inherits the
product's). Stock moves onto these variants in inventory_002_variants.

Revision ID: catalog_004_variants
Revises: catalog_003_search_index
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "catalog_004_variants"
down_revision = "catalog_003_search_index"
branch_labels = None
depends_on = None


def _id() -> sa.Column:
    return sa.Column("id", sa.Integer(), nullable=False)


def _text(name: str, length: int) -> sa.Column:
    return sa.Column(name, sqlmodel.sql.sqltypes.AutoString(length=length), nullable=False)


def _ref(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.Integer(), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "product_option",
        _id(),
        _ref("store_id"),
        _ref("product_id"),
        _ref("position"),
        _text("attribute", 20),
        sa.ForeignKeyConstraint(["product_id"], ["product.id"]),
        sa.ForeignKeyConstraint(["store_id"], ["store.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("product_id", "position"),
    )
    op.create_index("ix_product_option_product_id", "product_option", ["product_id"])
    op.create_index("ix_product_option_store_id", "product_option", ["store_id"])
    op.create_table(
        "product_option_translation",
        _id(),
        _ref("option_id"),
        _text("lang", 2),
        _text("name", 60),
        sa.ForeignKeyConstraint(["option_id"], ["product_option.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("option_id", "lang"),
    )
    op.create_index("ix_product_option_translation_option_id", "product_option_translation", ["option_id"])
    op.create_table(
        "product_option_value",
        _id(),
        _ref("option_id"),
        _ref("position"),
        sa.ForeignKeyConstraint(["option_id"], ["product_option.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("option_id", "position"),
    )
    op.create_index("ix_product_option_value_option_id", "product_option_value", ["option_id"])
    op.create_table(
        "product_option_value_translation",
        _id(),
        _ref("value_id"),
        _text("lang", 2),
        _text("label", 60),
        sa.ForeignKeyConstraint(["value_id"], ["product_option_value.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("value_id", "lang"),
    )
    op.create_index(
        "ix_product_option_value_translation_value_id", "product_option_value_translation", ["value_id"]
    )
    op.create_table(
        "product_variant",
        _id(),
        _ref("store_id"),
        _ref("product_id"),
        _text("combination", 40),
        _text("sku", 64),
        _text("gtin", 14),
        _ref("price_cents", nullable=True),
        _ref("sale_price_cents", nullable=True),
        _ref("weight_grams", nullable=True),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        _ref("position"),
        sa.ForeignKeyConstraint(["product_id"], ["product.id"]),
        sa.ForeignKeyConstraint(["store_id"], ["store.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("store_id", "sku"),
        sa.UniqueConstraint("product_id", "combination"),
    )
    op.create_index("ix_product_variant_store_id", "product_variant", ["store_id"])
    op.create_index("ix_product_variant_gtin", "product_variant", ["gtin"])
    op.create_index(
        "ix_product_variant_product_position", "product_variant", ["product_id", "position", "id"]
    )
    op.create_table(
        "product_variant_value",
        _id(),
        _ref("variant_id"),
        _ref("option_id"),
        _ref("value_id"),
        sa.ForeignKeyConstraint(["option_id"], ["product_option.id"]),
        sa.ForeignKeyConstraint(["value_id"], ["product_option_value.id"]),
        sa.ForeignKeyConstraint(["variant_id"], ["product_variant.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("variant_id", "option_id"),
    )
    op.create_index("ix_product_variant_value_variant_id", "product_variant_value", ["variant_id"])
    op.create_index("ix_product_variant_value_value_id", "product_variant_value", ["value_id"])
    op.create_table(
        "product_variant_media",
        _id(),
        _ref("variant_id"),
        _ref("media_id"),
        _ref("position"),
        sa.ForeignKeyConstraint(["media_id"], ["product_media.id"]),
        sa.ForeignKeyConstraint(["variant_id"], ["product_variant.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("variant_id", "media_id"),
    )
    op.create_index("ix_product_variant_media_variant_id", "product_variant_media", ["variant_id"])
    op.create_index("ix_product_variant_media_media_id", "product_variant_media", ["media_id"])

    # Every existing product: its default variant (its SKU and GTIN, prices inherited).
    product = sa.table("product", sa.column("id"), sa.column("store_id"), sa.column("sku"), sa.column("gtin"))
    variant = sa.table(
        "product_variant",
        *(
            sa.column(n)
            for n in ("store_id", "product_id", "combination", "sku", "gtin", "is_active", "position")
        ),
    )
    op.execute(
        variant.insert().from_select(
            ["store_id", "product_id", "combination", "sku", "gtin", "is_active", "position"],
            sa.select(
                product.c.store_id,
                product.c.id,
                sa.literal(""),
                product.c.sku,
                product.c.gtin,
                sa.true(),
                sa.literal(0),
            ).order_by(product.c.id),
        )
    )


def downgrade() -> None:
    for table in (
        "product_variant_media",
        "product_variant_value",
        "product_variant",
        "product_option_value_translation",
        "product_option_value",
        "product_option_translation",
        "product_option",
    ):
        op.drop_table(table)
