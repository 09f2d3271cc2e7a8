"""Marketplace: feed photos fetched after an import, import as draft, feed category mapping.

Revision ID: marketplace_002_feed_photos
Revises: marketplace_001_feeds
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = "marketplace_002_feed_photos"
down_revision = "marketplace_001_feeds"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "marketplace_category_mapping",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.Column("feed_category", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["store_id"],
            ["store.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("store_id", "feed_category"),
    )
    op.create_table(
        "marketplace_fetched_photo",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.Column("url_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("url", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
        sa.Column("content_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("media_key", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["store_id"],
            ["store.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("store_id", "url_hash"),
    )
    with op.batch_alter_table("marketplace_fetched_photo", schema=None) as batch_op:
        batch_op.create_index(
            "ix_marketplace_fetched_photo_store_content", ["store_id", "content_hash"], unique=False
        )

    op.create_table(
        "marketplace_photo_task",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("sku", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("url", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
        sa.Column("url_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("message_key", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("message_params", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["import_id"],
            ["marketplace_import.id"],
        ),
        sa.ForeignKeyConstraint(
            ["store_id"],
            ["store.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("marketplace_photo_task", schema=None) as batch_op:
        batch_op.create_index(
            "ix_marketplace_photo_task_import_status", ["import_id", "status"], unique=False
        )
        batch_op.create_index(
            "ix_marketplace_photo_task_product_url", ["store_id", "product_id", "url_hash"], unique=False
        )

    with op.batch_alter_table("marketplace_import", schema=None) as batch_op:
        # Existing imports were not drafts.
        batch_op.add_column(sa.Column("as_draft", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("marketplace_import", schema=None) as batch_op:
        batch_op.drop_column("as_draft")

    with op.batch_alter_table("marketplace_photo_task", schema=None) as batch_op:
        batch_op.drop_index("ix_marketplace_photo_task_product_url")
        batch_op.drop_index("ix_marketplace_photo_task_import_status")

    op.drop_table("marketplace_photo_task")
    with op.batch_alter_table("marketplace_fetched_photo", schema=None) as batch_op:
        batch_op.drop_index("ix_marketplace_fetched_photo_store_content")

    op.drop_table("marketplace_fetched_photo")
    op.drop_table("marketplace_category_mapping")
