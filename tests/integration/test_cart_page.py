"""The cart page over a real websocket: the guest cookie of the handshake finds the cart
(never an id from the client), the stepper stays within stock, a variant outside the cart
changes nothing, and another store's cookie opens nothing here."""

import pytest
from sqlmodel import select

from modules.cart.models import CartLine
from modules.cart.public import config_for
from modules.cart.services.carts import add, new_guest_cart
from orion_app.db import session_scope
from orion_app.ui.format import money
from tests.integration.cart_helpers import CAFE, stocked
from tests.integration.catalog_helpers import scope
from tests.integration.live_backend import Backend, EventClient
from tests.integration.test_notifications_bell import deltas


@pytest.fixture(scope="module")
def backend(tmp_path_factory):
    from tests.conftest import _activate, migrated_database

    for _url in _activate(migrated_database("sqlite", tmp_path_factory, seeded=True)):
        started = Backend()
        yield started
        started.stop()


def guest_cart(lines: list[tuple[int, int]], store: str = "cafe-lux") -> str:
    store_id = scope(store)[0]
    with session_scope() as session:
        config = config_for(session, store_id)
        cart, token = new_guest_cart(session, store_id, config)
        for variant_id, quantity in lines:
            add(session, store_id, cart, variant_id, quantity, config)
    return token


def names():
    from modules.cart.state import CartPageState, MiniCartState
    from orion_app.routes import page_index
    from orion_app.ui.shell import ShellState

    page = next(
        p for p, entry in page_index().items() if entry.module == "cart" and entry.page.path == "cart"
    )
    return ShellState.get_full_name(), CartPageState.get_full_name(), MiniCartState.get_full_name(), page


def opened(backend: Backend, token: str, store: str = "cafe-lux") -> tuple[EventClient, dict, dict]:
    """A tab with the store's guest cookie on the cart page: (tab, page state, header state)."""
    shell, page_state, mini, page = names()
    tab = EventClient(backend, token, cookie=f"orion_cart_{scope(store)[0]}")
    loaded = tab.send(f"{shell}.guard", {"page_ids": page}, f"{CAFE}cart")
    return tab, deltas(loaded, page_state), deltas(loaded, mini)


def quantity_in_db(variant_id: int) -> int | None:
    with session_scope() as session:
        return session.exec(select(CartLine.quantity).where(CartLine.variant_id == variant_id)).first()


def test_the_handshakes_cookie_shows_the_cart_and_the_header_count(backend):
    _, variant = stocked("P-1", "4,50", 5)
    tab, page, mini = opened(backend, guest_cart([(variant, 2)]))
    tab.close()
    nine = money(900, "EUR", "fr")
    assert [(line["title"], line["quantity"], line["total"]) for line in page["lines"]] == [
        ("Café P-1", 2, nine)
    ]
    assert mini["count"] == 2 and page["subtotal"] == nine


def test_the_stepper_changes_within_stock_and_the_header_follows(backend):
    _, variant = stocked("P-2", "3", 3)
    tab, _, _ = opened(backend, guest_cart([(variant, 1)]))
    _, page_state, mini, _ = names()
    raised = tab.send(f"{page_state}.change", {"variant_id": variant, "quantity": 3}, f"{CAFE}cart")
    assert deltas(raised, mini)["count"] == 3 and quantity_in_db(variant) == 3
    too_many = repr(tab.send(f"{page_state}.change", {"variant_id": variant, "quantity": 4}, f"{CAFE}cart"))
    negative = repr(tab.send(f"{page_state}.change", {"variant_id": variant, "quantity": -1}, f"{CAFE}cart"))
    tab.close()
    assert "Plus que 3 en stock" in too_many and quantity_in_db(variant) == 3
    assert "Indiquez une quantit" in negative and quantity_in_db(variant) == 3  # "…é de 1 ou plus"


def test_a_variant_outside_this_cart_is_refused_and_nothing_changes(backend):
    _, mine = stocked("P-3", "3", 3)
    _, theirs = stocked("P-4", "3", 3)
    guest_cart([(theirs, 2)])  # somebody else's cart
    tab, _, _ = opened(backend, guest_cart([(mine, 1)]))
    _, page_state, _, _ = names()
    answer = repr(tab.send(f"{page_state}.remove", {"variant_id": theirs}, f"{CAFE}cart"))
    tab.close()
    assert "plus dans votre panier" in answer and quantity_in_db(theirs) == 2


def test_another_stores_cookie_opens_no_cart_here(backend):
    _, variant = stocked("V-9", "3", 3, store="velo-weber")
    velo_token = guest_cart([(variant, 1)], store="velo-weber")
    shell, page_state, mini, page = names()
    tab = EventClient(backend, velo_token, cookie=f"orion_cart_{scope('cafe-lux')[0]}")  # copied to cafe-lux
    loaded = tab.send(f"{shell}.guard", {"page_ids": page}, f"{CAFE}cart")
    tab.close()
    assert deltas(loaded, page_state).get("lines", []) == [] and deltas(loaded, mini).get("count", 0) == 0
