"""The shopper's "Request a return" on their own order page: open only once something has
shipped and within the store's window, units checked per line, a reason needed; another
customer's order offers nothing and takes nothing."""

import pytest
from sqlmodel import select

from modules.customers.public import cookie_names
from modules.orders.models import ReturnRequest
from modules.orders.services.shipments import ship
from modules.orders.state.shop_returns import ShopReturnState
from modules.payments.public import mark_paid
from orion_app.db import session_scope
from tests.integration.customers_shop_helpers import signed_up, storefront
from tests.integration.helpers import Tab, store_id
from tests.integration.orders_helpers import line_rows, stocked
from tests.integration.orders_pages_helpers import SHOP, place
from tests.integration.payments_helpers import offer_bank_transfer


@pytest.fixture
def zoes_order(demo):
    offer_bank_transfer(store_id("cafe-lux"))
    moka = stocked("MOKA-250", "12,50", 50)[1]
    front = storefront()
    zoe, zoe_token = signed_up(front, "zoe@example.lu")
    record = place([(moka, 3)], customer_id=zoe, email="zoe@example.lu")
    with session_scope() as session:
        mark_paid(session, store_id=record.store_id, payment_id=record.payment.id, actor="Marie")
    return record, zoe_token


def returns_tab(number: str, token: str) -> Tab:
    tab = Tab(
        ShopReturnState,
        SHOP.format(store="cafe-lux") + f"account/orders/{number}",
        cookies={cookie_names(store_id("cafe-lux"))[1]: token},
        open=False,
        deadline="",
        lines=[],
        errors={},
        sent=False,
        form_key=0,
    )
    tab.call("load")
    return tab


def shipped(record, units: int) -> int:
    """Ship `units` of the order's one line by DPD; the line's id."""
    line = line_rows(record.id)[0].id
    with session_scope() as session:
        ship(
            session,
            record.store_id,
            record.id,
            {line: units},
            carrier="dpd",
            tracking_number="0" * 14,
            actor="M",
        )
    return line


def requests() -> list[ReturnRequest]:
    with session_scope() as session:
        return list(session.exec(select(ReturnRequest)))


def test_nothing_shipped_offers_no_return(zoes_order):
    record, token = zoes_order
    assert not returns_tab(record.number, token).open


def test_the_customer_requests_a_return_of_shipped_units_with_a_reason(zoes_order):
    record, token = zoes_order
    line = shipped(record, 2)
    tab = returns_tab(record.number, token)
    assert (
        tab.open and tab.deadline and tab.lines == [{"id": str(line), "title": "Café MOKA-250", "left": "2"}]
    )
    tab.call("request", form={f"ret_{line}": "3", "reason": ""})
    assert set(tab.errors) == {f"ret_{line}", "reason"} and requests() == []
    tab.call("request", form={f"ret_{line}": "2", "reason": "Trop amer"})
    assert tab.sent and not tab.open
    (asked,) = requests()
    assert asked.status == "requested" and asked.reason == "Trop amer" and asked.order_id == record.id


def test_another_customer_gets_nothing_to_return(zoes_order):
    record, _token = zoes_order
    line = shipped(record, 3)
    _max, max_token = signed_up(storefront(), "max@example.lu", name="Max Muster")
    tab = returns_tab(record.number, max_token)
    assert not tab.open and tab.lines == []
    tab.call("request", form={f"ret_{line}": "1", "reason": "Mine now"})
    assert not tab.sent and requests() == []
