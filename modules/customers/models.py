"""Customers tables: store-scoped shopper accounts, their sessions, one-time tokens,
addresses and the merchant's notes.

A customer belongs to one store: the same e-mail in two stores is two rows, with their own
password, sessions and data (`UniqueConstraint(store_id, email)`).
"""

from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field

from orion_app.db import utcnow
from orion_app.tables import Row


class Customer(Row, table=True):
    __table_args__ = (UniqueConstraint("store_id", "email"),)

    store_id: int = Field(foreign_key="store.id", index=True)
    # Lower-cased; an anonymised account gets "deleted-<id>@invalid" so the pair stays unique.
    email: str = Field(max_length=254, index=True)
    name: str = Field(default="", max_length=120)
    password_hash: str | None = Field(default=None, max_length=255)  # None: cannot sign in
    language: str | None = Field(default=None, max_length=2)
    email_verified_at: datetime | None = None
    marketing_consent: bool = False
    marketing_consent_at: datetime | None = None  # when consent was last given or withdrawn
    # Accent- and case-folded "name email company vat" of the customer and addresses, for search.
    search_text: str = Field(default="", max_length=1000)
    is_active: bool = True
    anonymised_at: datetime | None = None
    created_at: datetime = Field(default_factory=utcnow)
    last_login_at: datetime | None = None


class CustomerSession(Row, table=True):
    """A shopper's server-side sign-in session; only the SHA-256 of the token is stored."""

    __tablename__ = "customer_session"

    token_hash: str = Field(max_length=64, unique=True, index=True)
    customer_id: int = Field(foreign_key="customer.id", index=True)
    store_id: int = Field(foreign_key="store.id", index=True)
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime = Field(index=True)
    revoked_at: datetime | None = None
    ip: str = Field(default="", max_length=64)


class CustomerToken(Row, table=True):
    """A one-time link (`purpose` verify_email or reset_password); only its hash is stored."""

    __tablename__ = "customer_token"

    token_hash: str = Field(max_length=64, unique=True, index=True)
    purpose: str = Field(max_length=20)
    customer_id: int = Field(foreign_key="customer.id", index=True)
    store_id: int = Field(foreign_key="store.id", index=True)
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
    used_at: datetime | None = None


class CustomerAddress(Row, table=True):
    __tablename__ = "customer_address"

    customer_id: int = Field(foreign_key="customer.id", index=True)
    store_id: int = Field(foreign_key="store.id", index=True)
    label: str = Field(default="", max_length=60)
    name: str = Field(max_length=120)
    company: str = Field(default="", max_length=120)
    vat_number: str = Field(default="", max_length=20)
    line1: str = Field(max_length=200)
    line2: str = Field(default="", max_length=200)
    postal_code: str = Field(max_length=12)
    city: str = Field(max_length=100)
    country: str = Field(default="LU", max_length=2)  # ISO 3166-1 alpha-2, EU members only
    phone: str = Field(default="", max_length=30)
    is_default_billing: bool = False
    is_default_shipping: bool = False
    created_at: datetime = Field(default_factory=utcnow)


class CustomerNote(Row, table=True):
    """A merchant's note on a customer: append-only, with its author."""

    __tablename__ = "customer_note"

    customer_id: int = Field(foreign_key="customer.id", index=True)
    store_id: int = Field(foreign_key="store.id", index=True)
    author_user_id: int | None = Field(default=None, foreign_key="user.id")
    author_name: str = Field(default="", max_length=120)
    body: str = Field(max_length=4000)
    created_at: datetime = Field(default_factory=utcnow)
