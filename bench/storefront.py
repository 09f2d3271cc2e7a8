"""Storefront listing and search data: Orion's card query vs. hand-written SQL, on two stores.

Stores: the demo store `cafe-lux` as `seed-demo` makes it (180 products with photos and stock),
and `velo-weber` with the 10,000 more products of bench/bulk_catalog.py ("cafe" finds 200 of
them; every 100th is inactive).

Orion:    `listings.listing_cards(session, store, ("fr", "en"), page=N, per_page=24)`, each call in
          a fresh `session_scope()`: the count, then one page with texts, first photo and stock.
Baseline: the same cards from two plain `text()` queries (the count, then one page with its
          fr/en titles, first photo key, summed stock, its active variants' lowest and highest
          price paid and whether it has options), returning plain tuples.
          Its search reads the same index: FTS5 `MATCH` ranked by bm25 on SQLite, `LIKE` (the
          trigram index) ranked by trigram similarity on PostgreSQL.

Listing pages rotate over the first, a middle and the last page; search pages likewise. All four
paths are interleaved per round so drift on the machine hits them equally. The same runs on
PostgreSQL when one answers at 127.0.0.1:5432 (a throw-away database, dropped at the end).
"""

import os
import time
import uuid

from bench.bulk_catalog import PRODUCTS, seed_bulk_catalog

ROUNDS = 200
WARMUP = 20
STORES = {"demo": ("cafe-lux", 0), "10k": ("velo-weber", PRODUCTS)}  # code, products added
LANGS = ("fr", "en")
SEARCH = "cafe"
PER_PAGE = 24
POSTGRES_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"

# --------------------------------------------------------------------------- the two read paths


def _orion(store_id: int, page: int, query: str = "", per_page: int = PER_PAGE):
    from modules.catalog.services.listings import listing_cards
    from orion_app.db import session_scope

    with session_scope() as session:
        return listing_cards(session, store_id, LANGS, query=query, page=page, per_page=per_page)


# The photo subquery filters by product only: the product is already this store's, and with a
# `store_id = :store` term SQLite (no ANALYZE) walks the store index — every photo of the store.
COUNT_SQL = "SELECT count(*) FROM product p{hits} WHERE p.store_id = :store AND p.is_active = :active{where}"
PAGE_SQL = """
SELECT p.id, p.slug, COALESCE(tf.title, te.title, p.sku), p.brand, p.price_cents, p.sale_price_cents,
       p.currency, p.vat_rate, p.is_digital, p.availability,
       (SELECT m.key FROM product_media m
         WHERE m.product_id = p.id
         ORDER BY m.position, m.id LIMIT 1),
       (SELECT sum(s.quantity - s.reserved) FROM stock_level s
         WHERE s.store_id = :store AND s.product_id = p.id),
       (SELECT min({pays}) FROM product_variant v WHERE v.product_id = p.id AND v.is_active = :active),
       (SELECT max({pays}) FROM product_variant v WHERE v.product_id = p.id AND v.is_active = :active),
       NOT EXISTS (SELECT 1 FROM product_variant v WHERE v.product_id = p.id AND v.combination = '')
FROM (SELECT p.id, p.slug, p.sku, p.brand, p.price_cents, p.sale_price_cents, p.currency, p.vat_rate,
             p.is_digital, p.availability, p.created_at, {key} AS sort_key
        FROM product p{hits}
       WHERE p.store_id = :store AND p.is_active = :active{where}
       ORDER BY sort_key {direction}, p.created_at DESC, p.id DESC
       LIMIT :limit OFFSET :offset) p
LEFT JOIN product_translation tf ON tf.product_id = p.id AND tf.lang = 'fr'
LEFT JOIN product_translation te ON te.product_id = p.id AND te.lang = 'en'
ORDER BY p.sort_key {direction}, p.created_at DESC, p.id DESC
"""
# What a shopper pays for a variant: its own price, else the product's; its own sale price, or,
# with no own price, the product's; the sale price when lower (variants.effective_prices).
_PRICE = "COALESCE(v.price_cents, p.price_cents)"
_SALE = (
    "(CASE WHEN v.price_cents IS NULL THEN COALESCE(v.sale_price_cents, p.sale_price_cents)"
    " ELSE v.sale_price_cents END)"
)
PAYS = f"CASE WHEN {_SALE} < {_PRICE} THEN {_SALE} ELSE {_PRICE} END"

# `+rowid`: the FTS5 hits drive the join (see listings._filters); without it SQLite can ask
# FTS5 once per product of the store (0.5 s on 10,000 products).
FTS_HITS = (
    " JOIN (SELECT +rowid AS product_id, rank FROM product_search WHERE product_search MATCH :match) h"
    " ON h.product_id = p.id"
)
TRIGRAM_RANK = "word_similarity(:query, p.search_text) + similarity(:query, p.search_text)"


def _baseline_sql(dialect: str, query: str) -> dict[str, str]:
    if not query:
        return {"hits": "", "where": "", "key": "p.created_at", "direction": "DESC", "pays": PAYS}
    if dialect == "sqlite":
        return {"hits": FTS_HITS, "where": "", "key": "h.rank", "direction": "ASC", "pays": PAYS}
    return {
        "hits": "",
        "where": " AND p.search_text LIKE :like",
        "key": TRIGRAM_RANK,
        "direction": "DESC",
        "pays": PAYS,
    }


def _baseline(engine, store_id: int, page: int, query: str = "", per_page: int = PER_PAGE):
    from sqlalchemy import text

    parts = _baseline_sql(engine.dialect.name, query)
    params = {"store": store_id, "active": True, "like": f"%{query}%", "match": f'"{query}"', "query": query}
    with engine.connect() as connection:
        total = connection.execute(
            text(COUNT_SQL.format(hits=parts["hits"], where=parts["where"])), params
        ).scalar_one()
        rows = connection.execute(
            text(PAGE_SQL.format(**parts)),
            {**params, "limit": per_page, "offset": (page - 1) * per_page},
        ).all()
    result = []
    for row in rows:
        pid, slug, title, brand, price, sale, currency, vat, digital, availability, key, stock = row[:12]
        lowest, highest, has_options = row[12:]
        available = max(0, int(stock or 0))
        if not (digital or availability in ("preorder", "backorder")):
            availability = "in_stock" if available > 0 else "out_of_stock"
        from_price = lowest if lowest is not None and lowest != highest else None
        result.append(
            (
                pid,
                slug,
                title,
                brand,
                price,
                sale,
                currency,
                vat,
                key or "",
                available,
                availability,
                from_price,
                bool(has_options),
            )
        )
    return result, total


def _same(orion, baseline) -> bool:
    cards, total = orion
    rows, base_total = baseline
    mine = [
        (
            c.id,
            c.slug,
            c.title,
            c.brand,
            c.price_cents,
            c.sale_price_cents,
            c.currency,
            c.vat_rate,
            c.image_key,
            c.available,
            c.availability,
            c.from_price_cents,
            c.has_options,
        )
        for c in cards
    ]
    return total == base_total and mine == rows


# --------------------------------------------------------------------------- measuring


def _statements(engine, store_id: int) -> dict:
    """SQL statements sent for one page load, by page size."""
    from sqlalchemy import event

    counted = [0]

    def _count(*_args):
        counted[0] += 1

    event.listen(engine, "before_cursor_execute", _count)
    try:
        result = {}
        for label, query in (("listing", ""), ("search", SEARCH)):
            result[label] = {}
            for per_page in (12, 24, 96):
                counted[0] = 0
                _orion(store_id, 1, query, per_page)
                result[label][per_page] = counted[0]
        counted[0] = 0
        _baseline(engine, store_id, 1, "")
        result["baseline"] = counted[0]
    finally:
        event.remove(engine, "before_cursor_execute", _count)
    return result


def _pages(store_id: int, query: str) -> tuple[int, ...]:
    """The first, a middle and the last page of a listing or search."""
    last = max(1, -(-_orion(store_id, 1, query)[1] // PER_PAGE))
    return tuple(dict.fromkeys((1, (last + 1) // 2, last)))


def _measure_store(engine, store_id: int) -> dict:
    """Check that both paths agree, then time them, interleaved."""
    from bench.common import percentiles

    pages = {"listing": _pages(store_id, ""), "search": _pages(store_id, SEARCH)}
    for kind, query in (("listing", ""), ("search", SEARCH)):
        for page in pages[kind]:
            if not _same(_orion(store_id, page, query), _baseline(engine, store_id, page, query)):
                raise RuntimeError(f"Orion and the baseline disagree on page {page} of {query!r}.")
    paths = {
        "orion_listing": lambda page: _orion(store_id, page),
        "baseline_listing": lambda page: _baseline(engine, store_id, page),
        "orion_search": lambda page: _orion(store_id, page, SEARCH),
        "baseline_search": lambda page: _baseline(engine, store_id, page, SEARCH),
    }
    samples: dict[str, list[float]] = {name: [] for name in paths}
    for i in range(WARMUP + ROUNDS):
        for name, call in paths.items():
            kind_pages = pages[name.split("_")[1]]
            t0 = time.perf_counter()
            call(kind_pages[i % len(kind_pages)])
            if i >= WARMUP:
                samples[name].append((time.perf_counter() - t0) * 1000)
    result: dict = {
        "products": _orion(store_id, 1)[1],
        "cafe_hits": _orion(store_id, 1, SEARCH)[1],
        "pages": pages,
    }
    for name, values in samples.items():
        result[name] = percentiles(values)
    for kind in ("listing", "search"):
        for q in ("p50", "p95"):
            result[f"ratio_{kind}_{q}"] = round(result[f"orion_{kind}"][q] / result[f"baseline_{kind}"][q], 2)
    result["statements_per_page_load"] = _statements(engine, store_id)
    return result


def _measure() -> dict:
    """Add the 10,000 products, then measure each store of STORES."""
    from sqlmodel import select

    from modules.tenancy.models import Store
    from orion_app.db import get_engine, session_scope

    engine = get_engine()
    result: dict = {"dialect": engine.dialect.name}
    ids = {}
    for label, (code, added) in STORES.items():
        with session_scope() as session:
            ids[label] = session.exec(select(Store.id).where(Store.code == code)).one()
        if added:
            started = time.perf_counter()
            seed_bulk_catalog(ids[label])
            result[f"seed_seconds_{label}"] = round(time.perf_counter() - started, 2)
    if engine.dialect.name == "postgresql":  # what autovacuum would have done by now
        with engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE")
    for label in STORES:
        result[label] = _measure_store(engine, ids[label])
    if result["10k"]["cafe_hits"] < 150:
        raise RuntimeError("'cafe' finds too few of the 10,000; the accent folding is not what was seeded.")
    return result


def _postgres() -> dict:
    """The same measurement on a throw-away PostgreSQL database, dropped afterwards."""
    from sqlalchemy import create_engine

    try:
        admin = create_engine(
            POSTGRES_ADMIN, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3}
        )
        with admin.connect() as connection:
            connection.exec_driver_sql("SELECT 1")
    except Exception as error:  # no server is a result, not a failure
        return {"skipped": f"PostgreSQL not reachable: {type(error).__name__}"}
    name = f"orion_bench_{uuid.uuid4().hex[:10]}"
    url = POSTGRES_ADMIN.rsplit("/", 1)[0] + f"/{name}"
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        os.environ["REDIS_PREFIX"] = f"orion:bench:{uuid.uuid4().hex[:8]}:"
        os.environ["DATABASE_URL"] = url
        from orion_app.settings import get_settings

        get_settings.cache_clear()
        from orion_app.cli import main
        from orion_app.db import engine_for, normalise_url
        from orion_app.migrations import upgrade

        upgrade(url)
        main(["seed-demo"])
        try:
            return _measure()
        finally:
            engine_for(normalise_url(url)).dispose()
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def run() -> dict:
    import tempfile

    from bench.common import fresh_demo_database

    os.environ["MEDIA_DIR"] = tempfile.mkdtemp(prefix="orion-bench-media-")  # the demo's photos
    fresh_demo_database()
    return {"sqlite": _measure(), "postgresql": _postgres()}
