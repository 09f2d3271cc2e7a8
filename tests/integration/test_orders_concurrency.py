"""Orders under load: 20 shoppers at once for the last 10 units; a double submit."""

import threading

import pytest
from sqlmodel import select

from modules.inventory.models import StockLevel
from modules.inventory.public import adjust_stock
from modules.orders.models import OrderCounter
from modules.orders.public import LineOutOfStock, place_order
from modules.payments.public import mark_paid
from orion_app.db import session_scope
from tests.integration.catalog_helpers import scope
from tests.integration.orders_helpers import order_rows, placement, stocked
from tests.integration.payments_helpers import offer_bank_transfer


def all_at_once(count: int, work) -> list[str]:
    """Run `work(i)` in `count` threads started together; their outcomes."""
    start = threading.Barrier(count)
    outcomes: list[str] = [""] * count

    def run(i: int) -> None:
        start.wait()
        outcomes[i] = work(i)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    return outcomes


@pytest.mark.parametrize("database", ["postgresql"], indirect=True)
def test_twenty_shoppers_for_the_last_ten_units_make_ten_orders_numbered_without_gaps(demo):
    store_id = scope()[0]
    offer_bank_transfer(store_id)
    product_id, variant_id = stocked("MOKA", "12,50", 0)
    with session_scope() as session:  # the last 10 units, in two bins
        adjust_stock(session, store_id, product_id, "STRASSEN", "A1", variant_id=variant_id, delta=6)
        adjust_stock(session, store_id, product_id, "STRASSEN", "A2", variant_id=variant_id, delta=4)

    carts = [placement([(variant_id, 1)], email=f"shopper{i}@example.lu") for i in range(20)]

    def shopper(i: int) -> str:
        try:
            with session_scope() as session:
                record = place_order(session, carts[i])
            with session_scope() as session:
                mark_paid(session, store_id=store_id, payment_id=record.payment.id, actor="Marie")
            return "ordered"
        except LineOutOfStock:
            return "refused"

    outcomes = all_at_once(20, shopper)

    assert outcomes.count("ordered") == 10 and outcomes.count("refused") == 10
    orders = order_rows()
    assert len(orders) == 10 and {o.status for o in orders} == {"paid"}
    assert sorted(int(o.number[-6:]) for o in orders) == list(range(1, 11))
    with session_scope() as session:
        bins = session.exec(select(StockLevel).where(StockLevel.variant_id == variant_id)).all()
        counter = session.exec(select(OrderCounter).where(OrderCounter.store_id == store_id)).one()
    # Paid: every unit is reserved for its order (none left to sell), consumed when it ships.
    assert [(b.quantity, b.reserved) for b in bins] == [(6, 6), (4, 4)]
    assert counter.last == 10


@pytest.mark.parametrize("database", ["postgresql", "sqlite"], indirect=True)
def test_a_double_submit_at_the_same_moment_places_one_order(demo):
    offer_bank_transfer(scope()[0])
    variant_id = stocked("MOKA", "12,50", 10)[1]
    same = placement([(variant_id, 2)], key="checkout-double")

    def submit(_i: int) -> str:
        with session_scope() as session:
            return place_order(session, same).number

    numbers = all_at_once(4, submit)

    assert len(set(numbers)) == 1
    assert len(order_rows()) == 1
    with session_scope() as session:
        reserved = sum(
            b.reserved for b in session.exec(select(StockLevel).where(StockLevel.variant_id == variant_id))
        )
    assert reserved == 2
