"""Queries scoped to one store: the one place that writes `WHERE store_id = …` for a row look-up.

Every table a store owns has a `store_id` column. Services pass the store from the access
decision, and ids from a request only pick rows inside it, so another store's id reads as
"not found", never as someone else's row.
"""

from typing import Any, TypeVar

from sqlmodel import Session, select
from sqlmodel.sql.expression import SelectOfScalar

from orion_app.errors import NotFound

Row = TypeVar("Row")


def in_store(model: type[Row], store_id: int, **equal: Any) -> SelectOfScalar[Row]:
    """`SELECT model WHERE store_id = :store_id AND <column> = <value> …` for each keyword."""
    return select(model).where(
        model.store_id == store_id, *(getattr(model, column) == value for column, value in equal.items())
    )


def get_in_store(session: Session, model: type[Row], store_id: int, **equal: Any) -> Row:
    """The store's row whose columns equal the keywords (e.g. `id=…`, `slug=…`); NotFound if none."""
    row = session.exec(in_store(model, store_id, **equal)).first()
    if row is None:
        raise NotFound()
    return row


def list_in_store(
    session: Session, model: type[Row], store_id: int, *order_by: Any, limit: int | None = None, **equal: Any
) -> list[Row]:
    """The store's rows whose columns equal the keywords, in `order_by` order, at most `limit`."""
    query = in_store(model, store_id, **equal).order_by(*order_by)
    if limit is not None:
        query = query.limit(limit)
    return list(session.exec(query).all())
