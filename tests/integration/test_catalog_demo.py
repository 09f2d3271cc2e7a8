"""The catalog demo: a small, valid, photographed and stocked catalog per demo store, seeded once."""

import shutil
from pathlib import Path

import pytest
from sqlalchemy import func
from sqlmodel import select

from modules.catalog import demo as catalog_demo
from modules.catalog.demo.catalogs import FOLDER, STORE_CODES, read_catalogs
from modules.catalog.demo.datafile import DemoDataError
from modules.catalog.models import Category, Product, ProductMedia, ProductTranslation
from modules.catalog.services.media import SIZES, variant_path
from modules.catalog.services.products import list_products
from modules.catalog.services.values import gtin_type
from modules.inventory.config import InventoryConfig
from modules.inventory.models import StockLevel, StockMovement
from modules.inventory.services import low_stock
from modules.tenancy.models import Store
from orion_app.cli import main
from orion_app.db import session_scope
from tests.integration.helpers import use_media_dir

N = 12
STORES = ("cafe-lux", "bakery-lux", "velo-weber")


@pytest.fixture
def catalog(database, monkeypatch, tmp_path) -> Path:
    """Tenancy demo via the CLI, then the catalog demo (a no-op if `seed-demo` already ran it)."""
    media = tmp_path / "media"
    monkeypatch.setenv("CATALOG_DEMO_PRODUCTS", str(N))
    use_media_dir(monkeypatch, media)
    assert main(["seed-demo"]) == 0
    with session_scope() as session:
        catalog_demo.seed(session)
    return media


def stores(session) -> dict[str, Store]:
    return {s.code: s for s in session.exec(select(Store).where(Store.code.in_(STORES))).all()}


def test_each_store_gets_a_complete_catalog(catalog):
    """One seeding, checked three ways (seeding is the slow part)."""
    check_products_texts_and_gtins()
    check_photos_in_three_sizes(catalog)
    check_stock_in_both_warehouses()


def check_products_texts_and_gtins():
    with session_scope() as session:
        for code, store in stores(session).items():
            products = session.exec(select(Product).where(Product.store_id == store.id)).all()
            assert len(products) == N, code
            assert len({p.sku for p in products}) == N
            texts: dict[int, dict[str, ProductTranslation]] = {}
            for row in session.exec(
                select(ProductTranslation).where(ProductTranslation.product_id.in_([p.id for p in products]))
            ):
                texts.setdefault(row.product_id, {})[row.lang] = row
            for product in products:
                assert {"fr", "en", "de"} <= texts[product.id].keys(), (code, product.sku)
                assert all(texts[product.id][lang].description for lang in ("fr", "en", "de")), product.sku
                assert all(t.title for t in texts[product.id].values()), product.sku
                assert gtin_type(product.gtin) == "EAN-13" == product.gtin_type
                assert product.category_id is not None
                assert product.sale_price_cents is None or product.sale_price_cents <= product.price_cents
            assert any(p.is_featured for p in products), code
            assert any(p.is_digital for p in products), code  # gift cards
            categories = session.exec(select(Category).where(Category.store_id == store.id)).all()
            assert sum(c.parent_id is None for c in categories) == 4 and len(categories) == 12
        # accent-blind search: "cafe" finds the "Café …" products
        cafe = stores(session)["cafe-lux"]
        found, total = list_products(session, cafe.id, query="cafe")
        assert total > 0
        assert any(
            "Café" in t.title
            for p in found
            for t in session.exec(select(ProductTranslation).where(ProductTranslation.product_id == p.id))
        )


def check_photos_in_three_sizes(folder: Path):
    with session_scope() as session:
        for code, store in stores(session).items():
            products = session.exec(select(Product).where(Product.store_id == store.id)).all()
            media = session.exec(select(ProductMedia).where(ProductMedia.store_id == store.id)).all()
            per_product: dict[int, int] = {}
            for row in media:
                per_product[row.product_id] = per_product.get(row.product_id, 0) + 1
                for size in SIZES:
                    assert (folder / variant_path(row.key, size)).is_file(), (code, row.key, size)
            assert set(per_product) == {p.id for p in products}, code
            assert all(per_product[p.id] == 2 for p in products if p.is_featured), code


def check_stock_in_both_warehouses():
    """Stock in STRASSEN and BETTEMBOURG, some of it low, none for digital products."""
    threshold = InventoryConfig().low_stock_threshold
    with session_scope() as session:
        for code, store in stores(session).items():
            products = session.exec(select(Product).where(Product.store_id == store.id)).all()
            levels = session.exec(select(StockLevel).where(StockLevel.store_id == store.id)).all()
            assert {level.warehouse for level in levels} == {"STRASSEN", "BETTEMBOURG"}, code
            stocked = {level.product_id for level in levels}
            assert stocked == {p.id for p in products if not p.is_digital}, code
            assert low_stock(session, store.id, threshold), code


def test_seeding_twice_changes_nothing(catalog):
    def counts():
        with session_scope() as session:
            rows = [
                session.exec(select(func.count()).select_from(model)).one()
                for model in (Product, ProductTranslation, ProductMedia, Category, StockLevel, StockMovement)
            ]
        return [*rows, sum(1 for _ in catalog.rglob("*.webp"))]

    before = counts()
    assert before[0] == 3 * N
    with session_scope() as session:
        lines = catalog_demo.seed(session)
    assert main(["seed-demo"]) == 0
    assert counts() == before
    assert sum("left as it is" in line for line in lines) == 3


def test_no_demo_products_means_no_catalog_at_all(demo, monkeypatch):
    monkeypatch.setenv("CATALOG_DEMO_PRODUCTS", "0")
    with session_scope() as session:
        assert catalog_demo.seed(session) == ["Catalog: no demo products (CATALOG_DEMO_PRODUCTS=0)."]
        assert session.exec(select(func.count()).select_from(Product)).one() == 0
        assert session.exec(select(func.count()).select_from(Category)).one() == 0


def test_the_plan_is_deterministic():
    for code in STORES:
        first = [(p.data, p.quantities) for p in catalog_demo.plan_store(code, "fr", 40)[1]]
        again = [(p.data, p.quantities) for p in catalog_demo.plan_store(code, "fr", 40)[1]]
        assert first == again and len(first) == 40


def copy_of_the_data(folder: Path) -> Path:
    for name in ("vocabulary.json", *(f"{code}.json" for code in STORE_CODES)):
        shutil.copy(FOLDER / name, folder / name)
    return folder / "cafe-lux.json"


def line_of(text: str, part: str) -> int:
    return text[: text.index(part)].count("\n") + 1


def test_a_malformed_data_file_is_named_in_one_sentence_with_its_line(tmp_path):
    path = copy_of_the_data(tmp_path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"price": [8.9, 13.9]', '"price": [8.9]', 1), encoding="utf-8")
    with pytest.raises(DemoDataError) as error:
        read_catalogs(tmp_path)
    line = line_of(text, '"price": [8.9, 13.9]')
    assert str(error.value) == f"{path}, line {line}: 'price' must be a list of 2 numbers."


def test_a_data_file_that_is_not_json_is_named_with_its_line(tmp_path):
    path = copy_of_the_data(tmp_path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"vat": 3,', '"vat": 3', 1), encoding="utf-8")
    with pytest.raises(DemoDataError) as error:
        read_catalogs(tmp_path)
    line = line_of(text, '"vat": 3,') + 1
    assert str(error.value).startswith(f"{path}, line {line}: this is not valid JSON (Expecting ','")


def test_a_reference_to_an_unknown_list_is_named_with_its_line(tmp_path):
    path = copy_of_the_data(tmp_path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"quals": ["@origins"]', '"quals": ["@origin"]', 1), encoding="utf-8")
    with pytest.raises(DemoDataError) as error:
        read_catalogs(tmp_path)
    line = line_of(text, '"quals": ["@origins"]')
    assert str(error.value) == (
        f"{path}, line {line}: '@origin' is not in this file's \"lists\" nor in the vocabulary's \"texts\"."
    )
