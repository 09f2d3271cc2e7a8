"""Payments: payments, refunds, payment events, gateway events (webhooks) and gateway settings.

Revision ID: payments_001_payments
Revises:
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = "payments_001_payments"
down_revision = None
branch_labels = ("payments",)
depends_on = ["customers_001_accounts", "messaging_002_notifications", "tenancy_003_user_tokens"]


def upgrade() -> None:
    op.create_table(
        "payment_gateway_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform_id", sa.Integer(), nullable=False),
        sa.Column("stripe_publishable_key", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column(
            "stripe_secret_key_encrypted", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False
        ),
        sa.Column(
            "stripe_webhook_secret_encrypted", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False
        ),
        sa.Column("stripe_api_base", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["platform_id"],
            ["platform.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("platform_id"),
    )
    op.create_table(
        "payment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.Column("platform_id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("reference", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("method", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("gateway", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("gateway_ref", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column("client_secret_encrypted", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column("connect_account", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("refunded_cents", sa.Integer(), nullable=False),
        sa.Column("currency", sqlmodel.sql.sqltypes.AutoString(length=3), nullable=False),
        sa.Column("customer_email", sqlmodel.sql.sqltypes.AutoString(length=254), nullable=False),
        sa.Column("description", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("idempotency_key", sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["platform_id"],
            ["platform.id"],
        ),
        sa.ForeignKeyConstraint(
            ["store_id"],
            ["store.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("store_id", "idempotency_key"),
    )
    with op.batch_alter_table("payment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_payment_gateway_ref"), ["gateway_ref"], unique=False)
        batch_op.create_index("ix_payment_store_order", ["store_id", "order_id"], unique=False)

    op.create_table(
        "store_payment_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.Column("card_enabled", sa.Boolean(), nullable=False),
        sa.Column("bank_transfer_enabled", sa.Boolean(), nullable=False),
        sa.Column("iban", sqlmodel.sql.sqltypes.AutoString(length=34), nullable=False),
        sa.Column("bic", sqlmodel.sql.sqltypes.AutoString(length=11), nullable=False),
        sa.Column("beneficiary", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("stripe_account_id", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["store_id"],
            ["store.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("store_id"),
    )
    op.create_table(
        "payment_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("payment_id", sa.Integer(), nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("refunded_cents", sa.Integer(), nullable=False),
        sa.Column("source", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column("actor", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("occurred_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["payment_id"],
            ["payment.id"],
        ),
        sa.ForeignKeyConstraint(
            ["store_id"],
            ["store.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("payment_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_payment_event_payment_id"), ["payment_id"], unique=False)
        batch_op.create_index("ix_payment_event_store_order", ["store_id", "order_id"], unique=False)

    op.create_table(
        "payment_gateway_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("gateway", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("event_id", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column("type", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("outcome", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("detail", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("payment_id", sa.Integer(), nullable=True),
        sa.Column("summary", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column("deliveries", sa.Integer(), nullable=False),
        sa.Column("received_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["payment_id"],
            ["payment.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("gateway", "event_id"),
    )
    with op.batch_alter_table("payment_gateway_event", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_payment_gateway_event_received_at"), ["received_at"], unique=False
        )

    op.create_table(
        "payment_refund",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("payment_id", sa.Integer(), nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("gateway_ref", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column("actor", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["payment_id"],
            ["payment.id"],
        ),
        sa.ForeignKeyConstraint(
            ["store_id"],
            ["store.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("payment_refund", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_payment_refund_payment_id"), ["payment_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_payment_refund_store_id"), ["store_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("payment_refund", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_payment_refund_store_id"))
        batch_op.drop_index(batch_op.f("ix_payment_refund_payment_id"))

    op.drop_table("payment_refund")
    with op.batch_alter_table("payment_gateway_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_payment_gateway_event_received_at"))

    op.drop_table("payment_gateway_event")
    with op.batch_alter_table("payment_event", schema=None) as batch_op:
        batch_op.drop_index("ix_payment_event_store_order")
        batch_op.drop_index(batch_op.f("ix_payment_event_payment_id"))

    op.drop_table("payment_event")
    op.drop_table("store_payment_settings")
    with op.batch_alter_table("payment", schema=None) as batch_op:
        batch_op.drop_index("ix_payment_store_order")
        batch_op.drop_index(batch_op.f("ix_payment_gateway_ref"))

    op.drop_table("payment")
    op.drop_table("payment_gateway_settings")
