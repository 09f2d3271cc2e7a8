"""The fulfilment section of the order page as a browser reaches it: staff ship a parcel
with errors next to the fields, mark it delivered, handle a return; managers refund by
line; a viewer changes nothing; another store's order reads as not found."""

import pytest

from modules.orders.models import Order
from modules.orders.services.returns import request_return
from modules.orders.state.fulfilment import FulfilmentState
from orion_app.db import session_scope
from tests.integration.helpers import Browser, Tab, add_store_member, store_id
from tests.integration.orders_helpers import available, stocked
from tests.integration.orders_pages_helpers import JEAN, LUC, MARIE, VERA, detail_tab, place
from tests.integration.payments_helpers import offer_bank_transfer


@pytest.fixture
def browser(demo):
    add_store_member("cafe-lux", VERA, "Vera Viewer", "viewer")
    offer_bank_transfer(store_id("cafe-lux"))
    return Browser()


@pytest.fixture
def order(browser):
    moka = stocked("MOKA-250", "12,50", 50)[1]
    record = place([(moka, 3)])
    owner = detail_tab(browser, MARIE, record.id)
    owner.call("mark_paid", payment_id=int(owner.payments[0]["id"]))
    return record, moka


def section_tab(browser: Browser, email: str, order_id: int, store: str = "cafe-lux") -> Tab:
    tab = Tab(
        FulfilmentState,
        f"/store/{store}/orders/{order_id}",
        browser.token(email),
        found=False,
        order_id=0,
        shippable=False,
        partial=False,
        picklist="",
        lines=[],
        shipments=[],
        returns=[],
        return_lines={},
        receiving=[],
        receiving_id=0,
        carriers=[],
        carrier="post_lu",
        can_manage=False,
        can_refund=False,
        dialog="",
        errors={},
        form_key=0,
    )
    tab.call("load")
    return tab


def status_of(order_id: int) -> str:
    with session_scope() as session:
        return session.get(Order, order_id).status


def test_staff_ship_part_then_the_rest_with_errors_next_to_the_fields(browser, order):
    record, moka = order
    tab = section_tab(browser, LUC, record.id)
    line = tab.lines[0]["id"]
    assert tab.can_manage and tab.shippable and not tab.can_refund and tab.lines[0]["to_ship"] == "3"
    tab.call("ship", form={f"qty_{line}": "4", "carrier": "dpd", "tracking_number": "12"})
    assert tab.errors[f"qty_{line}"] == "At most 3 left to ship."
    assert tab.errors["tracking_number"].startswith("This is not a DPD tracking number")
    tab.call("ship", form={f"qty_{line}": "1", "carrier": "dpd", "tracking_number": "0123 4567 8901 23"})
    assert tab.errors == {} and status_of(record.id) == "processing" and available(moka) == 47
    assert tab.partial and tab.lines[0]["to_ship"] == "2"
    (parcel,) = tab.shipments
    assert parcel["link"] == "https://tracking.dpd.de/status/en_US/parcel/01234567890123"
    tab.call("ship", form={f"qty_{line}": "2", "carrier": "post_lu", "tracking_number": "CP123456785LU"})
    assert status_of(record.id) == "shipped" and not tab.shippable and not tab.partial
    tab.call("delivered", shipment_id=tab.shipments[0]["id"])
    tab.call("delivered", shipment_id=tab.shipments[1]["id"])
    assert status_of(record.id) == "delivered"


def test_a_return_is_accepted_and_received_back_into_stock(browser, order):
    record, moka = order
    tab = section_tab(browser, LUC, record.id)
    line = tab.lines[0]["id"]
    tab.call("ship", form={f"qty_{line}": "3", "carrier": "ups", "tracking_number": "1Z999AA10123456784"})
    with session_scope() as session:
        request_return(session, session.get(Order, record.id), {int(line): 2}, "Trop amer", customer_id=None)
    tab.call("load")
    (asked,) = tab.returns
    assert asked["status"] == "requested" and asked["reason"] == "Trop amer"
    tab.call("decide", return_id=asked["id"], accept=True)
    tab.call("open_receive", return_id=asked["id"])
    tab.call("receive", form={})
    assert tab.errors[f"ret_{line}"] == "Choose restock or write off."
    tab.call("receive", form={f"ret_{line}": "restock"})
    assert tab.returns[0]["status"] == "received" and available(moka) == 49


def test_a_manager_refunds_a_line_priced_on_the_server(browser, order):
    record, _moka = order
    tab = section_tab(browser, MARIE, record.id)
    line = tab.lines[0]["id"]
    tab.call("refund_lines", form={f"ref_{line}": "4"})
    assert tab.errors[f"ref_{line}"] == "At most 3 left to refund."
    tab.call("refund_lines", form={f"ref_{line}": "1"})
    assert tab.lines[0]["to_refund"] == "2" and status_of(record.id) == "partially_refunded"


def test_a_viewer_changes_nothing_and_another_store_reads_nothing(browser, order):
    record, _moka = order
    viewer = section_tab(browser, VERA, record.id)
    line = viewer.lines[0]["id"]
    viewer.call("ship", form={f"qty_{line}": "1", "carrier": "dpd", "tracking_number": "01234567890123"})
    assert status_of(record.id) == "paid" and viewer.shipments == []
    stranger = section_tab(browser, JEAN, record.id, store="velo-weber")
    assert not stranger.found and stranger.lines == []
    stranger.call("ship", form={f"qty_{line}": "1", "carrier": "dpd", "tracking_number": "01234567890123"})
    assert status_of(record.id) == "paid"
