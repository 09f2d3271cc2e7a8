"""What other modules may know of carts: the shopper's current cart, re-priced now.

A guest's cart is an opaque token in a per-store HttpOnly cookie (`cart_cookie_names`),
set only by cart's HTTP endpoint (`modules/cart/api.py`); the websocket's copy is kept out
of state like the shopper cookie (`orion_app.session_cookie`). A signed-in customer's cart
is found by customer id; a guest cart met together with a signed-in customer is merged
into the customer's (quantities summed, the newest price kept, capped by stock). Checkout
reads:

    token = cart_token(state, store.id)
    cart = current_cart(session, store.id, cart_token=token, customer_id=customer and customer.id, lang=lang)
    ...
    close_cart(session, store.id, cart.id)     # after placement, in the same transaction

Lines with the notice "unavailable" count neither in `subtotal_cents` nor in `count`;
checkout places the others, at `quantity` (already capped by stock).
"""

from dataclasses import dataclass

from sqlmodel import Session

from modules.cart.config import CartConfig
from modules.cart.services import carts, pricing
from modules.cart.services.pricing import CartLine
from modules.tenancy.public import home_platform_id
from orion_app.enablement import module_config

__all__ = [
    "CartLine",
    "CartSnapshot",
    "cart_cookie_names",
    "cart_token",
    "close_cart",
    "config_for",
    "current_cart",
    "snapshot",
]


@dataclass(frozen=True)
class CartSnapshot:
    id: int
    store_id: int
    customer_id: int | None
    version: int
    lines: tuple[CartLine, ...]
    subtotal_cents: int
    count: int


def cart_cookie_names(store_id: int) -> tuple[str, str]:
    """The store's guest-cart cookie: the `__Host-` one (HTTPS) first, then the plain one."""
    return (f"__Host-orion_cart_{store_id}", f"orion_cart_{store_id}")


def cart_token(state, store_id: int) -> str:
    """The store's guest-cart token the state's websocket arrived with ('' when none)."""
    return state._private_cookie(*cart_cookie_names(store_id))


def config_for(session: Session, store_id: int) -> CartConfig:
    """The cart settings of the store's home platform (`CART_` env, overridden per platform)."""
    return module_config("cart", home_platform_id(session, store_id), session) or CartConfig()


def current_cart(
    session: Session, store_id: int, *, cart_token: str, customer_id: int | None, lang: str
) -> CartSnapshot | None:
    """The shopper's open cart re-priced from catalog now (None when there is none, or the
    guest cart expired). Commits when it merged a guest cart into the customer's."""
    config = config_for(session, store_id)
    shopper = carts.Shopper(cart_token, customer_id)
    had_guest = customer_id is not None and carts.guest_cart(session, store_id, cart_token) is not None
    cart = carts.cart_for(session, store_id, shopper, config)
    if cart is None:
        return None
    if had_guest:
        session.commit()
    return snapshot(session, cart, lang, config)


def snapshot(session: Session, cart, lang: str, config: CartConfig) -> CartSnapshot:
    """A cart row as the shopper sees it now (cart's own pages and endpoint)."""
    lines = pricing.priced_lines(session, cart, (lang,), config.max_quantity)
    return CartSnapshot(
        id=cart.id,
        store_id=cart.store_id,
        customer_id=cart.customer_id,
        version=cart.version,
        lines=tuple(lines),
        subtotal_cents=pricing.subtotal(lines),
        count=pricing.count(lines),
    )


def close_cart(session: Session, store_id: int, cart_id: int) -> None:
    """The cart became an order: nobody's current cart any more. The caller commits."""
    carts.close(session, store_id, cart_id)
