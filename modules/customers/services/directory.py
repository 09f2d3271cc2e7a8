"""The merchant's customer directory: search, filters, one page, one customer.

Every query is scoped to the store of the access decision; an id from a request only picks
a row inside it, so another store's customer reads as "not found". Search is accent- and
case-blind: the query is folded as `Customer.search_text` is (`orion_app.text.fold`), and each
word must appear in it.
"""

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import false, func, or_
from sqlalchemy.sql import Select
from sqlmodel import Session, select
from sqlmodel.sql.expression import SelectOfScalar

from modules.customers.models import Customer, CustomerAddress
from modules.customers.protocols import CUSTOMER_ORDERS
from orion_app.registry import get_registry
from orion_app.scoped import get_in_store, list_in_store
from orion_app.text import fold

CHOICES = ("all", "yes", "no")
EXPORT_CHUNK = 500  # customers read per query by the export


@dataclass(frozen=True)
class CustomerFilters:
    """What the merchant asked for; a filter is "all", "yes" or "no"."""

    query: str = ""
    verified: str = "all"
    orders: str = "all"
    consent: str = "all"

    @classmethod
    def of(
        cls, query: str = "", verified: str = "", orders: str = "", consent: str = ""
    ) -> "CustomerFilters":
        """Filters from untrusted text: the query cut to 100 characters, unknown choices read as "all"."""

        def choice(value: str) -> str:
            return value if value in CHOICES else "all"

        return cls((query or "").strip()[:100], choice(verified), choice(orders), choice(consent))


def customers_with_orders(store_id: int) -> list[Select]:
    """SELECTs of the ids of the store's customers with an order, one per module contributing
    `customer_orders` (none before orders exist)."""
    return [
        lookup.customer_ids_with_orders(store_id)
        for _code, lookup in get_registry().contributions(CUSTOMER_ORDERS)
    ]


def _filtered(store_id: int, filters: CustomerFilters) -> SelectOfScalar[Customer]:
    statement = select(Customer).where(Customer.store_id == store_id)
    for word in fold(filters.query).split():
        statement = statement.where(Customer.search_text.contains(word, autoescape=True))
    if filters.verified != "all":
        verified = Customer.email_verified_at.is_not(None)
        statement = statement.where(verified if filters.verified == "yes" else ~verified)
    if filters.consent != "all":
        statement = statement.where(Customer.marketing_consent.is_(filters.consent == "yes"))
    if filters.orders != "all":
        sources = customers_with_orders(store_id)
        has_orders = or_(*(Customer.id.in_(s) for s in sources)) if sources else false()
        statement = statement.where(has_orders if filters.orders == "yes" else ~has_orders)
    return statement


def list_customers(
    session: Session, store_id: int, filters: CustomerFilters, *, page: int = 1, per_page: int = 25
) -> tuple[list[Customer], int]:
    """One page of the store's customers matching `filters`, newest first, and how many match."""
    statement = _filtered(store_id, filters)
    total = session.exec(select(func.count()).select_from(statement.subquery())).one()
    rows = session.exec(
        statement.order_by(Customer.created_at.desc(), Customer.id.desc())
        .offset(max(0, page - 1) * per_page)
        .limit(per_page)
    ).all()
    return list(rows), int(total)


def iter_customers(session: Session, store_id: int, filters: CustomerFilters) -> Iterator[Customer]:
    """Every customer matching `filters`, oldest first, read a chunk at a time (keyset on id)."""
    after = 0
    while True:
        chunk = session.exec(
            _filtered(store_id, filters).where(Customer.id > after).order_by(Customer.id).limit(EXPORT_CHUNK)
        ).all()
        yield from chunk
        if len(chunk) < EXPORT_CHUNK:
            return
        after = chunk[-1].id


def get_customer(session: Session, store_id: int, customer_id: int) -> Customer:
    """The store's customer `customer_id`; NotFound for an unknown id or another store's."""
    return get_in_store(session, Customer, store_id, id=customer_id)


def addresses_of(session: Session, store_id: int, customer_id: int) -> list[CustomerAddress]:
    """The customer's addresses, default billing and shipping first."""
    return list_in_store(
        session,
        CustomerAddress,
        store_id,
        CustomerAddress.is_default_billing.desc(),
        CustomerAddress.is_default_shipping.desc(),
        CustomerAddress.id,
        customer_id=customer_id,
    )
