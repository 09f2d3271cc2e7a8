"""The orders pages' tests: a placed order per call, and tabs of the merchant's and shopper's pages."""

from modules.customers.public import cookie_names
from modules.orders.public import OrderRecord, place_order
from modules.orders.state.merchant import OrderListState
from modules.orders.state.merchant_detail import OrderDetailState
from modules.orders.state.shop import OrderStatusState, ShopOrderState
from orion_app.db import session_scope
from tests.integration.helpers import Browser, Tab, store_id
from tests.integration.orders_helpers import placement

MARIE, LUC, JEAN, VERA = "marie@cafe-lux.lu", "luc@cafe-lux.lu", "jean@velo.lu", "vera@cafe-lux.lu"
SHOP = "/platforms/oms/storefront/{store}/"


def place(lines: list[tuple[int, int]], store: str = "cafe-lux", **changes) -> OrderRecord:
    with session_scope() as session:
        return place_order(session, placement(lines, store=store, **changes))


def list_tab(browser: Browser, email: str, store: str = "cafe-lux") -> Tab:
    return Tab(
        OrderListState,
        f"/store/{store}/orders",
        browser.token(email),
        rows=[],
        search="",
        status="all",
        method="all",
        since="",
        until="",
        errors={},
        export_path="",
        picklist_shown="",
        picklist_all="",
        form_key=0,
        total=0,
        page_number=1,
        page_count=1,
    )


def detail_tab(browser: Browser, email: str, order_id: int, store: str = "cafe-lux") -> Tab:
    tab = Tab(
        OrderDetailState,
        f"/store/{store}/orders/{order_id}",
        browser.token(email),
        found=True,
        order_id=0,
        head={},
        lines=[],
        vat_lines=[],
        billing=[],
        shipping=[],
        payments=[],
        timeline=[],
        moves=[],
        can_manage=False,
        can_mark_paid=False,
        can_refund=False,
        refund_open=False,
        refund_payment=0,
        refund_left="",
        errors={},
        form_key=0,
    )
    tab.call("load")
    return tab


def _shop_fields() -> dict:
    return dict(
        found=False,
        loaded=False,
        head={},
        lines=[],
        vat_lines=[],
        billing=[],
        shipping=[],
        payments=[],
        payable=False,
        card_status="",
        card_error="",
        _payment_id=0,
        _client_secret="",
    )


def shopper_tab(number: str, shopper_token: str = "", store: str = "cafe-lux") -> Tab:
    cookies = {cookie_names(store_id(store))[1]: shopper_token} if shopper_token else {}
    path = SHOP.format(store=store) + f"account/orders/{number}"
    return Tab(ShopOrderState, path, cookies=cookies, signed_out=False, **_shop_fields())


def status_tab(number: str, token: str, store: str = "cafe-lux") -> Tab:
    path = SHOP.format(store=store) + f"order-status?number={number}&token={token}"
    return Tab(OrderStatusState, path, **_shop_fields())
