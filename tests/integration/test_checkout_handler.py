"""The checkout page's handlers through a real backend, as a browser tab sends them: the
guest cart comes from the tab's own cookie, a double submit or a retry of "place order"
gives one order, and a placement without the terms is refused next to the checkbox."""

import pytest
from sqlmodel import select

from modules.cart.public import current_cart
from orion_app.db import session_scope
from tests.integration.catalog_helpers import scope
from tests.integration.checkout_helpers import HOME, guest_cart, stocked
from tests.integration.live_backend import Backend, EventClient
from tests.integration.payments_helpers import offer_bank_transfer

PAGE = "/platforms/oms/storefront/cafe-lux/checkout"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def live(request, tmp_path_factory):
    from tests.conftest import _activate, migrated_database

    databases = _activate(migrated_database(request.param, tmp_path_factory, seeded=True))
    next(databases)
    offer_bank_transfer(scope()[0])
    backend = Backend()
    try:
        yield backend
    finally:
        backend.stop()
        next(databases, None)


def handler(name: str) -> str:
    from modules.checkout.state.checkout import CheckoutState

    return f"{CheckoutState.get_full_name()}.{name}"


def tab_with_cart(backend, token: str) -> EventClient:
    return EventClient(backend, token, cookie=f"orion_cart_{scope()[0]}")


def up_to_review(tab: EventClient, email: str) -> None:
    for name, form in (
        ("submit_contact", {"email": email}),
        ("submit_address", dict(HOME, country="LU")),
        ("submit_shipping", {"shipping": "lu-post"}),
        ("submit_payment", {"payment": "bank_transfer"}),
    ):
        tab.send(handler(name), {"form": form}, PAGE)


def orders_of(email: str) -> list[str]:
    from modules.orders.models import Order

    with session_scope() as session:
        return list(session.exec(select(Order.number).where(Order.email == email)).all())


def test_a_double_submit_and_a_retry_place_one_order_and_close_the_cart(live):
    token = guest_cart([(stocked("H-1", "19,90", 5), 2), (stocked("H-2", "12.00", 5), 1)])
    tab = tab_with_cart(live, token)
    loaded = repr(tab.send(handler("load"), {}, PAGE))
    assert "51,80" in loaded or "51.80" in loaded
    up_to_review(tab, "guest@example.lu")
    placed = repr(tab.send(handler("place_order"), {"form": {"terms": "on"}}, PAGE))
    tab.send(handler("place_order"), {"form": {"terms": "on"}}, PAGE, wait=False)  # the double click
    tab.barrier()
    assert len(orders_of("guest@example.lu")) == 1
    number = orders_of("guest@example.lu")[0]
    assert number in placed and "LU28" in placed  # the bank transfer's instructions
    tab.send(handler("load"), {}, PAGE, wait=False)  # a reload
    tab.send(handler("place_order"), {"form": {"terms": "on"}}, PAGE, wait=False)  # a retry
    tab.barrier()
    tab.close()
    assert orders_of("guest@example.lu") == [number]
    with session_scope() as session:
        assert current_cart(session, scope()[0], cart_token=token, customer_id=None, lang="fr") is None


def test_without_the_terms_nothing_is_ordered_and_the_checkbox_says_why(live):
    token = guest_cart([(stocked("H-3", "9,90", 5), 1)])
    tab = tab_with_cart(live, token)
    tab.send(handler("load"), {}, PAGE)
    up_to_review(tab, "no-terms@example.lu")
    refused = repr(tab.send(handler("place_order"), {"form": {}}, PAGE))
    tab.close()
    assert "'terms':" in refused
    assert orders_of("no-terms@example.lu") == []
