"""Checkout tables: a store's shipping methods (flat rates per country zone, click-and-collect)."""

from sqlalchemy import JSON, CheckConstraint, Column, UniqueConstraint
from sqlmodel import Field

from orion_app.tables import Row


class ShippingMethod(Row, table=True):
    """One way a store ships (`flat`) or hands over (`collect`) an order.

    `zone` lists ISO country codes separated by commas; "EU" stands for every EU member
    state. `labels` is {language: label}. Money in cents, gross (VAT included)."""

    __tablename__ = "shipping_method"
    __table_args__ = (
        UniqueConstraint("store_id", "code", name="uq_shipping_method_code"),
        CheckConstraint("price_cents >= 0", name="shipping_price_not_negative"),
    )

    store_id: int = Field(foreign_key="store.id", index=True)
    code: str = Field(max_length=40)
    kind: str = Field(max_length=10)  # flat | collect
    labels: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    zone: str = Field(default="EU", max_length=200)
    price_cents: int = 0
    vat_rate: int = 17
    free_above_cents: int | None = None
    warehouse: str = Field(default="", max_length=40)  # collect: where the shopper picks up
    active: bool = True
    position: int = 0
