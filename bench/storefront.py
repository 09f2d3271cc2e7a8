"""Storefront reads on a store with 10,000 products: Orion's card service vs. hand-written SQL.

The store `velo-weber` gets 10,000 products (fr/en/de titles, one photo row each, stock in one
or two bins, 20 categories; every 50th title has "Café" in it, so "cafe" finds 200; every
100th product is inactive). They are bulk-inserted, not created through the services, but
`search_text` is computed by the service's own `search_text()`.

Orion:    `storefront.cards(session, store, ("fr", "en"), page=N, per_page=24)`, each call in a
          fresh `session_scope()` — count, products, texts, first photos, stock.
Baseline: the same cards from two plain `text()` queries (the count, then one page with its
          fr/en titles, first photo key and summed stock joined in), returning plain tuples.

Listing pages rotate 1, 50, 200; search pages rotate 1, 5, 9 (200 hits are 9 pages of 24).
All four are interleaved per round so drift on the machine hits them equally. The same runs on
PostgreSQL when one answers at 127.0.0.1:5432 (a throw-away database, dropped at the end).
"""

import os
import time
import uuid
from datetime import UTC, datetime, timedelta

PRODUCTS = 10_000
CATEGORIES = 20
ROUNDS = 200
WARMUP = 20
STORE = "velo-weber"
LANGS = ("fr", "en")
LIST_PAGES = (1, 50, 200)
SEARCH_PAGES = (1, 5, 9)
PER_PAGE = 24
POSTGRES_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"

NOUNS = [  # fr, en, de
    ("Vélo de ville", "City bike", "Stadtrad"),
    ("Casque", "Helmet", "Helm"),
    ("Chambre à air", "Inner tube", "Schlauch"),
    ("Pneu", "Tyre", "Reifen"),
    ("Antivol", "Lock", "Schloss"),
    ("Éclairage avant", "Front light", "Vorderlicht"),
    ("Sacoche", "Pannier", "Packtasche"),
    ("Pompe", "Pump", "Pumpe"),
    ("Selle", "Saddle", "Sattel"),
    ("Gourde", "Bottle", "Trinkflasche"),
]
CAFE = ("Café vélo", "Café bike", "Café-Rad")  # accented; "cafe" finds these, only these
COLOURS = [
    ("rouge", "red", "rot"),
    ("noir", "black", "schwarz"),
    ("bleu", "blue", "blau"),
    ("vert", "green", "grün"),
]
BRANDS = ["Weber", "Kettler", "Gazelle", "Brompton", "Schwalbe", "Abus", "Ortlieb", "Topeak"]
AVAILABILITY = ["in_stock"] * 8 + ["preorder", "backorder"]


# --------------------------------------------------------------------------- data


def _seed_catalog(store_id: int) -> None:
    """10,000 products with texts, a photo row and stock, inserted in bulk."""
    from sqlalchemy import insert, select

    from modules.catalog.models import (
        Category,
        CategoryTranslation,
        Product,
        ProductMedia,
        ProductTranslation,
    )
    from modules.catalog.services.products import search_text
    from modules.catalog.services.values import slugify
    from modules.inventory.models import StockLevel
    from orion_app.db import session_scope

    now = datetime.now(UTC)
    with session_scope() as session:
        session.execute(
            insert(Category),
            [
                {"store_id": store_id, "parent_id": None, "slug": f"bench-{n}", "position": n}
                for n in range(CATEGORIES)
            ],
        )
        categories = dict(
            session.execute(select(Category.slug, Category.id).where(Category.store_id == store_id)).all()
        )
        category_ids = [categories[f"bench-{n}"] for n in range(CATEGORIES)]
        session.execute(
            insert(CategoryTranslation),
            [
                {"category_id": cid, "lang": lang, "name": f"{name} {n}"}
                for n, cid in enumerate(category_ids)
                for lang, name in (("fr", "Rayon"), ("en", "Aisle"), ("de", "Regal"))
            ],
        )
        products, texts = [], {}
        for i in range(PRODUCTS):
            words = CAFE if i % 50 == 0 else NOUNS[i % len(NOUNS)]
            colour = COLOURS[(i // len(NOUNS)) % len(COLOURS)]
            titles = {
                lang: f"{w} {c} n°{i}" for lang, w, c in zip(("fr", "en", "de"), words, colour, strict=True)
            }
            fields = {
                "sku": f"VW-{i:05d}",
                "gtin": "",
                "gtin_type": "",
                "brand": BRANDS[i % len(BRANDS)],
                "mpn": f"M{i}",
            }
            texts[fields["sku"]] = titles
            price = 990 + (i * 37) % 90_000
            products.append(
                {
                    **fields,
                    "store_id": store_id,
                    "category_id": category_ids[i % CATEGORIES],
                    "slug": slugify(titles["fr"]),
                    "condition": "new",
                    "availability": AVAILABILITY[i % len(AVAILABILITY)],
                    "price_cents": price,
                    "sale_price_cents": price - 100 if i % 7 == 0 else None,
                    "currency": "EUR",
                    "vat_rate": 17,
                    "is_active": i % 100 != 99,
                    "is_digital": i % 40 == 3,
                    "is_featured": i % 30 == 0,
                    "source": "manual",
                    "search_text": search_text(fields, {lang: {"title": t} for lang, t in titles.items()}),
                    "created_at": now - timedelta(minutes=i),
                    "updated_at": now - timedelta(minutes=i),
                }
            )
        session.execute(insert(Product), products)
        ids = dict(session.execute(select(Product.sku, Product.id).where(Product.store_id == store_id)).all())
        session.execute(
            insert(ProductTranslation),
            [
                {
                    "product_id": ids[sku],
                    "lang": lang,
                    "title": title,
                    "description": f"{title}.",
                    "meta_title": "",
                    "meta_description": "",
                }
                for sku, titles in texts.items()
                for lang, title in titles.items()
            ],
        )
        session.execute(
            insert(ProductMedia),
            [
                {
                    "store_id": store_id,
                    "product_id": pid,
                    "key": f"catalog/{store_id}/{pid}/{uuid.uuid4().hex[:16]}",
                    "position": 0,
                    "width": 1600,
                    "height": 1600,
                    "alt": "",
                }
                for pid in ids.values()
            ],
        )
        stock = []
        for n, pid in enumerate(sorted(ids.values())):
            bins = [("main", "A1", n % 13, n % 3)] + ([("shop", "", n % 5, 0)] if n % 3 == 0 else [])
            for warehouse, bin_name, quantity, reserved in bins:
                stock.append(
                    {
                        "store_id": store_id,
                        "product_id": pid,
                        "warehouse": warehouse,
                        "bin": bin_name,
                        "quantity": quantity,
                        "reserved": min(reserved, quantity),
                        "low_stock_threshold": None,
                        "updated_at": now,
                    }
                )
        session.execute(insert(StockLevel), stock)


# --------------------------------------------------------------------------- the two read paths


def _orion(store_id: int, page: int, query: str = "", per_page: int = PER_PAGE):
    from modules.catalog.services.storefront import cards
    from orion_app.db import session_scope

    with session_scope() as session:
        return cards(session, store_id, LANGS, query=query, page=page, per_page=per_page)


# The photo subquery filters by product only: the product is already this store's, and with a
# `store_id = :store` term SQLite (no ANALYZE) walks the store index — every photo of the store.
COUNT_SQL = "SELECT count(*) FROM product p WHERE p.store_id = :store AND p.is_active = :active{where}"
PAGE_SQL = """
SELECT p.id, p.slug, COALESCE(tf.title, te.title, p.sku), p.brand, p.price_cents, p.sale_price_cents,
       p.currency, p.vat_rate, p.is_digital, p.availability,
       (SELECT m.key FROM product_media m
         WHERE m.product_id = p.id
         ORDER BY m.position, m.id LIMIT 1),
       (SELECT sum(s.quantity - s.reserved) FROM stock_level s
         WHERE s.store_id = :store AND s.product_id = p.id)
FROM (SELECT id, slug, sku, brand, price_cents, sale_price_cents, currency, vat_rate, is_digital,
             availability, created_at
        FROM product p
       WHERE p.store_id = :store AND p.is_active = :active{where}
       ORDER BY p.created_at DESC, p.id DESC
       LIMIT :limit OFFSET :offset) p
LEFT JOIN product_translation tf ON tf.product_id = p.id AND tf.lang = 'fr'
LEFT JOIN product_translation te ON te.product_id = p.id AND te.lang = 'en'
ORDER BY p.created_at DESC, p.id DESC
"""


def _baseline(engine, store_id: int, page: int, query: str = "", per_page: int = PER_PAGE):
    from sqlalchemy import text

    where = " AND p.search_text LIKE :like" if query else ""
    params = {"store": store_id, "active": True, "like": f"%{query}%"}
    with engine.connect() as connection:
        total = connection.execute(text(COUNT_SQL.format(where=where)), params).scalar_one()
        rows = connection.execute(
            text(PAGE_SQL.format(where=where)),
            {**params, "limit": per_page, "offset": (page - 1) * per_page},
        ).all()
    result = []
    for pid, slug, title, brand, price, sale, currency, vat, digital, availability, key, stock in rows:
        available = max(0, int(stock or 0))
        if not (digital or availability in ("preorder", "backorder")):
            availability = "in_stock" if available > 0 else "out_of_stock"
        result.append(
            (pid, slug, title, brand, price, sale, currency, vat, key or "", available, availability)
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
        for label, query in (("listing", ""), ("search", "cafe")):
            result[label] = {}
            for per_page in (12, 24, 96):
                counted[0] = 0
                _orion(store_id, 1, query, per_page)
                result[label][f"per_page_{per_page}"] = counted[0]
        counted[0] = 0
        _baseline(engine, store_id, 1, "")
        result["baseline"] = counted[0]
    finally:
        event.remove(engine, "before_cursor_execute", _count)
    return result


def _measure() -> dict:
    """Seed the current database and time the four read paths."""
    from sqlmodel import select

    from bench.common import percentiles
    from modules.tenancy.models import Store
    from orion_app.db import get_engine, session_scope

    engine = get_engine()
    with session_scope() as session:
        store_id = session.exec(select(Store.id).where(Store.code == STORE)).one()
    started = time.perf_counter()
    _seed_catalog(store_id)
    seed_seconds = round(time.perf_counter() - started, 2)
    if engine.dialect.name == "postgresql":  # what autovacuum would have done by now
        with engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE")

    for pages, query in ((LIST_PAGES, ""), (SEARCH_PAGES, "cafe")):
        for page in pages:
            if not _same(_orion(store_id, page, query), _baseline(engine, store_id, page, query)):
                raise RuntimeError(f"Orion and the baseline disagree on page {page} of {query!r}.")
    hits = _orion(store_id, 1, "cafe")[1]
    if hits < 150:
        raise RuntimeError(f"'cafe' finds only {hits} products; the accent folding is not what was seeded.")

    paths = {
        "orion_listing": lambda page: _orion(store_id, page),
        "baseline_listing": lambda page: _baseline(engine, store_id, page),
        "orion_search": lambda page: _orion(store_id, page, "cafe"),
        "baseline_search": lambda page: _baseline(engine, store_id, page, "cafe"),
    }
    samples: dict[str, list[float]] = {name: [] for name in paths}
    by_page: dict[str, dict[int, list[float]]] = {name: {} for name in paths}
    for i in range(WARMUP + ROUNDS):
        for name, call in paths.items():
            pages = SEARCH_PAGES if name.endswith("search") else LIST_PAGES
            page = pages[i % len(pages)]
            t0 = time.perf_counter()
            call(page)
            elapsed = (time.perf_counter() - t0) * 1000
            if i >= WARMUP:
                samples[name].append(elapsed)
                by_page[name].setdefault(page, []).append(elapsed)

    result: dict = {"dialect": engine.dialect.name, "seed_seconds": seed_seconds, "cafe_hits": hits}
    for name, values in samples.items():
        result[name] = percentiles(values)
        result[name]["p50_by_page"] = {
            str(page): round(sorted(v)[len(v) // 2], 3) for page, v in sorted(by_page[name].items())
        }
    for kind in ("listing", "search"):
        for q in ("p50", "p95"):
            result[f"ratio_{kind}_{q}"] = round(result[f"orion_{kind}"][q] / result[f"baseline_{kind}"][q], 2)
    result["statements_per_page_load"] = _statements(engine, store_id)
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
    os.environ["CATALOG_DEMO_PRODUCTS"] = "0"  # tenancy only; the 10,000 products come from here
    from bench.common import fresh_demo_database

    fresh_demo_database()
    return {"sqlite": _measure(), "postgresql": _postgres()}
