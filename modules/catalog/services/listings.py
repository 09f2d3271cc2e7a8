"""The catalog as other modules and the storefront read it: plain records, page by page.

`listing_cards` is the storefront's card query: one statement for the page (texts in the
shopper's languages, first photo, available stock, the lowest and highest price of the
active variants and whether it has options folded in as correlated subqueries)
and one for the count, whatever the page size. Searching reads the search index
(`catalog_003_search_index`). `active_products` serves exports: keyset pages on the product
id, so a caller can walk a catalog of any size with flat memory.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    bindparam,
    case,
    column,
    exists,
    func,
    literal_column,
    table,
)
from sqlmodel import Session, select

from modules.catalog.models import Product, ProductMedia, ProductTranslation, ProductVariant
from modules.catalog.services.media import variant_path
from modules.catalog.services.products import translations
from modules.catalog.services.storefront import CARD_COLUMNS, ProductCard, shown_availability
from modules.catalog.services.values import fold
from modules.inventory.public import available_by_product, available_stock_expr
from orion_app.records import record_from

SORTS = ("relevance", "newest", "price_asc", "price_desc", "name")
# SQLite's full-text index (an FTS5 table over product.search_text, rowid = product id).
_FTS = table("product_search", column("rank"))
_FTS_MIN = 3  # the trigram tokenizer matches nothing shorter; those words use LIKE


@dataclass(frozen=True)
class ProductText:
    title: str
    description: str


@dataclass(frozen=True)
class ListedProduct:
    """An active product with what a listing shows; prices are gross integer cents."""

    id: int
    sku: str
    slug: str
    price_cents: int
    sale_price_cents: int | None
    currency: str
    brand: str
    gtin: str
    mpn: str
    condition: str
    availability: str  # what the storefront shows: stock decides for physical goods
    texts: Mapping[str, ProductText]  # by language
    photos: tuple[str, ...]  # paths relative to the media folder, in the merchant's order

    def text(self, langs: tuple[str, ...]) -> ProductText | None:
        """The text in the first of `langs` that has one, else any."""
        for lang in langs:
            if lang in self.texts:
                return self.texts[lang]
        return next(iter(self.texts.values()), None)


def active_products(
    session: Session, store_id: int, *, after_id: int = 0, limit: int = 1000, photo_size: str = "lg"
) -> list[ListedProduct]:
    """Up to `limit` active products of the store with an id above `after_id`, by id."""
    products = list(
        session.exec(
            select(Product)
            .where(Product.store_id == store_id, Product.is_active.is_(True), Product.id > after_id)
            .order_by(Product.id)
            .limit(limit)
        ).all()
    )
    ids = [p.id for p in products]
    texts = translations(session, ids)
    stock = available_by_product(session, store_id, ids)
    photos: dict[int, list[str]] = {pid: [] for pid in ids}
    if ids:
        for product_id, key in session.exec(
            select(ProductMedia.product_id, ProductMedia.key)
            .where(ProductMedia.store_id == store_id, ProductMedia.product_id.in_(ids))
            .order_by(ProductMedia.product_id, ProductMedia.position, ProductMedia.id)
        ):
            photos[product_id].append(variant_path(key, photo_size))
    return [
        record_from(
            ListedProduct,
            p,
            availability=shown_availability(p, stock.get(p.id, 0)),
            texts={lang: ProductText(t.title, t.description) for lang, t in texts[p.id].items()},
            photos=tuple(photos[p.id]),
        )
        for p in products
    ]


def listing_cards(
    session: Session,
    store_id: int,
    langs: tuple[str, ...],
    *,
    query: str = "",
    category_ids: list[int] | None = None,
    featured: bool | None = None,
    sort: str | None = None,
    page: int = 1,
    per_page: int = 24,
) -> tuple[list[ProductCard], int]:
    """One page of the store's active products as cards, and how many match: two statements.

    Every word of `query` must occur in the product's folded search text ("cafe" finds
    "Café"). `sort` is one of SORTS; unknown or None means relevance when searching (best
    match first), else newest. Ties go newest first, so pages never overlap.
    """
    dialect = session.get_bind().dialect.name
    words = fold(query).split()
    indexed = tuple(dialect == "sqlite" and len(w) >= _FTS_MIN for w in words)
    if sort not in SORTS or (sort == "relevance" and not words):
        sort = "relevance" if words else "newest"
    if sort == "relevance" and dialect == "sqlite" and not any(indexed):
        sort = "newest"  # words too short for the index: nothing to rank by
    count, page_query = _statements(tuple(langs), sort, indexed, bool(category_ids), featured)
    params = {
        "store_id": store_id,
        "categories": list(category_ids or []),
        "phrase": " ".join(
            '"' + w.replace('"', '""') + '"' for w, i in zip(words, indexed, strict=True) if i
        ),
        "folded": " ".join(words),
        "offset": (max(page, 1) - 1) * per_page,
        "limit": per_page,
        **{f"word_{n}": "%" + _escaped(w) + "%" for n, w in enumerate(words)},
    }
    connection = session.connection()  # Core statements: the ORM's execute adds nothing here
    total = connection.execute(count, params).scalar_one()
    rows = connection.execute(page_query, params).all()
    return [_card(row) for row in rows], int(total)


def _escaped(word: str) -> str:
    """`word` for a LIKE pattern escaped with '/': '%' and '_' are characters, not wildcards."""
    return word.replace("/", "//").replace("%", "/%").replace("_", "/_")


@lru_cache(maxsize=512)
def _statements(
    langs: tuple[str, ...], sort: str, indexed: tuple[bool, ...], categories: bool, featured: bool | None
) -> tuple[Select, Select]:
    """The count and the page statement of one shape of listing, built once; values are bound.

    Building them costs more than SQLite takes to run them, hence the cache. `indexed` says,
    per word of the query, whether the full-text index (SQLite) or LIKE looks for it.
    """
    wheres = [Product.store_id == bindparam("store_id"), Product.is_active.is_(True)]
    if categories:
        wheres.append(Product.category_id.in_(bindparam("categories", expanding=True)))
    if featured is not None:
        wheres.append(Product.is_featured.is_(featured))
    # PostgreSQL's trigram index serves LIKE '%word%'; on SQLite, words FTS5 can match go to it.
    wheres += [
        Product.search_text.like(bindparam(f"word_{n}"), escape="/") for n, i in enumerate(indexed) if not i
    ]
    hits = None
    if any(indexed):
        # `+rowid`: a unary plus keeps SQLite from driving the join from the product index and
        # asking FTS5 for each product's row with the MATCH again (0.5-1.4 s on 10,000
        # products). The hits come first, then each is a primary-key lookup into product.
        match = literal_column("product_search").op("MATCH")(bindparam("phrase"))
        hits = select(literal_column("+rowid").label("product_id"), _FTS.c.rank).select_from(_FTS)
        hits = hits.where(match).subquery()
    count = select(func.count()).select_from(Product)
    if hits is not None:
        count = count.join(hits, hits.c.product_id == Product.id)
    key, descending = _sort_key(sort, hits, langs)
    # The page is picked first, then only its rows get texts, photo and stock: offset rows
    # never run the correlated subqueries.
    inner = select(Product.id, Product.created_at, key.label("sort_key")).where(*wheres)
    if hits is not None:
        inner = inner.join(hits, hits.c.product_id == Product.id)
    inner = inner.order_by(key.desc() if descending else key, Product.created_at.desc(), Product.id.desc())
    picked = inner.offset(bindparam("offset")).limit(bindparam("limit")).subquery()
    page = (
        select(
            *CARD_COLUMNS,
            _title(langs, Product.id, Product.sku).label("title"),
            _first_photo(Product.id).label("photo"),
            available_stock_expr(bindparam("store_id"), Product.id).label("stock"),
            _variant_price(func.min).label("lowest"),
            _variant_price(func.max).label("highest"),
            _without_default_variant().label("has_options"),
        )
        .join(picked, picked.c.id == Product.id)
        .order_by(
            picked.c.sort_key.desc() if descending else picked.c.sort_key,
            picked.c.created_at.desc(),
            picked.c.id.desc(),
        )
    )
    return count.where(*wheres), page


def _sort_key(sort: str, hits, langs: tuple[str, ...]) -> tuple[ColumnElement, bool]:
    """The listing's first sort key and whether it runs descending."""
    if sort == "relevance" and hits is not None:
        return hits.c.rank, False  # bm25: lower is better
    if sort == "relevance":  # PostgreSQL
        # Trigram likeness of the words, then of the whole text: a short text that is mostly
        # the query beats a long one that merely holds it (bm25's length weighting, roughly).
        folded = bindparam("folded")
        return func.word_similarity(folded, Product.search_text) + func.similarity(
            folded, Product.search_text
        ), True
    if sort in ("price_asc", "price_desc"):  # what the shopper pays: the sale price when there is one
        return func.coalesce(Product.sale_price_cents, Product.price_cents), sort == "price_desc"
    if sort == "name":
        return func.lower(_title(langs, Product.id, Product.sku)), False
    return Product.created_at, True


def _title(langs: tuple[str, ...], product_id: ColumnElement[int], fallback: ColumnElement[str]):
    """The product's title in the first of `langs` it has, else in any, else `fallback`."""
    rank = case(
        {lang: n for n, lang in enumerate(dict.fromkeys(langs))},
        value=ProductTranslation.lang,
        else_=len(langs),
    )
    first = (
        select(ProductTranslation.title)
        .where(ProductTranslation.product_id == product_id)
        .order_by(rank, ProductTranslation.id)
        .limit(1)
        .scalar_subquery()
    )
    return func.coalesce(first, fallback)


def _first_photo(product_id: ColumnElement[int]):
    # By product only: a product's photos are its store's, and a store_id term makes SQLite
    # (without ANALYZE) walk the store's index instead of ix_product_media_product_position.
    return (
        select(ProductMedia.key)
        .where(ProductMedia.product_id == product_id)
        .order_by(ProductMedia.position, ProductMedia.id)
        .limit(1)
        .scalar_subquery()
    )


def _variant_price(aggregate):
    """The lowest (`func.min`) or highest (`func.max`) price a shopper pays for one of the
    product's active variants: `variants.effective_prices`, then the sale price when lower."""
    price = func.coalesce(ProductVariant.price_cents, Product.price_cents)
    inherited = func.coalesce(ProductVariant.sale_price_cents, Product.sale_price_cents)
    sale = case((ProductVariant.price_cents.is_(None), inherited), else_=ProductVariant.sale_price_cents)
    pays = case((and_(sale.is_not(None), sale < price), sale), else_=price)
    return (
        select(aggregate(pays))
        .where(ProductVariant.product_id == Product.id, ProductVariant.is_active.is_(True))
        .scalar_subquery()
    )


def _without_default_variant():
    """Whether the product has options: it has no default variant (`combination` "")."""
    return ~exists().where(ProductVariant.product_id == Product.id, ProductVariant.combination == "")


def _card(row) -> ProductCard:
    available = max(0, int(row.stock or 0))
    return ProductCard(
        id=row.id,
        slug=row.slug,
        title=row.title,
        brand=row.brand,
        price_cents=row.price_cents,
        sale_price_cents=row.sale_price_cents,
        currency=row.currency,
        vat_rate=row.vat_rate,
        image_key=row.photo or "",
        available=available,
        availability=shown_availability(row, available),
        from_price_cents=row.lowest if row.lowest is not None and row.lowest != row.highest else None,
        has_options=bool(row.has_options),
    )
