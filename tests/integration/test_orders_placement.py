"""Orders: placing an order from catalog's prices, and every refusal writing nothing."""

import pytest
from sqlmodel import func, select

from modules.catalog.public import set_inactive
from modules.inventory.models import StockMovement
from modules.messaging.models import EmailLog
from modules.messaging.models.notifications import Notification
from modules.orders.models import Order
from modules.orders.public import IdempotencyKeyReused, LineOutOfStock, order_for_status_link, place_order
from orion_app.db import session_scope
from orion_app.errors import FieldErrors
from tests.integration.billing_helpers import set_plan_limit
from tests.integration.catalog_helpers import scope
from tests.integration.orders_helpers import (
    available,
    line_rows,
    order_rows,
    placement,
    stocked,
    tampered,
    timeline,
)
from tests.integration.payments_helpers import offer_bank_transfer


@pytest.fixture
def shop(demo):
    offer_bank_transfer(scope()[0])
    return {
        "moka": stocked("MOKA", "12,50", 10),
        "tea": stocked("THE-VERT", "4,99", 5, vat_rate="3"),
    }


def place(p):
    with session_scope() as session:
        return place_order(session, p)


def counts() -> tuple[int, int, int]:
    """(orders, stock movements, mails) in the database."""
    with session_scope() as session:
        return tuple(
            session.exec(select(func.count()).select_from(model)).one()
            for model in (Order, StockMovement, EmailLog)
        )


def test_a_bank_transfer_order_is_numbered_priced_from_catalog_reserved_and_confirmed(shop):
    (_, moka), (_, tea) = shop["moka"], shop["tea"]
    record = place(placement([(moka, 2), (tea, 3)]))

    assert record.number.startswith("CL-20") and record.number.endswith("-000001")
    assert record.status == "pending_payment"
    # 2 x 12.50 + 3 x 4.99 + 4.90 shipping
    assert record.total_cents == 2500 + 1497 + 490
    assert record.payment.method == "bank_transfer" and record.payment.instructions["reference"]
    assert available(moka) == 8 and available(tea) == 2
    lines = line_rows(record.id)
    assert [(line.sku, line.title, line.quantity, line.unit_price_cents) for line in lines] == [
        ("MOKA", "Café MOKA", 2, 1250),
        ("THE-VERT", "Café THE-VERT", 3, 499),
    ]
    # net = round(gross * 100 / (100 + rate)), half-up, per line
    assert (lines[0].net_cents, lines[0].vat_cents) == (2137, 363)
    assert (lines[1].net_cents, lines[1].vat_cents) == (1453, 44)
    assert record.vat_cents == 363 + 44 + 71  # shipping 4.90 at 17 %: 419 net, 71 VAT
    assert [e.to_status for e in timeline(record.id)] == ["pending_payment"]
    with session_scope() as session:
        mail = session.exec(select(EmailLog).where(EmailLog.kind == "orders.confirmation")).one()
        assert mail.language == "fr" and record.number in mail.subject
        assert "LU280019400644750000" in mail.body_text.replace(" ", "") and "Café MOKA" in mail.body_text


def test_the_guest_status_link_opens_the_order_only_with_its_token(shop):
    record = place(placement([(shop["moka"][1], 1)]))
    store_id = scope()[0]
    with session_scope() as session:
        view = order_for_status_link(session, store_id, record.number, record.status_token)
        assert view.number == record.number and view.lines[0].sku == "MOKA"
        assert view.shipping.city == "Luxembourg"
        assert order_for_status_link(session, store_id, record.number, tampered(record.status_token)) is None
        assert (
            order_for_status_link(session, scope("velo-weber")[0], record.number, record.status_token) is None
        )


def test_the_same_key_twice_gives_the_same_order_and_reserves_once(shop):
    moka = shop["moka"][1]
    first = place(placement([(moka, 2)], key="checkout-1"))
    again = place(placement([(moka, 2)], key="checkout-1"))
    assert (again.id, again.number, again.status_token) == (first.id, first.number, first.status_token)
    assert again.payment.id == first.payment.id
    assert len(order_rows()) == 1 and available(moka) == 8


def test_a_used_key_with_another_cart_is_refused_and_writes_nothing(shop):
    moka = shop["moka"][1]
    place(placement([(moka, 2)], key="checkout-1"))
    before = counts()
    with pytest.raises(IdempotencyKeyReused):
        place(placement([(moka, 3)], key="checkout-1"))
    assert counts() == before and available(moka) == 8


@pytest.mark.parametrize(
    "lines, field, message",
    [
        ([("moka", -1)], "lines.0", "orders.error.quantity"),
        ([("moka", 0)], "lines.0", "orders.error.quantity"),
        ([("moka", 100_000)], "lines.0", "orders.error.quantity"),
        ([("tea", 1), ("other_store", 1)], "lines.1", "orders.error.line_unknown"),
        ([("inactive", 1)], "lines.0", "orders.error.line_unavailable"),
        ([], "lines", "orders.error.no_lines"),
    ],
)
def test_bad_lines_are_refused_naming_the_line_and_nothing_is_written(shop, lines, field, message):
    shop["other_store"] = stocked("VELO-1", "99", 3, store="velo-weber")
    shop["inactive"] = stocked("OLD", "5", 3)
    with session_scope() as session:
        set_inactive(session, scope()[0], ["OLD"])
    before = counts()
    with pytest.raises(FieldErrors) as refused:
        place(placement([(shop[name][1], quantity) for name, quantity in lines]))
    assert refused.value.errors[field] == message
    assert counts() == before


def test_an_inactive_line_is_named_by_title_and_sku(shop):
    shop_inactive = stocked("OLD", "5", 3)
    with session_scope() as session:
        set_inactive(session, scope()[0], ["OLD"])
    with pytest.raises(FieldErrors) as refused:
        place(placement([(shop_inactive[1], 1)]))
    assert refused.value.field_params["lines.0"] == {"title": "Café OLD", "sku": "OLD"}


def test_a_short_line_is_named_and_no_line_is_reserved(shop):
    (_, moka), (_, tea) = shop["moka"], shop["tea"]
    before = counts()
    with pytest.raises(LineOutOfStock) as refused:
        place(placement([(moka, 2), (tea, 6)]))
    assert refused.value.params == {"title": "Café THE-VERT", "sku": "THE-VERT", "available": 5}
    assert refused.value.variant_id == tea
    assert available(moka) == 10 and available(tea) == 5
    assert counts() == before


def test_terms_email_and_payment_method_are_checked_next_to_their_fields(shop):
    bad = placement([(shop["moka"][1], 1)], terms_accepted=False, email="lea@", payment_method="cash")
    with pytest.raises(FieldErrors) as refused:
        place(bad)
    assert set(refused.value.errors) == {"terms_accepted", "email", "payment_method"}
    assert order_rows() == []


def test_numbers_follow_each_other_per_store(shop):
    moka = shop["moka"][1]
    numbers = [place(placement([(moka, 1)])).number for _ in range(3)]
    assert [n[-6:] for n in numbers] == ["000001", "000002", "000003"]
    velo = stocked("VELO-2", "10", 5, store="velo-weber")[1]
    offer_bank_transfer(scope("velo-weber")[0])
    other = place(placement([(velo, 1)], store="velo-weber"))
    assert other.number.startswith("VW-") and other.number.endswith("-000001")


def test_over_the_plan_the_order_is_placed_flagged_and_the_staff_warned_once(shop):
    _, merchant_id, oms = scope()
    set_plan_limit(merchant_id, oms, "orders_per_month", 2)  # the merchant's plan (billing)
    moka = shop["moka"][1]
    records = [place(placement([(moka, 1)])) for _ in range(4)]
    assert [r.status for r in records] == ["pending_payment"] * 4
    assert [o.over_plan_limit for o in order_rows()] == [False, False, True, True]
    with session_scope() as session:
        warned = session.exec(select(Notification).where(Notification.kind == "orders.over_plan_limit")).all()
    assert warned and {n.params["number"] for n in warned} == {records[2].number}
