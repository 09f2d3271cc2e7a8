"""Catalog: categories, products, translations and media.

Revision ID: catalog_001_products
Revises:
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "catalog_001_products"
down_revision = None
branch_labels = ("catalog",)
depends_on = ("tenancy_001_initial",)


def upgrade() -> None:
    op.create_table(
        "category",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("slug", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["category.id"],
        ),
        sa.ForeignKeyConstraint(
            ["store_id"],
            ["store.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("store_id", "slug"),
    )
    with op.batch_alter_table("category", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_category_store_id"), ["store_id"], unique=False)

    op.create_table(
        "category_translation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=False),
        sa.Column("lang", sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.ForeignKeyConstraint(
            ["category_id"],
            ["category.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("category_id", "lang"),
    )
    with op.batch_alter_table("category_translation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_category_translation_category_id"), ["category_id"], unique=False
        )

    op.create_table(
        "product",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=True),
        sa.Column("sku", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("slug", sqlmodel.sql.sqltypes.AutoString(length=140), nullable=False),
        sa.Column("gtin", sqlmodel.sql.sqltypes.AutoString(length=14), nullable=False),
        sa.Column("gtin_type", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
        sa.Column("brand", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("mpn", sqlmodel.sql.sqltypes.AutoString(length=70), nullable=False),
        sa.Column("condition", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("availability", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("price_cents", sa.Integer(), nullable=False),
        sa.Column("sale_price_cents", sa.Integer(), nullable=True),
        sa.Column("currency", sqlmodel.sql.sqltypes.AutoString(length=3), nullable=False),
        sa.Column("vat_rate", sa.Integer(), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("is_digital", sa.Boolean(), nullable=False),
        sa.Column("is_featured", sa.Boolean(), nullable=False),
        sa.Column("source", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("search_text", sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["category_id"],
            ["category.id"],
        ),
        sa.ForeignKeyConstraint(
            ["store_id"],
            ["store.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("store_id", "sku"),
        sa.UniqueConstraint("store_id", "slug"),
    )
    with op.batch_alter_table("product", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_product_category_id"), ["category_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_product_created_at"), ["created_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_product_gtin"), ["gtin"], unique=False)
        batch_op.create_index(batch_op.f("ix_product_store_id"), ["store_id"], unique=False)

    op.create_table(
        "product_media",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("alt", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["product.id"],
        ),
        sa.ForeignKeyConstraint(
            ["store_id"],
            ["store.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("product_media", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_product_media_product_id"), ["product_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_product_media_store_id"), ["store_id"], unique=False)

    op.create_table(
        "product_translation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("lang", sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("description", sqlmodel.sql.sqltypes.AutoString(length=10000), nullable=False),
        sa.Column("meta_title", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("meta_description", sqlmodel.sql.sqltypes.AutoString(length=400), nullable=False),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["product.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("product_id", "lang"),
    )
    with op.batch_alter_table("product_translation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_product_translation_product_id"), ["product_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("product_translation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_product_translation_product_id"))

    op.drop_table("product_translation")
    with op.batch_alter_table("product_media", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_product_media_store_id"))
        batch_op.drop_index(batch_op.f("ix_product_media_product_id"))

    op.drop_table("product_media")
    with op.batch_alter_table("product", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_product_store_id"))
        batch_op.drop_index(batch_op.f("ix_product_gtin"))
        batch_op.drop_index(batch_op.f("ix_product_created_at"))
        batch_op.drop_index(batch_op.f("ix_product_category_id"))

    op.drop_table("product")
    with op.batch_alter_table("category_translation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_category_translation_category_id"))

    op.drop_table("category_translation")
    with op.batch_alter_table("category", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_category_store_id"))

    op.drop_table("category")
