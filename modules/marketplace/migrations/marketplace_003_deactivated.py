"""Marketplace: an import counts the variants it deactivated (gone from the feed's groups).

Revision ID: marketplace_003_deactivated
Revises: marketplace_002_feed_photos
"""

from alembic import op
import sqlalchemy as sa


revision = "marketplace_003_deactivated"
down_revision = "marketplace_002_feed_photos"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("marketplace_import", schema=None) as batch_op:
        # Existing imports deactivated nothing.
        batch_op.add_column(sa.Column("deactivated", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("marketplace_import", schema=None) as batch_op:
        batch_op.drop_column("deactivated")
