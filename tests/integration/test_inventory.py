"""Inventory: bins, movement log, refusals, low stock, store isolation, concurrent reservations."""

import threading

import pytest
from sqlmodel import select

from modules.inventory.models import StockLevel, StockMovement
from modules.inventory.services import (
    InsufficientStock,
    adjust_stock,
    available_by_product,
    levels,
    low_stock,
    release,
    reserve,
)
from orion_app.db import session_scope
from orion_app.errors import FieldErrors
from tests.integration.catalog_helpers import product_form, scope


@pytest.fixture
def product(demo):
    from modules.catalog.services.products import create_product
    from modules.catalog.services.variants import default_variants

    store_id, merchant_id, platform_id = scope()
    with session_scope() as session:
        created = create_product(session, store_id, merchant_id, platform_id, product_form())
        variant_id = default_variants(session, store_id, [created.id])[created.id]
    return store_id, created.id, variant_id


def test_warehouse_and_bin_names_are_upper_case_and_every_change_is_logged(product):
    store_id, product_id, variant_id = product
    with session_scope() as session:
        level = adjust_stock(
            session,
            store_id,
            product_id,
            " strassen ",
            "sa-10-02",
            variant_id=variant_id,
            delta=12,
            reason="Delivery",
            user_id=None,
        )
        first = (level.warehouse, level.bin, level.quantity)
        adjust_stock(
            session,
            store_id,
            product_id,
            "STRASSEN",
            "SA-10-02",
            variant_id=variant_id,
            delta=-2,
            reason="Broken",
        )
        moves = session.exec(select(StockMovement).order_by(StockMovement.id)).all()
    assert first == ("STRASSEN", "SA-10-02", 12)
    assert [(m.quantity_before, m.quantity_after, m.reason) for m in moves] == [
        (0, 12, "Delivery"),
        (12, 10, "Broken"),
    ]


def test_stock_can_not_go_negative_or_below_what_is_reserved(product):
    store_id, product_id, variant_id = product
    with session_scope() as session:
        adjust_stock(session, store_id, product_id, "STRASSEN", "A1", variant_id=variant_id, delta=5)
        with pytest.raises(FieldErrors) as negative:
            adjust_stock(session, store_id, product_id, "STRASSEN", "A1", variant_id=variant_id, delta=-6)
        reserve(session, store_id, product_id, 4, variant_id=variant_id)
        with pytest.raises(FieldErrors) as below_reserved:
            adjust_stock(session, store_id, product_id, "STRASSEN", "A1", variant_id=variant_id, set_to=3)
        assert levels(session, store_id, product_id)[0].quantity == 5
    assert negative.value.errors == {"quantity": "inventory.error.negative"}
    assert below_reserved.value.errors == {"quantity": "inventory.error.below_reserved"}


def test_available_is_quantity_minus_reserved_over_all_bins(product):
    store_id, product_id, variant_id = product
    with session_scope() as session:
        adjust_stock(session, store_id, product_id, "STRASSEN", "A1", variant_id=variant_id, delta=3)
        adjust_stock(session, store_id, product_id, "BETTEMBOURG", "B7", variant_id=variant_id, delta=4)
        taken = reserve(session, store_id, product_id, 5, variant_id=variant_id)
        assert sum(n for _, n in taken) == 5
        assert available_by_product(session, store_id, [product_id]) == {product_id: 2}
        with pytest.raises(InsufficientStock):
            reserve(session, store_id, product_id, 3, variant_id=variant_id)
        assert available_by_product(session, store_id, [product_id]) == {product_id: 2}
        location, count = taken[0]
        release(session, store_id, product_id, location.warehouse, location.bin, count, variant_id=variant_id)
        assert available_by_product(session, store_id, [product_id])[product_id] == 2 + count


def test_low_stock_lists_products_at_or_under_the_threshold(product):
    store_id, product_id, variant_id = product
    with session_scope() as session:
        adjust_stock(session, store_id, product_id, "STRASSEN", "A1", variant_id=variant_id, delta=2)
        assert low_stock(session, store_id, 5) == [(product_id, 2, 5)]
        adjust_stock(session, store_id, product_id, "STRASSEN", "A1", variant_id=variant_id, delta=10)
        assert low_stock(session, store_id, 5) == []


def test_another_store_can_neither_see_nor_reserve_the_stock(product):
    store_id, product_id, variant_id = product
    other, _, _ = scope("velo-weber")
    with session_scope() as session:
        adjust_stock(session, store_id, product_id, "STRASSEN", "A1", variant_id=variant_id, delta=10)
        assert levels(session, other, product_id) == []
        assert available_by_product(session, other, [product_id]) == {}
        with pytest.raises(InsufficientStock):
            reserve(session, other, product_id, 1, variant_id=variant_id)
        with pytest.raises(FieldErrors):
            release(session, other, product_id, "STRASSEN", "A1", 1, variant_id=variant_id)
        assert levels(session, store_id, product_id)[0].reserved == 0


@pytest.mark.parametrize("database", ["postgresql", "sqlite"], indirect=True)
def test_concurrent_reservations_never_drive_available_stock_below_zero(product):
    store_id, product_id, variant_id = product
    with session_scope() as session:
        adjust_stock(session, store_id, product_id, "STRASSEN", "A1", variant_id=variant_id, delta=6)
        adjust_stock(session, store_id, product_id, "STRASSEN", "A2", variant_id=variant_id, delta=4)
    start = threading.Barrier(16)
    outcomes: list[str] = []

    def buyer():
        start.wait()
        try:
            with session_scope() as session:
                reserve(session, store_id, product_id, 1, variant_id=variant_id)
            outcomes.append("ok")
        except InsufficientStock:
            outcomes.append("refused")

    threads = [threading.Thread(target=buyer) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    with session_scope() as session:
        rows = session.exec(select(StockLevel).where(StockLevel.product_id == product_id)).all()
    assert outcomes.count("ok") == 10 and outcomes.count("refused") == 6
    assert sum(r.reserved for r in rows) == 10
    assert all(0 <= r.reserved <= r.quantity for r in rows)
