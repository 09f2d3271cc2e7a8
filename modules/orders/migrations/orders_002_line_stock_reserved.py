"""Orders: whether a line's stock was reserved (digital goods are not stock-limited).

Revision ID: orders_002_line_stock_reserved
Revises: orders_001_orders
"""

import sqlalchemy as sa
from alembic import op

revision = "orders_002_line_stock_reserved"
down_revision = "orders_001_orders"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("order_line", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("stock_reserved", sa.Boolean(), nullable=False, server_default=sa.true())
        )


def downgrade() -> None:
    with op.batch_alter_table("order_line", schema=None) as batch_op:
        batch_op.drop_column("stock_reserved")
