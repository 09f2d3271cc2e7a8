"""Tenancy: single-use links mailed to staff (password resets and team invitations).

Revision ID: tenancy_003_user_tokens
Revises: tenancy_002_merchant_platform
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel

revision = "tenancy_003_user_tokens"
down_revision = "tenancy_002_merchant_platform"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "user_token",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("purpose", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("store_id", sa.Integer(), nullable=True),
        sa.Column("email", sqlmodel.sql.sqltypes.AutoString(length=254), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("role", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("invited_by", sa.Integer(), nullable=True),
        sa.Column("expires_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("used_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["invited_by"], ["user.id"]),
        sa.ForeignKeyConstraint(["store_id"], ["store.id"]),
        sa.ForeignKeyConstraint(["user_id"], ["user.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("user_token", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_user_token_email"), ["email"], unique=False)
        batch_op.create_index(batch_op.f("ix_user_token_store_id"), ["store_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_user_token_token_hash"), ["token_hash"], unique=True)
        batch_op.create_index(batch_op.f("ix_user_token_user_id"), ["user_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("user_token", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_user_token_user_id"))
        batch_op.drop_index(batch_op.f("ix_user_token_token_hash"))
        batch_op.drop_index(batch_op.f("ix_user_token_store_id"))
        batch_op.drop_index(batch_op.f("ix_user_token_email"))

    op.drop_table("user_token")
