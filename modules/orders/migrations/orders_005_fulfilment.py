"""Orders: fulfilment and returns — shipments by line and quantity, return requests (RMA)
and their lines, refunds by line, and each store's return window.

Revision ID: orders_005_fulfilment
Revises: orders_004_vat
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "orders_005_fulfilment"
down_revision = "orders_004_vat"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "order_fulfilment_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.Column("return_days", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["store_id"],
            ["store.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("store_id", name="uq_order_fulfilment_settings_store"),
    )

    op.create_table(
        "order_shipment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.Column("carrier", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("tracking_number", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
        sa.Column("tracking_url", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("shipped_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("delivered_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("created_by", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_id"],
            ["shop_order.id"],
        ),
        sa.ForeignKeyConstraint(
            ["store_id"],
            ["store.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("order_shipment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_order_shipment_order_id"), ["order_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_order_shipment_store_id"), ["store_id"], unique=False)

    op.create_table(
        "order_shipment_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shipment_id", sa.Integer(), nullable=False),
        sa.Column("order_line_id", sa.Integer(), nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_line_id"],
            ["order_line.id"],
        ),
        sa.ForeignKeyConstraint(
            ["shipment_id"],
            ["order_shipment.id"],
        ),
        sa.ForeignKeyConstraint(
            ["store_id"],
            ["store.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("order_shipment_line", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_order_shipment_line_order_line_id"), ["order_line_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_order_shipment_line_shipment_id"), ["shipment_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_order_shipment_line_store_id"), ["store_id"], unique=False)

    op.create_table(
        "order_return",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("decided_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("received_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
        ),
        sa.ForeignKeyConstraint(
            ["order_id"],
            ["shop_order.id"],
        ),
        sa.ForeignKeyConstraint(
            ["store_id"],
            ["store.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("order_return", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_order_return_customer_id"), ["customer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_order_return_order_id"), ["order_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_order_return_store_id"), ["store_id"], unique=False)

    op.create_table(
        "order_return_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("return_id", sa.Integer(), nullable=False),
        sa.Column("order_line_id", sa.Integer(), nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("disposition", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_line_id"],
            ["order_line.id"],
        ),
        sa.ForeignKeyConstraint(
            ["return_id"],
            ["order_return.id"],
        ),
        sa.ForeignKeyConstraint(
            ["store_id"],
            ["store.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("order_return_line", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_order_return_line_order_line_id"), ["order_line_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_order_return_line_return_id"), ["return_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_order_return_line_store_id"), ["store_id"], unique=False)

    op.create_table(
        "order_refund_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("order_line_id", sa.Integer(), nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.Column("payment_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("actor", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["order_id"], ["shop_order.id"]),
        sa.ForeignKeyConstraint(["order_line_id"], ["order_line.id"]),
        sa.ForeignKeyConstraint(["store_id"], ["store.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("order_refund_line", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_order_refund_line_order_id"), ["order_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_order_refund_line_order_line_id"), ["order_line_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_order_refund_line_store_id"), ["store_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("order_refund_line", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_order_refund_line_store_id"))
        batch_op.drop_index(batch_op.f("ix_order_refund_line_order_line_id"))
        batch_op.drop_index(batch_op.f("ix_order_refund_line_order_id"))

    op.drop_table("order_refund_line")
    with op.batch_alter_table("order_shipment_line", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_order_shipment_line_store_id"))
        batch_op.drop_index(batch_op.f("ix_order_shipment_line_shipment_id"))
        batch_op.drop_index(batch_op.f("ix_order_shipment_line_order_line_id"))
    op.drop_table("order_shipment_line")
    with op.batch_alter_table("order_return_line", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_order_return_line_store_id"))
        batch_op.drop_index(batch_op.f("ix_order_return_line_return_id"))
        batch_op.drop_index(batch_op.f("ix_order_return_line_order_line_id"))
    op.drop_table("order_return_line")
    with op.batch_alter_table("order_shipment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_order_shipment_store_id"))
        batch_op.drop_index(batch_op.f("ix_order_shipment_order_id"))
    op.drop_table("order_shipment")
    with op.batch_alter_table("order_return", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_order_return_store_id"))
        batch_op.drop_index(batch_op.f("ix_order_return_order_id"))
        batch_op.drop_index(batch_op.f("ix_order_return_customer_id"))
    op.drop_table("order_return")
    op.drop_table("order_fulfilment_settings")
