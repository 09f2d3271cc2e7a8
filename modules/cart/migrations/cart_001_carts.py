"""Cart: carts (guest by token hash, or a customer's) and their lines.

Revision ID: cart_001_carts
Revises:
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = "cart_001_carts"
down_revision = None
branch_labels = ("cart",)
depends_on = [
    "catalog_004_variants",
    "customers_001_accounts",
    "messaging_002_notifications",
    "tenancy_003_user_tokens",
]


def upgrade() -> None:
    op.create_table(
        "cart",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("expires_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("closed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("order_ref", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
        ),
        sa.ForeignKeyConstraint(
            ["store_id"],
            ["store.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash"),
    )
    with op.batch_alter_table("cart", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cart_customer_id"), ["customer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_cart_expires_at"), ["expires_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_cart_store_id"), ["store_id"], unique=False)

    op.create_table(
        "cart_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cart_id", sa.Integer(), nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("variant_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("price_cents_seen", sa.Integer(), nullable=False),
        sa.Column("added_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["cart_id"],
            ["cart.id"],
        ),
        sa.ForeignKeyConstraint(
            ["store_id"],
            ["store.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("cart_id", "variant_id"),
    )
    with op.batch_alter_table("cart_line", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cart_line_cart_id"), ["cart_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_cart_line_product_id"), ["product_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_cart_line_store_id"), ["store_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_cart_line_variant_id"), ["variant_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("cart_line", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cart_line_variant_id"))
        batch_op.drop_index(batch_op.f("ix_cart_line_store_id"))
        batch_op.drop_index(batch_op.f("ix_cart_line_product_id"))
        batch_op.drop_index(batch_op.f("ix_cart_line_cart_id"))

    op.drop_table("cart_line")
    with op.batch_alter_table("cart", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cart_store_id"))
        batch_op.drop_index(batch_op.f("ix_cart_expires_at"))
        batch_op.drop_index(batch_op.f("ix_cart_customer_id"))

    op.drop_table("cart")
