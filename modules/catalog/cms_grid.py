"""Product cards for other modules' pages (the `product_grid` contribution point cms reads
for its product grid blocks) and the categories a grid may show (`product_grid_categories`).
Plain dicts and strings, so cms needs no catalog import.

A grid is one of: a category of the store (by slug; its sub-categories' products too, newest
first, as the storefront's category page lists them), hand-picked SKUs in their order, or
the store's first active products. Each is one statement for the cards (a category adds one
for the store's category tree); a slug the store lacks (a category deleted since) shows
nothing."""

from sqlalchemy import Select
from sqlmodel import Session, select

from modules.catalog.models import Category, Product
from modules.catalog.services.categories import category_tree
from modules.catalog.services.listings import _first_photo, _title
from orion_app.db import one_of
from orion_app.images import variant_path

UPLOAD = "/_upload/"


def product_cards(
    session: Session,
    store_id: int,
    *,
    skus: list[str],
    limit: int,
    languages: tuple[str, ...],
    category: str | None = None,
) -> list[dict]:
    """Up to `limit` cards (path under the storefront base, title, price, currency, photo) of
    the store's active products: of `category` (a slug) when given, else of `skus` in their
    order (unknown and inactive ones skipped), else its first products."""
    statement = _cards(store_id, tuple(languages))
    if category:
        ids = _subtree(session, store_id, category)
        if not ids:
            return []
        statement = statement.where(one_of(session, Product.category_id, ids))
        statement = statement.order_by(Product.created_at.desc(), Product.id.desc()).limit(limit)
    elif skus:
        statement = statement.where(one_of(session, Product.sku, skus))
    else:
        statement = statement.order_by(Product.id).limit(limit)
    rows = list(session.execute(statement).all())
    if skus and not category:
        order = {sku: n for n, sku in reversed(list(enumerate(skus)))}
        rows.sort(key=lambda row: order[row.sku])
    return [
        {
            "path": f"products/{row.slug}",
            "title": row.title,
            "price_cents": row.sale_price_cents or row.price_cents,
            "currency": row.currency,
            "photo": UPLOAD + variant_path(row.photo, "md") if row.photo else "",
        }
        for row in rows[:limit]
    ]


def grid_categories(session: Session, store_id: int, lang: str, fallback: str = "en") -> list[dict[str, str]]:
    """The store's categories a grid may show, as select options: value = slug, label = the
    name in `lang` (else `fallback`, else any), indented by depth."""
    return [
        {"value": node.slug, "label": "— " * node.depth + node.name}
        for node in category_tree(session, store_id, lang, fallback)
    ]


def _cards(store_id: int, languages: tuple[str, ...]) -> Select:
    """The cards' columns: title in the first of `languages` the product has, first photo."""
    return select(
        Product.sku,
        Product.slug,
        Product.price_cents,
        Product.sale_price_cents,
        Product.currency,
        _title(languages, Product.id, Product.sku).label("title"),
        _first_photo(Product.id).label("photo"),
    ).where(Product.store_id == store_id, Product.is_active.is_(True))


def _subtree(session: Session, store_id: int, slug: str) -> list[int]:
    """The store's category with this slug and its descendants (as the storefront's category
    page lists them), in one statement; [] when the store has no such category."""
    rows = session.exec(
        select(Category.id, Category.parent_id, Category.slug).where(Category.store_id == store_id)
    ).all()
    children: dict[int | None, list[int]] = {}
    for category_id, parent_id, _slug in rows:
        children.setdefault(parent_id, []).append(category_id)
    stack = [category_id for category_id, _parent, found in rows if found == slug]
    found: list[int] = []
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(children.get(current, []))
    return found
