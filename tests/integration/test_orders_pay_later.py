"""Paying a card order later from its page: Stripe was unreachable at placement, so the order
waits in pending_payment; "Pay now" on the customer's order page or the guest's status link
opens its payment again (the same one, the same key) and the card Stripe.js tokenised pays it,
and localstripe's webhook agrees. Another customer, a wrong token or a forged payment id gets
nothing."""

import time

import pytest

from modules.orders.models import Order
from modules.orders.state.shop import OrderStatusState, ShopOrderState
from modules.payments.config import get_payments_config
from modules.payments.public import payments_of
from orion_app.db import session_scope
from tests.integration.customers_shop_helpers import signed_up, storefront
from tests.integration.helpers import store_id
from tests.integration.orders_helpers import stocked, tampered
from tests.integration.orders_pages_helpers import place, shopper_tab, status_tab
from tests.integration.payments_helpers import (
    card_4242,
    gateway_events,
    offer_bank_transfer,
    payment_row,
    wait_for_status,
)
from tests.stripe_server import free_port


@pytest.fixture
def moka(demo):
    offer_bank_transfer(store_id("cafe-lux"))
    return stocked("MOKA-250", "12,50", 50)[1]


@pytest.fixture
def placed_while_stripe_is_down(moka, stripe_server, monkeypatch):
    """Place card orders with Stripe unreachable, then bring Stripe back."""
    front = storefront()
    zoe, zoe_token = signed_up(front, "zoe@example.lu")
    _max, max_token = signed_up(front, "max@example.lu", name="Max Muster")
    monkeypatch.setenv("PAYMENTS_STRIPE_API_BASE", f"http://127.0.0.1:{free_port()}")  # nothing listens
    get_payments_config.cache_clear()
    mine = place([(moka, 2)], method="card", customer_id=zoe, email="zoe@example.lu")
    guest = place([(moka, 1)], method="card")
    stripe_server.point_payments_here()
    assert mine.payment is None and mine.status == "pending_payment"
    return mine, guest, zoe_token, max_token


def status_of(order_id: int) -> str:
    with session_scope() as session:
        return session.get(Order, order_id).status


def the_payment(record):
    with session_scope() as session:
        (payment,) = payments_of(session, record.store_id, record.id)
    return payment


def wait_for_webhook(payment_id: int, kind: str = "payment_intent.succeeded", timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not any(e.payment_id == payment_id and e.type == kind for e in gateway_events()):
        if time.monotonic() > deadline:
            raise AssertionError(f"no {kind} webhook for payment {payment_id}")
        time.sleep(0.2)


def pay_from(tab, stripe_server) -> None:
    tab.call("load")
    assert tab.payable and tab.card_status == ""
    script = tab.call("open_payment")
    assert tab.card_status == "mounting" and "js.stripe.com/v3/" in str(script)
    tab.call("card_mounted", result="ready")
    assert tab.card_status == "ready"
    tab.call("pay")
    tab.call("card_tokenised", result={"card": card_4242(stripe_server.api_base)})
    assert tab.card_status in ("succeeded", "processing") and tab.card_error == ""


def test_the_customer_pays_an_order_left_unpaid_by_stripe_being_down_and_the_webhook_marks_it_paid(
    placed_while_stripe_is_down, stripe_server
):
    mine, _guest, zoe_token, _max_token = placed_while_stripe_is_down
    kept = the_payment(mine)
    assert not payment_row(kept.id).gateway_ref  # no intent yet
    tab = shopper_tab(mine.number, zoe_token)
    pay_from(tab, stripe_server)
    assert the_payment(mine).id == kept.id  # the same payment, reopened with its key
    wait_for_status(kept.id, "succeeded")
    wait_for_webhook(kept.id)
    assert status_of(mine.id) == "paid"
    tab.call("load")
    assert not tab.payable


def test_a_guest_pays_from_the_status_link(placed_while_stripe_is_down, stripe_server):
    _mine, guest, _zoe, _max = placed_while_stripe_is_down
    pay_from(status_tab(guest.number, guest.status_token), stripe_server)
    payment = the_payment(guest)
    wait_for_status(payment.id, "succeeded")
    wait_for_webhook(payment.id)
    assert status_of(guest.id) == "paid"


def test_another_customer_or_a_wrong_token_can_neither_open_nor_pay_the_order(
    placed_while_stripe_is_down, stripe_server
):
    mine, guest, zoe_token, max_token = placed_while_stripe_is_down
    strangers = (
        shopper_tab(mine.number, max_token),
        shopper_tab(guest.number, zoe_token),
        status_tab(guest.number, tampered(guest.status_token)),
        status_tab(mine.number, guest.status_token),
        status_tab(guest.number, guest.status_token, store="velo-weber"),
    )
    for tab in strangers:
        tab.call("load")
        assert not tab.payable and tab.call("open_payment") is None and tab.card_status == ""
    assert not payment_row(the_payment(mine).id).gateway_ref  # nobody opened it
    own = shopper_tab(mine.number, zoe_token)
    own.call("load")
    own.call("open_payment")
    victim = the_payment(mine).id
    for tab in strangers:  # a forged payment id in the tab's state is not the reader's order's
        tab._payment_id, tab.card_status = victim, "ready"
        tab.call("card_tokenised", result={"card": card_4242(stripe_server.api_base)})
        assert tab.card_status == "failed"
    assert payment_row(victim).status == "pending" and status_of(mine.id) == "pending_payment"


def test_each_page_runs_pay_now_on_its_own_state_where_it_knows_whose_order_it_is():
    # Reflex runs a handler on the state that defines it: one inherited from a shared base
    # would run where no page says whose order it is.
    for state in (ShopOrderState, OrderStatusState):
        for name in ("open_payment", "pay", "card_mounted", "card_tokenised", "card_result"):
            assert getattr(state, name).state_full_name == state.get_full_name()


def test_a_bank_transfer_order_offers_no_pay_now(moka, stripe_server):
    transfer = place([(moka, 1)], method="bank_transfer")
    tab = status_tab(transfer.number, transfer.status_token)
    tab.call("load")
    assert tab.found and not tab.payable and tab.call("open_payment") is None
