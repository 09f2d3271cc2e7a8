"""Inventory: stock per product, warehouse and bin; movement log.

Revision ID: inventory_001_stock
Revises:
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "inventory_001_stock"
down_revision = None
branch_labels = ("inventory",)
depends_on = ("tenancy_001_initial",)


def upgrade() -> None:
    op.create_table(
        "stock_level",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("warehouse", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("bin", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("reserved", sa.Integer(), nullable=False),
        sa.Column("low_stock_threshold", sa.Integer(), nullable=True),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.CheckConstraint("quantity >= 0", name="stock_quantity_not_negative"),
        sa.CheckConstraint("reserved >= 0 AND reserved <= quantity", name="stock_reserved_within_quantity"),
        sa.ForeignKeyConstraint(
            ["store_id"],
            ["store.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("store_id", "product_id", "warehouse", "bin"),
    )
    with op.batch_alter_table("stock_level", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stock_level_product_id"), ["product_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_stock_level_store_id"), ["store_id"], unique=False)

    op.create_table(
        "stock_movement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("warehouse", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("bin", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("quantity_before", sa.Integer(), nullable=False),
        sa.Column("quantity_after", sa.Integer(), nullable=False),
        sa.Column("reserved_before", sa.Integer(), nullable=False),
        sa.Column("reserved_after", sa.Integer(), nullable=False),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["store_id"],
            ["store.id"],
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("stock_movement", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stock_movement_created_at"), ["created_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_stock_movement_product_id"), ["product_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_stock_movement_store_id"), ["store_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("stock_movement", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stock_movement_store_id"))
        batch_op.drop_index(batch_op.f("ix_stock_movement_product_id"))
        batch_op.drop_index(batch_op.f("ix_stock_movement_created_at"))

    op.drop_table("stock_movement")
    with op.batch_alter_table("stock_level", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stock_level_store_id"))
        batch_op.drop_index(batch_op.f("ix_stock_level_product_id"))

    op.drop_table("stock_level")
