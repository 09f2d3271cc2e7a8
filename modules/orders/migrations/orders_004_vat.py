"""Orders: VAT rules — exact VAT rates on lines and shipping (OSS rates such as 5.5 or
25.5), the treatment and legal mention kept on the order, and each store's VAT settings.

Revision ID: orders_004_vat
Revises: orders_003_invoices
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "orders_004_vat"
down_revision = "orders_003_invoices"
branch_labels = None
depends_on = None

S = sqlmodel.sql.sqltypes.AutoString
RATE = sa.Numeric(precision=5, scale=2)


def upgrade() -> None:
    with op.batch_alter_table("shop_order", schema=None) as batch_op:
        batch_op.alter_column(
            "shipping_vat_rate", existing_type=sa.Integer(), type_=RATE, existing_nullable=False
        )
        batch_op.add_column(
            sa.Column("vat_treatment", S(length=24), nullable=False, server_default="domestic")
        )
        batch_op.add_column(sa.Column("vat_mention", S(length=60), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("vat_country", S(length=2), nullable=False, server_default="LU"))
    with op.batch_alter_table("order_line", schema=None) as batch_op:
        batch_op.alter_column("vat_rate", existing_type=sa.Integer(), type_=RATE, existing_nullable=False)
    op.create_table(
        "order_vat_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.Column("oss_over_threshold", sa.Boolean(), nullable=False),
        sa.Column("vies_check", sa.Boolean(), nullable=False),
        sa.Column("class_by_lu_rate", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["store_id"], ["store.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("store_id"),
    )


def downgrade() -> None:
    op.drop_table("order_vat_settings")
    with op.batch_alter_table("order_line", schema=None) as batch_op:
        batch_op.alter_column("vat_rate", existing_type=RATE, type_=sa.Integer(), existing_nullable=False)
    with op.batch_alter_table("shop_order", schema=None) as batch_op:
        batch_op.drop_column("vat_country")
        batch_op.drop_column("vat_mention")
        batch_op.drop_column("vat_treatment")
        batch_op.alter_column(
            "shipping_vat_rate", existing_type=RATE, type_=sa.Integer(), existing_nullable=False
        )
