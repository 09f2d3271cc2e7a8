"""The merchant's order list: search, filters and pages, scoped to one store.

Search is accent- and case-blind over the number, the customer's name and e-mail (folded
with `orion_app.text.fold`, as customers' directory does), and finds an order by the SKU
of any of its lines. Every word of the query must appear. Names are stored as typed, so
the folding happens here: the store's orders that pass the other filters are read as
(id, number, name, e-mail), newest first, and matched in the process; only the ids of the
page shown go back to the database. That is one narrow scan of the store's orders per
search: folding 10,000 orders' texts takes about 0.1 s here (see docs/orders.md, Pages).
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func
from sqlmodel import Session, select
from sqlmodel.sql.expression import SelectOfScalar

from modules.orders.models import Order, OrderLine
from modules.orders.records import OrderSummary
from modules.orders.services.reads import summaries
from modules.orders.services.transitions import STATUSES
from orion_app.db import one_of
from orion_app.errors import FieldErrors
from orion_app.records import record_from
from orion_app.text import fold

METHODS = ("card", "bank_transfer")
QUERY_MAX = 100
EXPORT_CHUNK = 500


@dataclass(frozen=True)
class ListedOrder(OrderSummary):
    """A row of the merchant's list and export: the summary, with the name and VAT."""

    customer_name: str
    vat_cents: int


@dataclass(frozen=True)
class OrderFilters:
    query: str = ""
    status: str = "all"
    method: str = "all"
    since: date | None = None  # first day, UTC, included
    until: date | None = None  # last day, UTC, included

    @classmethod
    def of(
        cls, query: str = "", status: str = "", method: str = "", since: str = "", until: str = ""
    ) -> "OrderFilters":
        """Filters from untrusted text: the query cut to 100 characters, unknown choices read as
        "all"; a date that is not YYYY-MM-DD, or a range that ends before it starts, is refused
        next to its field."""
        errors: dict[str, str] = {}
        first, last = _day(since, "since", errors), _day(until, "until", errors)
        if first and last and last < first:
            errors["until"] = "orders.ui.error.until_before_since"
        if errors:
            raise FieldErrors(errors)
        return cls(
            (query or "").strip()[:QUERY_MAX],
            status if status in STATUSES else "all",
            method if method in METHODS else "all",
            first,
            last,
        )

    def as_query(self) -> dict[str, str]:
        """The filters as the list's and the export's query string."""
        return {
            "q": self.query,
            "status": self.status,
            "method": self.method,
            "since": self.since.isoformat() if self.since else "",
            "until": self.until.isoformat() if self.until else "",
        }


def _day(text: str, name: str, errors: dict[str, str]) -> date | None:
    text = (text or "").strip()
    if not text:
        return None
    try:
        if len(text) != 10:  # fromisoformat would also take 20260131
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        errors[name] = "orders.ui.error.bad_date"
        return None


def _conditions(store_id: int, filters: OrderFilters) -> list:
    """The store's orders passing every filter but the search words."""
    conditions = [Order.store_id == store_id]
    if filters.status != "all":
        conditions.append(Order.status == filters.status)
    if filters.method != "all":
        conditions.append(Order.payment_method == filters.method)
    if filters.since:
        conditions.append(Order.created_at >= datetime.combine(filters.since, time.min, tzinfo=UTC))
    if filters.until:
        conditions.append(
            Order.created_at < datetime.combine(filters.until + timedelta(days=1), time.min, tzinfo=UTC)
        )
    return conditions


def _filtered(store_id: int, filters: OrderFilters) -> SelectOfScalar:
    return select(Order.id).where(*_conditions(store_id, filters))


NEWEST_FIRST = (Order.created_at.desc(), Order.id.desc())


def matching_ids(session: Session, store_id: int, filters: OrderFilters) -> list[int] | None:
    """Ids of the store's orders the search words find, newest first; None without words
    (every filtered order matches, and the database pages them itself)."""
    words = fold(filters.query).split()
    if not words:
        return None
    # Per word, the orders with a line whose SKU holds it (SKUs are codes: case-blind is enough).
    by_sku = {
        word: set(
            session.exec(
                select(OrderLine.order_id).where(
                    OrderLine.store_id == store_id, func.lower(OrderLine.sku).contains(word, autoescape=True)
                )
            ).all()
        )
        for word in words
    }
    rows = session.exec(
        select(Order.id, Order.number, Order.customer_name, Order.email)
        .where(*_conditions(store_id, filters))
        .order_by(*NEWEST_FIRST)
    ).all()
    matches = []
    for order_id, number, name, email in rows:
        text = fold(f"{number} {name} {email}")
        if all(word in text or order_id in by_sku[word] for word in words):
            matches.append(order_id)
    return matches


def list_orders(
    session: Session, store_id: int, filters: OrderFilters, *, page: int = 1, per_page: int = 25
) -> tuple[list[ListedOrder], int]:
    """One page of the store's orders matching `filters`, newest first, and how many match."""
    start = max(0, page - 1) * per_page
    ids = matching_ids(session, store_id, filters)
    if ids is None:
        statement = _filtered(store_id, filters)
        total = session.exec(select(func.count()).select_from(statement.subquery())).one()
        page_ids = list(session.exec(statement.order_by(*NEWEST_FIRST).offset(start).limit(per_page)).all())
    else:
        total, page_ids = len(ids), ids[start : start + per_page]
    return _orders(session, store_id, page_ids), int(total)


def iter_orders(session: Session, store_id: int, filters: OrderFilters) -> Iterator[ListedOrder]:
    """Every order matching `filters`, newest first, read a chunk at a time."""
    ids = matching_ids(session, store_id, filters)
    if ids is None:
        ids = list(session.exec(_filtered(store_id, filters).order_by(*NEWEST_FIRST)).all())
    for start in range(0, len(ids), EXPORT_CHUNK):
        yield from _orders(session, store_id, ids[start : start + EXPORT_CHUNK])


def _orders(session: Session, store_id: int, ids: list[int]) -> list[ListedOrder]:
    """The store's orders with these ids, in the ids' order, with their item counts."""
    if not ids:
        return []
    rows = session.exec(select(Order).where(Order.store_id == store_id, one_of(session, Order.id, ids))).all()
    found = {order.id: order for order in rows}
    orders = [found[i] for i in ids if i in found]
    return [
        record_from(ListedOrder, order, item_count=summary.item_count)
        for order, summary in zip(orders, summaries(session, orders), strict=True)
    ]
