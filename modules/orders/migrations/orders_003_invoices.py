"""Orders: invoices and credit notes — each store's invoicing settings, the per-merchant
yearly document sequences, and the issued invoices and credit notes.

Revision ID: orders_003_invoices
Revises: orders_002_line_stock_reserved
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "orders_003_invoices"
down_revision = "orders_002_line_stock_reserved"
branch_labels = None
depends_on = None

S = sqlmodel.sql.sqltypes.AutoString


def _document_columns() -> list[sa.Column]:
    """The columns invoices and credit notes share (after their own references)."""
    return [
        sa.Column("number", S(length=24), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("issued_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("language", S(length=2), nullable=False),
        sa.Column("currency", S(length=3), nullable=False),
        sa.Column("seller", sa.JSON(), nullable=False),
        sa.Column("buyer", sa.JSON(), nullable=False),
        sa.Column("lines", sa.JSON(), nullable=False),
        sa.Column("totals", sa.JSON(), nullable=False),
        sa.Column("net_cents", sa.Integer(), nullable=False),
        sa.Column("vat_cents", sa.Integer(), nullable=False),
        sa.Column("gross_cents", sa.Integer(), nullable=False),
        sa.Column("payment_method", S(length=20), nullable=False),
        sa.Column("payment_terms", S(length=200), nullable=False),
        sa.Column("legal_mention", S(length=20), nullable=False),
        sa.Column("pdf_path", S(length=300), nullable=False),
        sa.Column("pdf_sha256", S(length=64), nullable=False),
        sa.Column("status", S(length=16), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "invoice_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.Column("invoice_on", S(length=10), nullable=False),
        sa.Column("seller_address", S(length=400), nullable=False),
        sa.Column("registration_number", S(length=40), nullable=False),
        sa.Column("payment_terms_days", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["store_id"], ["store.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("store_id"),
    )
    op.create_table(
        "document_sequence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("merchant_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("kind", S(length=12), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["merchant_id"], ["merchant.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("merchant_id", "year", "kind", name="uq_document_sequence_merchant_year_kind"),
    )
    op.create_table(
        "invoice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.Column("merchant_id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        *_document_columns(),
        sa.ForeignKeyConstraint(["merchant_id"], ["merchant.id"]),
        sa.ForeignKeyConstraint(["order_id"], ["shop_order.id"]),
        sa.ForeignKeyConstraint(["store_id"], ["store.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("merchant_id", "number", name="uq_invoice_merchant_number"),
        sa.UniqueConstraint("order_id"),
    )
    with op.batch_alter_table("invoice", schema=None) as batch_op:
        batch_op.create_index("ix_invoice_store_issued", ["store_id", "issued_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_invoice_store_id"), ["store_id"], unique=False)
    op.create_table(
        "credit_note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.Column("merchant_id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("invoice_id", sa.Integer(), nullable=False),
        sa.Column("refund_ref", S(length=200), nullable=False),
        *_document_columns(),
        sa.ForeignKeyConstraint(["invoice_id"], ["invoice.id"]),
        sa.ForeignKeyConstraint(["merchant_id"], ["merchant.id"]),
        sa.ForeignKeyConstraint(["order_id"], ["shop_order.id"]),
        sa.ForeignKeyConstraint(["store_id"], ["store.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("invoice_id", "refund_ref", name="uq_credit_note_refund"),
        sa.UniqueConstraint("merchant_id", "number", name="uq_credit_note_merchant_number"),
    )
    with op.batch_alter_table("credit_note", schema=None) as batch_op:
        batch_op.create_index("ix_credit_note_store_issued", ["store_id", "issued_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_credit_note_invoice_id"), ["invoice_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_credit_note_order_id"), ["order_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_credit_note_store_id"), ["store_id"], unique=False)


def downgrade() -> None:
    op.drop_table("credit_note")
    op.drop_table("invoice")
    op.drop_table("document_sequence")
    op.drop_table("invoice_settings")
