"""Inventory tables: stock per variant, warehouse and bin, and the movement log.

A row names the catalog variant and its product (no foreign key to catalog: inventory
stands alone and receives both ids from its callers); `product_id` keeps product-level
sums (listings, low stock) a plain index read."""

from datetime import datetime

from sqlalchemy import CheckConstraint, UniqueConstraint
from sqlmodel import Field

from orion_app.db import utcnow
from orion_app.tables import Row


class StockLevel(Row, table=True):
    """Units of one variant in one bin; `reserved` units are promised to open orders."""

    __tablename__ = "stock_level"
    __table_args__ = (
        UniqueConstraint("store_id", "variant_id", "warehouse", "bin", name="uq_stock_level_variant_bin"),
        CheckConstraint("quantity >= 0", name="stock_quantity_not_negative"),
        CheckConstraint("reserved >= 0 AND reserved <= quantity", name="stock_reserved_within_quantity"),
    )

    store_id: int = Field(foreign_key="store.id", index=True)
    product_id: int = Field(index=True)  # a catalog product; no FK so inventory stands alone
    variant_id: int = Field(index=True)  # one of that product's variants
    warehouse: str = Field(max_length=40)
    bin: str = Field(default="", max_length=40)
    quantity: int = 0
    reserved: int = 0
    low_stock_threshold: int | None = None
    updated_at: datetime = Field(default_factory=utcnow)

    @property
    def available(self) -> int:
        return max(0, self.quantity - self.reserved)


class StockMovement(Row, table=True):
    """Append-only: every change of quantity or reservation, with before/after and who."""

    __tablename__ = "stock_movement"

    store_id: int = Field(foreign_key="store.id", index=True)
    product_id: int = Field(index=True)
    variant_id: int = Field(index=True)
    warehouse: str = Field(max_length=40)
    bin: str = Field(default="", max_length=40)
    kind: str = Field(max_length=20)  # adjust | reserve | release | consume | import
    quantity_before: int
    quantity_after: int
    reserved_before: int
    reserved_after: int
    reason: str = Field(default="", max_length=200)
    user_id: int | None = Field(default=None, foreign_key="user.id")
    created_at: datetime = Field(default_factory=utcnow, index=True)
