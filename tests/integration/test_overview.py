"""Store overview: what catalog, inventory and marketplace contribute through the contracts
widget protocol, on a small store of known products, stock and imports."""

import uuid
from datetime import timedelta

import pytest
from sqlalchemy import event
from sqlmodel import select

from modules.catalog.public import default_variants
from modules.contracts.protocols import WidgetRequest
from modules.core.public import store_widgets
from modules.inventory.models import StockMovement
from modules.inventory.services import adjust_stock, reserve
from modules.marketplace.models import FeedImport
from modules.tenancy.models import Store
from modules.tenancy.services.auth import sign_in
from orion_app import enablement
from orion_app.db import get_engine, session_scope, utcnow
from tests.integration.catalog_helpers import product_form, scope
from tests.integration.live_backend import Backend, EventClient

BASE = "/store/overview/"


@pytest.fixture
def shop(demo):
    """A store of its own on platform oms: three products, their stock, two imports.

    PRESSO (14.99 on sale, 10 available), MOKA (10.00, 2 available of 3), and the draft FILTRE
    (5.00, sold out); today 19 units in and 6 out; one import finished, one failed."""
    from modules.catalog.services.products import create_product

    _, merchant_id, platform_id = scope()
    with session_scope() as session:
        store = Store(merchant_id=merchant_id, code=f"ov-{uuid.uuid4().hex[:10]}", name="Overview")
        session.add(store)
        session.flush()
        session.commit()
        sid = store.id
    with session_scope() as session:
        ids = {
            sku: create_product(
                session, sid, merchant_id, platform_id, product_form(sku=sku, gtin="", **fields)
            ).id
            for sku, fields in {
                "PRESSO": {"price": "19.99", "sale_price": "14.99"},
                "MOKA": {"price": "10.00", "sale_price": ""},
                "FILTRE": {"price": "5.00", "sale_price": "", "is_active": ""},
            }.items()
        }
        variant = default_variants(session, sid, list(ids.values()))
        adjust_stock(session, sid, ids["PRESSO"], "MAIN", delta=12, variant_id=variant[ids["PRESSO"]])
        adjust_stock(session, sid, ids["PRESSO"], "MAIN", delta=-2, variant_id=variant[ids["PRESSO"]])
        adjust_stock(session, sid, ids["MOKA"], "MAIN", delta=3, variant_id=variant[ids["MOKA"]])
        reserve(session, sid, ids["MOKA"], 1, variant_id=variant[ids["MOKA"]])
        adjust_stock(session, sid, ids["FILTRE"], "MAIN", delta=4, variant_id=variant[ids["FILTRE"]])
        adjust_stock(session, sid, ids["FILTRE"], "MAIN", delta=-4, variant_id=variant[ids["FILTRE"]])
        for status, created, rejected in (("succeeded", 40, 2), ("failed", 0, 0)):
            session.add(
                FeedImport(
                    store_id=sid,
                    platform_id=platform_id,
                    merchant_id=merchant_id,
                    origin="upload",
                    file_name=f"{status}.csv",
                    lang="fr",
                    status=status,
                    created=created,
                    rejected=rejected,
                )
            )
        session.commit()
    return sid, platform_id


def request(shop, lang="en", may=lambda permission: True) -> WidgetRequest:
    store_id, platform_id = shop
    return WidgetRequest(store_id=store_id, platform_id=platform_id, lang=lang, base=BASE, may=may)


def widgets(shop, enabled=None, **kwargs) -> dict[str, dict]:
    enabled = enablement.enabled_modules(shop[1]) if enabled is None else enabled
    with session_scope() as session:
        return {w["key"]: w for w in store_widgets(session, request(shop, **kwargs), enabled)}


def test_products_stock_value_and_stock_counts_of_a_known_store(shop):
    found = widgets(shop)
    # In the overview's order: sales, the four figures, the imports table, then the charts.
    assert list(found) == [
        "orders.sales_today",
        "orders.sales_week",
        "orders.sales_month",
        "catalog.products",
        "catalog.stock_value",
        "inventory.low_stock",
        "inventory.out_of_stock",
        "marketplace.imports",
        "orders.daily",
        "inventory.movements",
    ]
    assert (found["catalog.products"]["value"], found["catalog.products"]["detail"]) == (
        "3",
        "2 active · 1 in draft",
    )
    # 10 × 14.99 (the sale price) + 2 available × 10.00; the sold-out draft adds nothing.
    assert found["catalog.stock_value"]["value"] == "€169.90"
    assert found["inventory.low_stock"]["value"] == "1"  # MOKA: 2 available, threshold 5
    assert "5" in found["inventory.low_stock"]["detail"]
    assert found["inventory.out_of_stock"]["value"] == "1"  # FILTRE


def test_numbers_and_money_are_written_the_readers_way(shop):
    found = widgets(shop, lang="fr")
    assert found["catalog.stock_value"]["value"] == "169,90\u00a0€"
    assert found["catalog.products"]["title"] == "Produits"
    assert found["inventory.movements"]["detail"].startswith("19 unités entrées, 6 unités sorties")


def test_the_movement_chart_has_thirty_days_with_todays_units_in_and_out(shop):
    store_id, _ = shop
    with session_scope() as session:
        moves = session.exec(select(StockMovement).where(StockMovement.store_id == store_id)).all()
        moves[0].created_at = utcnow() - timedelta(days=3)  # PRESSO's first 12 units came in 3 days ago
        moves[1].created_at = utcnow() - timedelta(days=45)  # its 2 out are older than the chart
        session.commit()
    series = widgets(shop)["inventory.movements"]
    points = series["points"]
    assert len(points) == 30 and len(series["rows"]) == 30
    assert (points[-1]["y1"], points[-1]["y2"]) == (7, 4)  # MOKA +3, FILTRE +4 and -4
    assert (points[-4]["y1"], points[-4]["y2"]) == (12, 0)
    assert sum(p["y1"] for p in points) == 19 and sum(p["y2"] for p in points) == 4
    assert series["rows"][-1][0]["text"] == utcnow().date().isoformat()
    assert series["columns"] == ["Day", "Units in", "Units out"]


def test_last_imports_show_their_outcome_and_lead_to_the_job_page(shop):
    table = widgets(shop)["marketplace.imports"]
    with session_scope() as session:
        ids = session.exec(
            select(FeedImport.id).where(FeedImport.store_id == shop[0]).order_by(FeedImport.id.desc())
        ).all()
    assert [[c["text"] for c in row[1:]] for row in table["rows"]] == [
        ["failed.csv", "Failed", "0 created · 0 updated · 0 rejected"],
        ["succeeded.csv", "Finished", "40 created · 0 updated · 2 rejected"],
    ]
    assert [row[1]["href"] for row in table["rows"]] == [f"{BASE}marketplace/imports/{i}" for i in ids]
    assert [row[2]["tone"] for row in table["rows"]] == ["red", "green"]
    assert all(row[0]["time"] for row in table["rows"])


def test_a_reader_without_the_import_permission_sees_no_imports(shop):
    found = widgets(shop, may=lambda permission: permission != "marketplace.import")
    assert "marketplace.imports" not in found
    assert "catalog.products" in found


def test_a_module_disabled_on_the_platform_contributes_nothing(shop):
    _, platform_id = shop
    enablement.apply_change(platform_id, "marketplace", False, None)
    assert set(widgets(shop)) == {
        "orders.sales_today",
        "orders.sales_week",
        "orders.sales_month",
        "orders.daily",
        "catalog.products",
        "catalog.stock_value",
        "inventory.low_stock",
        "inventory.out_of_stock",
        "inventory.movements",
    }
    enablement.apply_change(platform_id, "inventory", False, None)  # catalog requires it: both go
    assert widgets(shop) == {}


def test_a_kind_can_be_asked_for_alone(shop):
    with session_scope() as session:
        found = store_widgets(session, request(shop), enablement.enabled_modules(shop[1]), kinds=("series",))
    assert [w["key"] for w in found] == ["orders.daily", "inventory.movements"]


def test_the_widgets_are_read_in_the_callers_session(shop):
    """One transaction for every provider; the only other one reads inventory's settings for the
    platform (its low-stock threshold) through the module-state port."""
    begun = 0

    def counted(*_args):
        nonlocal begun
        begun += 1

    enabled, engine = enablement.enabled_modules(shop[1]), get_engine()
    event.listen(engine, "begin", counted)
    try:
        with session_scope() as session:
            assert len(store_widgets(session, request(shop), enabled)) == 10
    finally:
        event.remove(engine, "begin", counted)
    assert begun == 2


@pytest.fixture
def backend(sqlite_demo):
    started = Backend()
    yield started
    started.stop()


def test_the_overview_page_shows_each_reader_what_they_may_see(backend):
    """The page's own handler, signed in: the owner gets the imports table, the store's staff
    (who may not import) the figures and the chart without it."""
    from modules.core.state import StoreOverviewState

    load = f"{StoreOverviewState.get_full_name()}.load"
    seen = {}
    for who in ("marie", "luc"):
        with session_scope() as session:
            token = sign_in(session, f"{who}@cafe-lux.lu", "orion-demo-2026")[0]
        tab = EventClient(backend, token)
        seen[who] = repr(tab.send(load, {}, "/store/cafe-lux/"))
        tab.close()
    for titles in (
        ["Products", "Stock value at price", "Low stock", "Out of stock"],
        ["Units in", "Units out"],
    ):
        assert all(f"'{title}'" in seen["marie"] and f"'{title}'" in seen["luc"] for title in titles)
    assert "'Last imports'" in seen["marie"] and "'Last imports'" not in seen["luc"]
