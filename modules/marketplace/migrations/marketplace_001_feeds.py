"""Marketplace: feed imports with row errors, scheduled feed sources, exports.

Revision ID: marketplace_001_feeds
Revises:
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = "marketplace_001_feeds"
down_revision = None
branch_labels = ("marketplace",)
depends_on = ("tenancy_001_initial",)


def upgrade() -> None:
    op.create_table(
        "marketplace_export",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.Column("lang", sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("file_path", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("message_key", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("rq_job_id", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("finished_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by"],
            ["user.id"],
        ),
        sa.ForeignKeyConstraint(
            ["store_id"],
            ["store.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("marketplace_export", schema=None) as batch_op:
        batch_op.create_index("ix_marketplace_export_store_created", ["store_id", "created_at"], unique=False)

    op.create_table(
        "marketplace_feed_source",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.Column("platform_id", sa.Integer(), nullable=False),
        sa.Column("lang", sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
        sa.Column("url", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
        sa.Column("schedule", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("next_run_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("last_import_id", sa.Integer(), nullable=True),
        sa.Column("updated_by", sa.Integer(), nullable=True),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["platform_id"],
            ["platform.id"],
        ),
        sa.ForeignKeyConstraint(
            ["store_id"],
            ["store.id"],
        ),
        sa.ForeignKeyConstraint(
            ["updated_by"],
            ["user.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("store_id", "lang"),
    )
    with op.batch_alter_table("marketplace_feed_source", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_marketplace_feed_source_next_run_at"), ["next_run_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_marketplace_feed_source_store_id"), ["store_id"], unique=False)

    op.create_table(
        "marketplace_import",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.Column("platform_id", sa.Integer(), nullable=False),
        sa.Column("merchant_id", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("origin", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("file_name", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column("url", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
        sa.Column("file_path", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("lang", sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
        sa.Column("dry_run", sa.Boolean(), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("message_key", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("message_params", sa.JSON(), nullable=False),
        sa.Column("notices", sa.JSON(), nullable=False),
        sa.Column("rows_total", sa.Integer(), nullable=False),
        sa.Column("rows_done", sa.Integer(), nullable=False),
        sa.Column("created", sa.Integer(), nullable=False),
        sa.Column("updated", sa.Integer(), nullable=False),
        sa.Column("unchanged", sa.Integer(), nullable=False),
        sa.Column("rejected", sa.Integer(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("cancel_requested", sa.Boolean(), nullable=False),
        sa.Column("rq_job_id", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("worker", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("started_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("rows_at_start", sa.Integer(), nullable=False),
        sa.Column("heartbeat_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("finished_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by"],
            ["user.id"],
        ),
        sa.ForeignKeyConstraint(
            ["merchant_id"],
            ["merchant.id"],
        ),
        sa.ForeignKeyConstraint(
            ["platform_id"],
            ["platform.id"],
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["marketplace_feed_source.id"],
        ),
        sa.ForeignKeyConstraint(
            ["store_id"],
            ["store.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("marketplace_import", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_marketplace_import_status"), ["status"], unique=False)
        batch_op.create_index("ix_marketplace_import_store_created", ["store_id", "created_at"], unique=False)

    op.create_table(
        "marketplace_import_error",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("column", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("message_key", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("message_params", sa.JSON(), nullable=False),
        sa.Column("raw", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["import_id"],
            ["marketplace_import.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("marketplace_import_error", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_marketplace_import_error_import_id"), ["import_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("marketplace_import_error", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_marketplace_import_error_import_id"))

    op.drop_table("marketplace_import_error")
    with op.batch_alter_table("marketplace_import", schema=None) as batch_op:
        batch_op.drop_index("ix_marketplace_import_store_created")
        batch_op.drop_index(batch_op.f("ix_marketplace_import_status"))

    op.drop_table("marketplace_import")
    with op.batch_alter_table("marketplace_feed_source", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_marketplace_feed_source_store_id"))
        batch_op.drop_index(batch_op.f("ix_marketplace_feed_source_next_run_at"))

    op.drop_table("marketplace_feed_source")
    with op.batch_alter_table("marketplace_export", schema=None) as batch_op:
        batch_op.drop_index("ix_marketplace_export_store_created")

    op.drop_table("marketplace_export")
