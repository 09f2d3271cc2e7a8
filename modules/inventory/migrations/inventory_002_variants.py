"""Inventory: stock and movements per variant, filled from each product's default variant.

Every existing level and movement is kept with its quantities; `variant_id` is the
product's default variant (catalog_004_variants gave every product exactly one).
Levels become unique per (store, variant, warehouse, bin). Downgrade folds a product's
variants back into one level per bin (quantities and reservations summed).

Revision ID: inventory_002_variants
Revises: inventory_001_stock
"""

import sqlalchemy as sa
from alembic import op

revision = "inventory_002_variants"
down_revision = "inventory_001_stock"
branch_labels = None
depends_on = ("catalog_004_variants",)

# The names each database gave inventory_001's unnamed unique constraint.
OLD_UNIQUE = {
    "sqlite": "uq_stock_level_store_id",
    "postgresql": "stock_level_store_id_product_id_warehouse_bin_key",
}
SQLITE_NAMES = {"uq": "uq_%(table_name)s_%(column_0_name)s"}
DEFAULT_VARIANT = (
    "(SELECT MIN(v.id) FROM product_variant v "
    "WHERE v.product_id = {table}.product_id AND v.store_id = {table}.store_id AND v.combination = '')"
)


def _batch(table: str):
    sqlite = op.get_bind().dialect.name == "sqlite"
    return op.batch_alter_table(table, naming_convention=SQLITE_NAMES if sqlite else None)


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in ("stock_level", "stock_movement"):
        op.add_column(table, sa.Column("variant_id", sa.Integer(), nullable=True))
        op.execute(f"UPDATE {table} SET variant_id = {DEFAULT_VARIANT.format(table=table)}")
        missing = op.get_bind().execute(sa.text(f"SELECT COUNT(*) FROM {table} WHERE variant_id IS NULL"))
        if missing.scalar():
            raise RuntimeError(f"{table}: rows of products that have no variant; nothing was changed")
    with _batch("stock_level") as batch:
        batch.alter_column("variant_id", existing_type=sa.Integer(), nullable=False)
        batch.drop_constraint(OLD_UNIQUE.get(dialect, OLD_UNIQUE["postgresql"]), type_="unique")
        batch.create_unique_constraint(
            "uq_stock_level_variant_bin", ["store_id", "variant_id", "warehouse", "bin"]
        )
        batch.create_index("ix_stock_level_variant_id", ["variant_id"])
    with _batch("stock_movement") as batch:
        batch.alter_column("variant_id", existing_type=sa.Integer(), nullable=False)
        batch.create_index("ix_stock_movement_variant_id", ["variant_id"])


def downgrade() -> None:
    group = (
        "s2.store_id = stock_level.store_id AND s2.product_id = stock_level.product_id "
        "AND s2.warehouse = stock_level.warehouse AND s2.bin = stock_level.bin"
    )
    first = "SELECT MIN(id) FROM stock_level GROUP BY store_id, product_id, warehouse, bin"
    op.execute(
        f"UPDATE stock_level SET "
        f"quantity = (SELECT SUM(s2.quantity) FROM stock_level s2 WHERE {group}), "
        f"reserved = (SELECT SUM(s2.reserved) FROM stock_level s2 WHERE {group}) "
        f"WHERE id IN ({first})"
    )
    op.execute(f"DELETE FROM stock_level WHERE id NOT IN ({first})")
    with _batch("stock_movement") as batch:
        batch.drop_index("ix_stock_movement_variant_id")
        batch.drop_column("variant_id")
    with _batch("stock_level") as batch:
        batch.drop_index("ix_stock_level_variant_id")
        batch.drop_constraint("uq_stock_level_variant_bin", type_="unique")
        batch.create_unique_constraint(
            OLD_UNIQUE.get(op.get_bind().dialect.name, OLD_UNIQUE["postgresql"]),
            ["store_id", "product_id", "warehouse", "bin"],
        )
        batch.drop_column("variant_id")
