"""Builders for marketplace tests: stores as the import service wants them, feeds, runs."""

import csv
import io
import os
from pathlib import Path

from sqlmodel import select

from modules.catalog.models import Product, ProductTranslation
from modules.catalog.services.bulk import Item, upsert_products
from modules.inventory.models import StockLevel
from modules.marketplace.models import FeedImport, FeedImportError
from modules.marketplace.services.export import iter_feed
from modules.marketplace.services.imports import ImportScope, start_import
from modules.marketplace.services.runner import run_import
from orion_app.db import session_scope
from tests.integration.helpers import platform_id, store_id, use_media_dir

HEADER = [
    "id",
    "title",
    "description",
    "availability",
    "price",
    "sale_price",
    "brand",
    "gtin",
    "mpn",
    "condition",
]
# Valid EAN-13s (GS1 check digits verified by the catalog's own rule).
GTINS = ["4006381333931", "5901234123457", "4012345678901", "0012345678905", "9780201379624"]


def store_ref(code: str = "cafe-lux", platform: str = "oms") -> ImportScope:
    from modules.tenancy.models import Store

    with session_scope() as session:
        store = session.get(Store, store_id(code))
        return ImportScope(store.id, store.merchant_id, platform_id(platform))


def feed_text(rows: list[list[str]], header: list[str] | None = None, sep: str = "\t") -> str:
    lines = [sep.join(header or HEADER)] + [sep.join(row) for row in rows]
    return "\n".join(lines) + "\n"


def product_row(n: int, **overrides) -> list[str]:
    values = {
        "id": f"SKU-{n:05d}",
        "title": f"Produit {n}",
        "description": f"Description du produit {n}",
        "availability": "in stock",
        "price": f"{10 + n % 50}.99 EUR",
        "sale_price": "",
        "brand": "Orion Test",
        "gtin": "",
        "mpn": f"MPN-{n}",
        "condition": "new",
    }
    values.update(overrides)
    return [values[name] for name in HEADER]


def write_feed(folder: Path, text: str | bytes, name: str = "feed.tsv") -> Path:
    path = folder / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def import_file(
    path: Path, store: ImportScope | None = None, *, lang: str = "fr", dry_run: bool = False
) -> FeedImport:
    """Record an import of `path` and run its job body right here; the finished record."""
    store = store or store_ref()
    with session_scope() as session, path.open("rb") as upload:
        record = start_import(session, store, lang=lang, dry_run=dry_run, upload=upload, file_name=path.name)
    run_import(record.id)
    return reload(record.id)


def reload(import_id: int) -> FeedImport:
    with session_scope() as session:
        return session.get(FeedImport, import_id)


def errors_of(import_id: int) -> list[tuple[int, str, str]]:
    """(line, column, message key) of each recorded row error, in line order."""
    with session_scope() as session:
        rows = session.exec(
            select(FeedImportError)
            .where(FeedImportError.import_id == import_id)
            .order_by(FeedImportError.line, FeedImportError.id)
        ).all()
        return [(e.line, e.column, e.message_key) for e in rows]


def products_of(store: ImportScope) -> dict[str, Product]:
    with session_scope() as session:
        return {p.sku: p for p in session.exec(select(Product).where(Product.store_id == store.id))}


def titles_of(store: ImportScope, lang: str) -> dict[str, str]:
    with session_scope() as session:
        rows = session.exec(
            select(Product.sku, ProductTranslation.title)
            .join(ProductTranslation, ProductTranslation.product_id == Product.id)
            .where(Product.store_id == store.id, ProductTranslation.lang == lang)
        ).all()
        return dict(rows)


def stock_of(store: ImportScope) -> dict[int, int]:
    with session_scope() as session:
        return {
            level.product_id: level.quantity
            for level in session.exec(select(StockLevel).where(StockLevel.store_id == store.id))
        }


def unlimited_products(monkeypatch) -> None:
    """No plan limit on products for these tests (as a platform on a Professional plan)."""
    monkeypatch.setenv("CONTRACTS_LIMITS", '{"products_limit": null}')


def use_files_dir(monkeypatch, folder: Path) -> None:
    monkeypatch.setenv("MARKETPLACE_FILES_DIR", str(folder))
    os.makedirs(folder, exist_ok=True)


# ---------------------------------------------------------------- export tests

PASSWORD = "orion-demo-2026"
CAFE = "http://shop.cafe-lux.localhost/"  # cafe-lux's own domain on the oms platform


def export_shop(tmp_path: Path, monkeypatch) -> ImportScope:
    """cafe-lux with its own feed and media folders and no product limit (export tests)."""
    use_files_dir(monkeypatch, tmp_path / "files")
    unlimited_products(monkeypatch)
    use_media_dir(monkeypatch, tmp_path / "media")
    return store_ref()


def add(store, lang: str, *items: Item) -> None:
    """Products (or more texts of them) straight through the catalog, values kept as given."""
    with session_scope() as session:
        outcomes = upsert_products(
            session,
            store.id,
            store.merchant_id,
            store.platform_id,
            lang,
            list(items),
            source="manual",
            warehouse="MAIN",
        )
    assert {o.result for o in outcomes} <= {"created", "updated"}


def item(sku: str, title: str = "Mug", quantity: int | None = 3, **fields) -> Item:
    texts = {"title": title, "description": fields.pop("description", "")}
    return Item(sku, {"price_cents": 1999, **fields}, texts, quantity)


def feed(store, lang: str = "fr", base: str = CAFE, **options) -> str:
    with session_scope() as session:
        return "".join(iter_feed(session, store.id, lang, base, **options))


def rows_of(text: str, delimiter: str = "\t") -> list[dict[str, str]]:
    header, *rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return [dict(zip(header, row, strict=True)) for row in rows]


def by_sku(text: str) -> dict[str, dict[str, str]]:
    return {row["id"]: row for row in rows_of(text)}
