"""Order numbers: `<store prefix>-<year>-<6 digits>`, per store and year, without gaps.

The next number comes from the store's `order_counter` row, incremented by one UPDATE in
the placing transaction. The row stays locked until that transaction ends (PostgreSQL row
lock; SQLite has one writer at a time), so two placements never take the same number, and
a placement that rolls back gives its number back with everything else: no gaps.
"""

from sqlalchemy import bindparam, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, select

from modules.orders.models import OrderCounter


def store_prefix(store_code: str) -> str:
    """`cafe-lux` -> `CL`, `velo-weber-shop` -> `VWS`, `boutique` -> `BO`: initials of the code's words."""
    words = [w for w in store_code.replace("_", "-").split("-") if w]
    if len(words) >= 2:
        return "".join(w[0] for w in words[:3]).upper()
    return (words[0][:2] if words else "OR").upper()


def format_number(prefix: str, year: int, sequence: int) -> str:
    return f"{prefix}-{year}-{sequence:06d}"


def next_number(session: Session, store_id: int, store_code: str, year: int) -> str:
    """Take the store's next number for `year`; the counter row stays locked until commit."""
    sequence = _increment(session, store_id, year)
    if sequence is None:
        _create_counter(session, store_id, year)
        sequence = _increment(session, store_id, year)
    return format_number(store_prefix(store_code), year, sequence)


_INCREMENT = (  # built once: run at every placement
    update(OrderCounter)
    .where(OrderCounter.store_id == bindparam("store"), OrderCounter.year == bindparam("of_year"))
    .values(last=OrderCounter.last + 1)
    .returning(OrderCounter.last)
    .execution_options(synchronize_session=False)
)


def _increment(session: Session, store_id: int, year: int) -> int | None:
    return session.execute(_INCREMENT, {"store": store_id, "of_year": year}).scalar_one_or_none()


def _create_counter(session: Session, store_id: int, year: int) -> None:
    """The year's first order: insert the counter row, unless a concurrent first order just did."""
    dialect = session.get_bind().dialect.name
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    session.execute(
        insert(OrderCounter)
        .values(store_id=store_id, year=year, last=0)
        .on_conflict_do_nothing(index_elements=["store_id", "year"])
    )


def last_number(session: Session, store_id: int, year: int) -> int:
    return (
        session.exec(
            select(OrderCounter.last).where(OrderCounter.store_id == store_id, OrderCounter.year == year)
        ).first()
        or 0
    )
