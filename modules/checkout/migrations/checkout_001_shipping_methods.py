"""Checkout: a store's shipping methods (flat rates per country zone, click-and-collect).

Revision ID: checkout_001_shipping_methods
Revises:
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = "checkout_001_shipping_methods"
down_revision = None
branch_labels = ("checkout",)
depends_on = ["customers_001_accounts", "messaging_002_notifications", "tenancy_003_user_tokens"]


def upgrade() -> None:
    op.create_table(
        "shipping_method",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("labels", sa.JSON(), nullable=False),
        sa.Column("zone", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("price_cents", sa.Integer(), nullable=False),
        sa.Column("vat_rate", sa.Integer(), nullable=False),
        sa.Column("free_above_cents", sa.Integer(), nullable=True),
        sa.Column("warehouse", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.CheckConstraint("price_cents >= 0", name="shipping_price_not_negative"),
        sa.ForeignKeyConstraint(
            ["store_id"],
            ["store.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("store_id", "code", name="uq_shipping_method_code"),
    )
    with op.batch_alter_table("shipping_method", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_shipping_method_store_id"), ["store_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("shipping_method", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_shipping_method_store_id"))

    op.drop_table("shipping_method")
