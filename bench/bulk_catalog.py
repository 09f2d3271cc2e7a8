"""The bulk catalogue of the storefront benches: 10,000 products added to one store at once.

fr/en/de titles, one photo row each, stock in one or two bins of its default variant, 20
categories; every 50th title has "Café" in it (so "cafe" finds 200); every 100th product is
inactive, every 40th digital, every 7th on sale. Rows are bulk-inserted, not created through
the services, but `search_text` comes from the service's own `search_text()` and the search
index is kept by the database (triggers on SQLite, a GIN index on PostgreSQL). Used by
bench/storefront.py and bench/lighthouse.py.
"""

import uuid
from datetime import UTC, datetime, timedelta

PRODUCTS = 10_000
CATEGORIES = 20

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


def seed_bulk_catalog(store_id: int) -> None:
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
    from modules.catalog.services.variant_edits import create_default_variants
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
                    "slug": "bench-" + slugify(titles["fr"]),
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
        variants = create_default_variants(session, store_id)  # stock is kept per variant
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
                        "variant_id": variants[pid],
                        "warehouse": warehouse,
                        "bin": bin_name,
                        "quantity": quantity,
                        "reserved": min(reserved, quantity),
                        "low_stock_threshold": None,
                        "updated_at": now,
                    }
                )
        session.execute(insert(StockLevel), stock)
