"""Billing: plans per platform, one subscription per merchant and platform, Stripe invoices,
usage snapshots per closed period, and the runs of the scheduled billing jobs.

Revision ID: billing_001_billing
Revises:
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision = "billing_001_billing"
down_revision = None
branch_labels = ("billing",)
depends_on = ["payments_001_payments", "tenancy_003_user_tokens"]


def upgrade() -> None:
    op.create_table(
        "billing_job_run",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("job", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
        sa.Column("slot", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("started_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("finished_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.Column("fixes", sa.JSON(), nullable=False),
        sa.Column("errors", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("job", "slot"),
    )
    op.create_table(
        "billing_plan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform_id", sa.Integer(), nullable=False),
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("name", sa.JSON(), nullable=False),
        sa.Column("monthly_cents", sa.Integer(), nullable=False),
        sa.Column("yearly_cents", sa.Integer(), nullable=False),
        sa.Column("on_request", sa.Boolean(), nullable=False),
        sa.Column("limits", sa.JSON(), nullable=False),
        sa.Column("modules", sa.JSON(), nullable=False),
        sa.Column("order", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("stripe_plan_monthly", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column("stripe_plan_yearly", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["platform_id"],
            ["platform.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("platform_id", "code"),
    )
    with op.batch_alter_table("billing_plan", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_billing_plan_platform_id"), ["platform_id"], unique=False)

    op.create_table(
        "billing_subscription",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("merchant_id", sa.Integer(), nullable=False),
        sa.Column("platform_id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("interval", sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("trial_ends_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("current_period_start", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("current_period_end", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("cancel_at_period_end", sa.Boolean(), nullable=False),
        sa.Column("pending_plan_id", sa.Integer(), nullable=True),
        sa.Column("pending_interval", sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False),
        sa.Column("past_due_since", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("read_only_since", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("canceled_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("stripe_customer_id", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column("stripe_subscription_id", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column("card_brand", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("card_last4", sqlmodel.sql.sqltypes.AutoString(length=4), nullable=False),
        sa.Column("mails_sent", sa.JSON(), nullable=False),
        sa.Column("stripe_seen_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["merchant_id"],
            ["merchant.id"],
        ),
        sa.ForeignKeyConstraint(
            ["pending_plan_id"],
            ["billing_plan.id"],
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["billing_plan.id"],
        ),
        sa.ForeignKeyConstraint(
            ["platform_id"],
            ["platform.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("merchant_id", "platform_id"),
    )
    with op.batch_alter_table("billing_subscription", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_billing_subscription_merchant_id"), ["merchant_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_billing_subscription_plan_id"), ["plan_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_billing_subscription_platform_id"), ["platform_id"], unique=False
        )
        batch_op.create_index("ix_billing_subscription_status", ["status"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_billing_subscription_stripe_customer_id"), ["stripe_customer_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_billing_subscription_stripe_subscription_id"),
            ["stripe_subscription_id"],
            unique=False,
        )

    op.create_table(
        "billing_invoice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subscription_id", sa.Integer(), nullable=False),
        sa.Column("stripe_invoice_id", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column("number", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("currency", sqlmodel.sql.sqltypes.AutoString(length=3), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("period_start", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("period_end", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("hosted_url", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column("pdf_url", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["subscription_id"],
            ["billing_subscription.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("stripe_invoice_id"),
    )
    with op.batch_alter_table("billing_invoice", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_billing_invoice_subscription_id"), ["subscription_id"], unique=False
        )

    op.create_table(
        "billing_usage_snapshot",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subscription_id", sa.Integer(), nullable=False),
        sa.Column("period", sqlmodel.sql.sqltypes.AutoString(length=7), nullable=False),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["subscription_id"],
            ["billing_subscription.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("subscription_id", "period"),
    )
    with op.batch_alter_table("billing_usage_snapshot", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_billing_usage_snapshot_subscription_id"), ["subscription_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("billing_usage_snapshot", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_billing_usage_snapshot_subscription_id"))

    op.drop_table("billing_usage_snapshot")
    with op.batch_alter_table("billing_invoice", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_billing_invoice_subscription_id"))

    op.drop_table("billing_invoice")
    with op.batch_alter_table("billing_subscription", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_billing_subscription_stripe_subscription_id"))
        batch_op.drop_index(batch_op.f("ix_billing_subscription_stripe_customer_id"))
        batch_op.drop_index("ix_billing_subscription_status")
        batch_op.drop_index(batch_op.f("ix_billing_subscription_platform_id"))
        batch_op.drop_index(batch_op.f("ix_billing_subscription_plan_id"))
        batch_op.drop_index(batch_op.f("ix_billing_subscription_merchant_id"))

    op.drop_table("billing_subscription")
    with op.batch_alter_table("billing_plan", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_billing_plan_platform_id"))

    op.drop_table("billing_plan")
    op.drop_table("billing_job_run")
