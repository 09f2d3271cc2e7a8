"""Every corpus feed imported end to end, on SQLite and PostgreSQL: exactly what is written.

The table is tests/fixtures/feeds/corpus.py (one entry per file). Each case imports its
file into a store of its own, so the cases share one seeded database per kind (seeding
the demo data for every case would cost a second each) and still cannot see each other.
"""

import csv
import uuid

import pytest
from sqlalchemy import func
from sqlmodel import select

from modules.catalog.models import Product, ProductTranslation
from modules.catalog.public import variants_of
from modules.marketplace.models import FeedImportError
from modules.marketplace.services import feed as reader
from modules.marketplace.services.imports import ImportScope
from modules.tenancy.models import Store
from orion_app.db import session_scope
from tests.fixtures.feeds.corpus import CASES, FEEDS
from tests.integration.marketplace_helpers import import_file, store_ref, unlimited_products, use_files_dir

TEXTS = ("title", "description")


def fresh_store() -> ImportScope:
    """A store of its own for one case, owned like the demo's cafe-lux (on platform oms)."""
    model = store_ref()
    with session_scope() as session:
        store = Store(merchant_id=model.merchant_id, code=f"feeds-{uuid.uuid4().hex[:10]}", name="Feeds")
        session.add(store)
        session.flush()
        return ImportScope(store.id, model.merchant_id, model.platform_id)


def stored_products(store: ImportScope) -> dict[str, dict]:
    """SKU -> every product column, plus the fr title and description."""
    with session_scope() as session:
        products = session.exec(select(Product).where(Product.store_id == store.id)).all()
        texts = {
            t.product_id: t
            for t in session.exec(
                select(ProductTranslation).where(
                    ProductTranslation.product_id.in_([p.id for p in products]),
                    ProductTranslation.lang == "fr",
                )
            )
        }
        return {
            p.sku: {**p.model_dump(), **{name: getattr(texts[p.id], name) for name in TEXTS}}
            for p in products
        }


def stored_variants(store: ImportScope) -> dict[str, tuple]:
    """Active variants of products with options: SKU -> (product SKU, fr labels, own price)."""
    with session_scope() as session:
        skus = dict(session.exec(select(Product.id, Product.sku).where(Product.store_id == store.id)).all())
        return {
            v.sku: (skus[v.product_id], {o.attribute: o.labels["fr"] for o in v.options}, v.own_price_cents)
            for records in variants_of(session, store.id, list(skus)).values()
            for v in records
            if v.options and v.is_active
        }


def stored_errors(import_id: int) -> list[tuple]:
    with session_scope() as session:
        rows = session.exec(
            select(FeedImportError)
            .where(FeedImportError.import_id == import_id)
            .order_by(FeedImportError.line, FeedImportError.id)
        ).all()
        return [(e.line, e.column, e.message_key, e.message_params, e.raw) for e in rows]


@pytest.mark.parametrize("name", sorted(CASES))
def test_corpus_feed_imports_as_the_table_says(seeded, name, tmp_path, monkeypatch, request):
    case = CASES[name]
    files = tmp_path / "files"
    use_files_dir(monkeypatch, files)
    unlimited_products(monkeypatch)
    monkeypatch.setenv("MARKETPLACE_BATCH_SIZE", str(case.get("batch_size", 500)))
    if "max_field" in case:
        monkeypatch.setattr(reader, "MAX_FIELD", case["max_field"])
        request.addfinalizer(lambda limit=csv.field_size_limit(): csv.field_size_limit(limit))
    store = fresh_store()

    record = import_file(FEEDS / name, store)

    products = stored_products(store)
    errors = stored_errors(record.id)
    assert record.file_path == "" and not list(files.rglob("*.feed")), "the feed's copy is removed"
    if "failed" in case:
        assert (record.status, record.message_key, record.message_params) == ("failed", *case["failed"])
        assert (record.rows_total, record.rows_done, record.created, record.rejected) == (0, 0, 0, 0)
        assert record.notices == []
        assert products == {} and errors == []
        return

    assert (record.status, record.message_key) == ("succeeded", "")
    assert record.notices == case.get("notices", [])
    assert [e[:4] for e in errors] == [tuple(e) for e in case.get("errors", [])]
    for line, raw in case.get("raw", {}).items():
        assert [e[4] for e in errors if e[0] == line] == [raw]
    assert set(products) == set(case["products"])
    for sku, expected in case["products"].items():
        assert {field: products[sku][field] for field in expected} == expected, sku
    assert all(p["source"] == "letzshop" for p in products.values())
    assert stored_variants(store) == case.get("variants", {})
    rejected = len({e[0] for e in errors})
    created = case.get("created", len(products))
    assert (record.created, record.updated, record.unchanged, record.rejected) == (created, 0, 0, rejected)
    assert record.rows_total == record.rows_done == created + rejected


def test_the_corpus_databases_hold_nothing_but_the_cases(seeded):
    """The demo stores themselves got no products from any case (each case had its own store)."""
    with session_scope() as session:
        demo_stores = session.exec(select(Store.id).where(~Store.code.startswith("feeds-"))).all()
        count = session.exec(select(func.count(Product.id)).where(Product.store_id.in_(demo_stores))).one()
    assert count == 0
