"""Pick lists: units left to ship, sorted by warehouse and bin, for one order or a batch;
the PDF download is guarded like the orders page and never reads another store's order."""

import pytest

from modules.inventory.public import adjust_stock
from modules.orders.public import place_order
from modules.orders.services.picklist import PICKLIST_DOWNLOAD, batch_ids, pick_rows
from modules.orders.services.shipments import ship
from modules.payments.public import mark_paid
from orion_app.db import session_scope
from tests.integration.catalog_helpers import scope
from tests.integration.helpers import Browser
from tests.integration.orders_helpers import line_rows, placement, stocked
from tests.integration.orders_pages_helpers import list_tab
from tests.integration.payments_helpers import offer_bank_transfer

MARIE, JEAN = "marie@cafe-lux.lu", "jean@velo.lu"


def paid(lines, store="cafe-lux"):
    offer_bank_transfer(scope(store)[0])
    with session_scope() as session:
        record = place_order(session, placement(lines, store=store))
    with session_scope() as session:
        mark_paid(session, store_id=record.store_id, payment_id=record.payment.id, actor="Marie")
    return record


@pytest.fixture
def two_orders(demo):
    """Two paid orders; LUNGO sits in BERTRANGE/A-01 (2) and STRASSEN (10), MOKA in STRASSEN."""
    store_id = scope()[0]
    moka = stocked("MOKA", "12,50", 10)[1]
    lungo_product, lungo = stocked("LUNGO", "9", 10)
    with session_scope() as session:
        adjust_stock(session, store_id, lungo_product, "bertrange", "a-01", variant_id=lungo, delta=2)
    first = paid([(moka, 2), (lungo, 3)])
    second = paid([(moka, 1)])
    return first, second


def test_the_pick_list_walks_the_bins_in_order_and_leaves_out_what_shipped(two_orders):
    first, second = two_orders
    moka_line = line_rows(first.id)[0].id
    with session_scope() as session:
        ship(
            session,
            first.store_id,
            first.id,
            {moka_line: 1},
            carrier="dpd",
            tracking_number="01234567890123",
            actor="M",
        )
    with session_scope() as session:
        rows = pick_rows(session, first.store_id, batch_ids(session, first.store_id, None))
    assert [(r.warehouse, r.bin, r.sku, r.units, r.order) for r in rows] == [
        ("BERTRANGE", "A-01", "LUNGO", 2, first.number),
        ("STRASSEN", "", "LUNGO", 1, first.number),
        ("STRASSEN", "", "MOKA", 1, first.number),
        ("STRASSEN", "", "MOKA", 1, second.number),
    ]


def test_a_batch_keeps_only_the_stores_own_orders_that_can_ship(two_orders):
    first, second = two_orders
    velo = paid([(stocked("V-1", "9", 3, store="velo-weber")[1], 1)], store="velo-weber")
    with session_scope() as session:
        assert batch_ids(session, first.store_id, [second.id, velo.id]) == [second.id]


def test_the_pdf_download_is_guarded_and_opens(two_orders):
    first, second = two_orders
    browser = Browser()
    path = PICKLIST_DOWNLOAD.format(store="cafe-lux") + f"?orders={first.id},{second.id}"
    assert browser.get(path).status_code == 401
    assert browser.get(path, JEAN).status_code == 403
    answer = browser.get(path, MARIE)
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/pdf"
    assert answer.content.startswith(b"%PDF-") and answer.headers["cache-control"] == "no-store"
    everything = browser.get(PICKLIST_DOWNLOAD.format(store="cafe-lux") + "?all=1", MARIE)
    assert everything.status_code == 200 and everything.content.startswith(b"%PDF-")
    assert browser.get(PICKLIST_DOWNLOAD.format(store="cafe-lux") + "?orders=x", MARIE).status_code == 400


def test_the_order_list_offers_the_pick_list_of_its_orders_and_of_all_to_ship(two_orders):
    first, second = two_orders
    tab = list_tab(Browser(), MARIE)
    tab.call("load")
    assert (
        tab.picklist_shown == PICKLIST_DOWNLOAD.format(store="cafe-lux") + f"?orders={second.id},{first.id}"
    )
    assert tab.picklist_all.endswith("/picklist?all=1")
