"""Cart tables: one open cart per guest token or per customer, per store, and its lines.

A guest's cart is found by the SHA-256 of the token in its per-store cookie (the token is
never stored); a signed-in customer's by `customer_id`. Every query names the store, so a
token or an id of one store never reaches another store's cart.
"""

from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field

from orion_app.db import utcnow
from orion_app.tables import Row


class Cart(Row, table=True):
    store_id: int = Field(foreign_key="store.id", index=True)
    token_hash: str | None = Field(default=None, max_length=64, unique=True)  # guests only
    customer_id: int | None = Field(default=None, foreign_key="customer.id", index=True)
    version: int = 0  # bumped on every change of the lines
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime | None = Field(default=None, index=True)  # guest carts; None: a customer's
    closed_at: datetime | None = None  # an order was placed from it
    order_ref: str = Field(default="", max_length=40)


class CartLine(Row, table=True):
    __tablename__ = "cart_line"
    __table_args__ = (UniqueConstraint("cart_id", "variant_id"),)

    cart_id: int = Field(foreign_key="cart.id", index=True)
    store_id: int = Field(foreign_key="store.id", index=True)
    product_id: int = Field(index=True)  # catalog's ids: no foreign key across modules
    variant_id: int = Field(index=True)
    quantity: int
    price_cents_seen: int  # the unit price when last added: the cart says when it changed
    added_at: datetime = Field(default_factory=utcnow)
