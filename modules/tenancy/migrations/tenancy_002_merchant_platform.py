"""Tenancy: the platform a merchant was registered on, filled from its first store's home.

Revision ID: tenancy_002_merchant_platform
Revises: tenancy_001_initial
"""

from alembic import op
import sqlalchemy as sa

revision = "tenancy_002_merchant_platform"
down_revision = "tenancy_001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("merchant", schema=None) as batch_op:
        batch_op.add_column(sa.Column("platform_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_merchant_platform_id"), ["platform_id"], unique=False)
        batch_op.create_foreign_key("fk_merchant_platform_id_platform", "platform", ["platform_id"], ["id"])
    op.execute(
        """
        UPDATE merchant SET platform_id = (
            SELECT store_platform.platform_id
            FROM store JOIN store_platform ON store_platform.store_id = store.id
            WHERE store.merchant_id = merchant.id AND store_platform.is_home
            ORDER BY store.id
            LIMIT 1
        )
        WHERE platform_id IS NULL
        """
    )


def downgrade() -> None:
    with op.batch_alter_table("merchant", schema=None) as batch_op:
        batch_op.drop_constraint("fk_merchant_platform_id_platform", type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_merchant_platform_id"))
        batch_op.drop_column("platform_id")
