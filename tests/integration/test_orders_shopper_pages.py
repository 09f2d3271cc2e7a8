"""The shopper's side of orders: "My orders" lists only one's own, an order's page opens only
for its customer, the guest's status link needs its token; and the overview's sales tiles."""

import pytest

from modules.contracts.protocols import WidgetRequest
from modules.customers.services.privacy import export_data
from modules.customers.state.shop_account import ShopOrdersState
from modules.orders.services.widgets import overview_widgets
from orion_app.db import session_scope
from tests.integration.catalog_helpers import scope
from tests.integration.customers_shop_helpers import signed_up, storefront
from tests.integration.helpers import Browser, Tab, store_id
from tests.integration.orders_helpers import stocked, tampered
from tests.integration.orders_pages_helpers import MARIE, SHOP, detail_tab, place, shopper_tab, status_tab
from tests.integration.payments_helpers import offer_bank_transfer


@pytest.fixture
def moka(demo):
    for store in ("cafe-lux", "velo-weber"):
        offer_bank_transfer(store_id(store))
    return stocked("MOKA-250", "12,50", 50)[1]


def my_orders(token: str) -> Tab:
    from modules.customers.public import cookie_names

    cookies = {cookie_names(store_id("cafe-lux"))[1]: token}
    tab = Tab(
        ShopOrdersState,
        SHOP.format(store="cafe-lux") + "account/orders",
        cookies=cookies,
        orders=[],
        customer_name="",
        customer_email="",
        verified=True,
        resent=False,
    )
    tab.call("load")
    return tab


def test_my_orders_lists_only_the_customers_own_orders_and_opens_only_those(moka):
    front = storefront()
    zoe, zoe_token = signed_up(front, "zoe@example.lu")
    _max, max_token = signed_up(front, "max@example.lu", name="Max Muster")
    first = place([(moka, 1)], customer_id=zoe, email="zoe@example.lu")
    second = place([(moka, 3)], customer_id=zoe, email="zoe@example.lu")
    guest = place([(moka, 2)])
    mine = my_orders(zoe_token)
    assert [o["number"] for o in mine.orders] == [second.number, first.number]
    assert mine.orders[0] | {"placed": ""} == {
        "number": second.number,
        "placed": "",
        "status": "Awaiting payment",
        "total": "€42.40",
        "items": "3",
        "path": f"account/orders/{second.number}",
    }
    assert my_orders(max_token).orders == []
    with session_scope() as session:  # "download my data" carries the same orders
        exported = export_data(session, store_id("cafe-lux"), zoe)["orders"]
    assert [(o["number"], o["status"], o["items"]) for o in exported] == [
        (second.number, "En attente de paiement", 3),
        (first.number, "En attente de paiement", 1),
    ]
    own = shopper_tab(first.number, zoe_token)
    own.call("load")
    assert own.found and own.head["number"] == first.number and own.lines[0]["sku"] == "MOKA-250"
    assert own.payments[0]["iban"] == "LU28 0019 4006 4475 0000"  # how to pay the transfer
    for number, token in (
        (first.number, max_token),
        (guest.number, zoe_token),
        ("CL-2026-999999", zoe_token),
    ):
        other = shopper_tab(number, token)
        other.call("load")
        assert not other.found and other.head == {} and other.lines == []


def test_a_signed_out_visitor_is_sent_to_sign_in_and_sees_nothing(moka):
    zoe, _token = signed_up(storefront(), "zoe@example.lu")
    order = place([(moka, 1)], customer_id=zoe, email="zoe@example.lu")
    tab = shopper_tab(order.number)
    answer = tab.call("load")
    assert tab.signed_out and not tab.found and tab.lines == []
    assert "account/login?next=" in str(answer)


def test_the_guest_link_shows_the_order_and_a_wrong_token_or_store_shows_nothing(moka):
    order = place([(moka, 2)])
    good = status_tab(order.number, order.status_token)
    good.call("load")
    assert good.found and good.head["status"] == "pending_payment" and good.head["total"] == "€29.90"
    assert good.payments[0]["reference"] and good.payments[0]["payable"] == "1"
    for number, token, store in (
        (order.number, tampered(order.status_token), "cafe-lux"),
        (order.number, "", "cafe-lux"),
        (order.number, order.status_token, "velo-weber"),
        ("", order.status_token, "cafe-lux"),
    ):
        wrong = status_tab(number, token, store=store)
        wrong.call("load")
        assert not wrong.found and wrong.head == {} and wrong.payments == [], (number, store)


def test_the_overview_counts_paid_orders_as_sales_for_those_who_may_see_orders(moka):
    paid = place([(moka, 2)])
    place([(moka, 1)])  # awaiting payment: not a sale
    owner = detail_tab(Browser(), MARIE, paid.id)
    owner.call("mark_paid", payment_id=int(owner.payments[0]["id"]))
    store, _merchant, platform = scope()

    def widgets(may):
        request = WidgetRequest(store_id=store, platform_id=platform, lang="en", base="/", may=may)
        with session_scope() as session:
            return {w["key"]: w for w in overview_widgets(session, request)}

    shown = widgets(lambda permission: permission == "orders.view")
    assert [shown[k]["value"] for k in ("orders.sales_today", "orders.sales_week", "orders.sales_month")] == [
        "€29.90"
    ] * 3
    assert shown["orders.sales_today"]["detail"] == "1 paid orders"
    chart = shown["orders.daily"]
    assert len(chart["points"]) == 30 and (chart["points"][-1]["y1"], chart["points"][-1]["y2"]) == (2, 1)
    assert widgets(lambda permission: False) == {}
