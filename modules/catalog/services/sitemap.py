"""What a store's sitemap lists: its home, the categories that show products, its active
products, each with the date it last changed.

A sitemap file costs two statements: the plan (categories and per-category product counts in
one UNION) and one page of products, streamed. Above `limit` URLs the sitemap becomes an
index of numbered files (the sitemap protocol allows 50,000 URLs a file).
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import quote, urlencode

from sqlalchemy import DateTime, Integer, String, cast, func, literal_column, null, union_all
from sqlmodel import Session, select

from modules.catalog.models import Category, Product

SITEMAP_LIMIT = 50_000  # URLs a sitemap file may hold
PRODUCTS_PER_FETCH = 1_000  # rows read from the database at a time while streaming


@dataclass(frozen=True)
class SitemapEntry:
    """A storefront page, as a path below the storefront's base, and when it last changed."""

    path: str  # "" (home), "products?category=<slug>" or "products/<slug>"
    lastmod: datetime | None


@dataclass(frozen=True)
class SitemapPlan:
    pages: tuple[SitemapEntry, ...]  # the home page, then categories; products come after
    product_count: int

    @property
    def total(self) -> int:
        return len(self.pages) + self.product_count

    def file_count(self, limit: int = SITEMAP_LIMIT) -> int:
        """How many sitemap files hold every URL; 1 means no index is needed."""
        return max(1, -(-self.total // limit))


def product_path(slug: str) -> str:
    """A product page below the storefront's base: no trailing slash, like the storefront's links."""
    return f"products/{quote(slug)}"


def category_path(slug: str) -> str:
    """A category's listing below the storefront's base, as the listing's own links write it."""
    return "products?" + urlencode({"category": slug})


def sitemap_plan(session: Session, store_id: int) -> SitemapPlan:
    """The store's home and categories with their dates, and how many active products follow.

    A category's date is the latest change of an active product in it or below it; a
    category with no active product below it is left out (its listing is empty).
    """
    products = (
        select(
            literal_column("'p'").label("kind"),
            Product.category_id.label("id"),
            cast(null(), Integer).label("parent_id"),
            cast(null(), String).label("slug"),
            func.count().label("n"),
            func.max(Product.updated_at).label("changed"),
        )
        .where(Product.store_id == store_id, Product.is_active)
        .group_by(Product.category_id)
    )
    categories = select(
        literal_column("'c'"),
        Category.id,
        Category.parent_id,
        Category.slug,
        literal_column("0"),
        cast(null(), DateTime),
    ).where(Category.store_id == store_id)
    rows = session.execute(union_all(products, categories)).all()
    parents = {row.id: row.parent_id for row in rows if row.kind == "c"}
    slugs = {row.id: row.slug for row in rows if row.kind == "c"}
    shown: dict[int, datetime] = {}
    latest, count = None, 0
    for row in rows:
        if row.kind != "p":
            continue
        changed = _utc(row.changed)
        count += row.n
        latest = max(latest or changed, changed)
        for category_id in _ancestors(row.id, parents):
            shown[category_id] = max(shown.get(category_id, changed), changed)
    pages = [SitemapEntry("", latest)]
    pages += [SitemapEntry(category_path(slugs[c]), shown[c]) for c in sorted(shown, key=slugs.get)]
    return SitemapPlan(tuple(pages), count)


def sitemap_entries(
    session: Session, store_id: int, plan: SitemapPlan, number: int, limit: int = SITEMAP_LIMIT
) -> Iterator[SitemapEntry]:
    """The URLs of sitemap file `number` (from 1): pages first, then products by id."""
    start, end = (number - 1) * limit, number * limit
    yield from plan.pages[start:end]
    first = max(start - len(plan.pages), 0)
    take = min(end - len(plan.pages), plan.product_count) - first
    if take <= 0:
        return
    query = (
        select(Product.slug, Product.updated_at)
        .where(Product.store_id == store_id, Product.is_active)
        .order_by(Product.id)
        .offset(first)
        .limit(take)
        .execution_options(yield_per=PRODUCTS_PER_FETCH)
    )
    for slug, updated_at in session.execute(query):
        yield SitemapEntry(product_path(slug), _utc(updated_at))


def _ancestors(category_id: int | None, parents: dict[int, int | None]) -> Iterator[int]:
    """The category and those above it (a product without a category has none)."""
    seen: set[int] = set()
    while category_id is not None and category_id in parents and category_id not in seen:
        seen.add(category_id)
        yield category_id
        category_id = parents[category_id]


def _utc(moment: datetime) -> datetime:
    """SQLite hands timestamps back without their zone; they were stored in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def w3c_date(moment: datetime) -> str:
    """`2026-11-29T13:05:00+00:00`: the W3C datetime form sitemaps use, to the second."""
    return _utc(moment).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S+00:00")
