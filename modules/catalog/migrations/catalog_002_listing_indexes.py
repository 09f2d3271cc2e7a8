"""Catalog: indexes for the storefront listing order and each product's first photo.

Revision ID: catalog_002_listing_indexes
Revises: catalog_001_products
"""

from alembic import op

revision = "catalog_002_listing_indexes"
down_revision = "catalog_001_products"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_product_shop_listing", "product", ["store_id", "is_active", "created_at", "id"])
    op.create_index("ix_product_media_product_position", "product_media", ["product_id", "position", "id"])


def downgrade() -> None:
    op.drop_index("ix_product_media_product_position", table_name="product_media")
    op.drop_index("ix_product_shop_listing", table_name="product")
