"""Feed categories: a store's table of `google_product_category` values → its own categories.

Feeds write Google's taxonomy (`Home & Garden > Kitchen > Cookware` or its number `638`);
stores have their own tree. Every value a feed brings is recorded, so the merchant sees
the list and picks a category for each once; later imports file the products by it. A
value without a category leaves the product's category as it is.
"""

from sqlmodel import Session, select

from modules.catalog.public import category_options
from modules.marketplace.models import CategoryMapping
from orion_app.db import one_of, utcnow
from orion_app.errors import FieldErrors

MAX_LENGTH = 300


def normalise(value: str) -> str:
    """The value as the table keeps it: spaces collapsed, at most 300 characters."""
    return " ".join(value.split())[:MAX_LENGTH]


def map_categories(session: Session, store_id: int, by_sku: dict[str, str]) -> dict[str, int]:
    """SKU -> store category for the rows whose feed category is mapped; new values are recorded.

    Flushes only: the import's batch commits them with its products.
    """
    wanted = {sku: normalise(value) for sku, value in by_sku.items() if normalise(value)}
    if not wanted:
        return {}
    known = {
        row.feed_category: row.category_id
        for row in session.exec(
            select(CategoryMapping).where(
                CategoryMapping.store_id == store_id,
                one_of(session, CategoryMapping.feed_category, set(wanted.values())),
            )
        )
    }
    for value in sorted(set(wanted.values()) - set(known)):
        session.add(CategoryMapping(store_id=store_id, feed_category=value))
        known[value] = None
    session.flush()
    return {sku: known[value] for sku, value in wanted.items() if known[value] is not None}


def list_mappings(session: Session, store_id: int) -> list[CategoryMapping]:
    """The store's feed categories, unmapped ones first, then by value."""
    rows = session.exec(select(CategoryMapping).where(CategoryMapping.store_id == store_id)).all()
    return sorted(rows, key=lambda row: (row.category_id is not None, row.feed_category.lower()))


def save_mapping(
    session: Session, store_id: int, feed_category: str, category_id: int | None, lang: str = "en"
) -> CategoryMapping:
    """Map a feed category (new or recorded) to one of the store's categories, or to none."""
    value = normalise(feed_category)
    if not value:
        raise FieldErrors({"feed_category": "orion.error.required"})
    own = {int(option["value"]) for option in category_options(session, store_id, lang, "en")}
    if category_id is not None and category_id not in own:
        raise FieldErrors({"category_id": "marketplace.categories.unknown"})
    row = session.exec(
        select(CategoryMapping).where(
            CategoryMapping.store_id == store_id, CategoryMapping.feed_category == value
        )
    ).first() or CategoryMapping(store_id=store_id, feed_category=value)
    row.sqlmodel_update({"category_id": category_id, "updated_at": utcnow()})
    session.add(row)
    session.commit()
    return row
