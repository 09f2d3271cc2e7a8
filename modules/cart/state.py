"""The mini-cart in the storefront header and the cart page.

Every handler finds the cart again from the websocket's cookies for this store (the guest
token, the shopper's session); no cart id, price or stock ever comes from the client or is
trusted from state. Prices and stock are re-read on each load (`services.pricing`).
"""

from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit

import reflex as rx
from sqlmodel import Session

from modules.cart.public import CartSnapshot, cart_token, config_for, snapshot
from modules.cart.services import carts
from modules.cart.services.pricing import PRICE_CHANGED, STOCK_LIMITED, UNAVAILABLE
from modules.customers.public import shopper_token, signed_in_customer
from orion_app import ratelimit
from orion_app.db import session_scope
from orion_app.errors import FieldErrors, ServiceError
from orion_app.i18n import translate
from orion_app.registry import Frontend
from orion_app.ui.format import money
from orion_app.ui.guard import current_access, public
from orion_app.ui.state import OrionState

STOREFRONT = (Frontend.STOREFRONT,)
# Changes per cart, whichever tabs or addresses they come from (the guard limits per tab and
# per address on top).
PER_CART = ratelimit.Limit("cart:change:cart", 60, 60)
# What `?cart=` may announce after "add to cart" (api.py): message keys `cart.error.<code>`.
ANNOUNCED = ("quantity", "unknown_product", "choose_options", "unavailable", "sold_out", "only_left",
             "too_many_units", "too_many_lines", "expired", "too_many")  # fmt: skip


@dataclass
class LineView:
    variant_id: int
    title: str
    options: str
    photo: str
    unit_price: str
    total: str
    quantity: int
    max_quantity: int  # what the stepper allows
    notice: str  # translated, "" when none
    buyable: bool


def shopper_of(state, session: Session, store_id: int) -> carts.Shopper:
    """The guest token and the signed-in customer this websocket arrived with."""
    customer = signed_in_customer(session, store_id, shopper_token(state, store_id))
    return carts.Shopper(cart_token(state, store_id), customer.id if customer else None)


class MiniCartState(OrionState):
    """The header's count of units in the cart, and what "add to cart" answered."""

    count: int = 0
    here: str = ""  # this page's path and query: where "add to cart" comes back to

    @rx.event
    @public(frontends=STOREFRONT)
    def load(self):
        """Header loader of every storefront page (`ShellItem.on_load`)."""
        store_id = current_access().tenant.store.id
        url = urlsplit(str(self._url()))
        query = [(k, v) for k, v in parse_qsl(url.query) if k not in ("cart", "count")]
        self.here = url.path + (f"?{urlencode(query)}" if query else "")
        self.count = 0
        if cart_token(self, store_id) or shopper_token(self, store_id):  # most visitors: no query at all
            with session_scope() as session:
                config = config_for(session, store_id)
                cart = carts.cart_for(session, store_id, shopper_of(self, session, store_id), config)
                self.count = snapshot(session, cart, self.lang, config).count if cart else 0
        return self._announce()

    def _announce(self):
        """A toast for `?cart=` (the add endpoint's answer), then the parameter removed."""
        params = self._url().query_parameters
        outcome = params.get("cart", "")
        if outcome == "added":
            toast = rx.toast.success(translate("cart.added", self.lang))
        elif outcome in ANNOUNCED:
            count = params.get("count", "")
            toast = rx.toast.error(translate(f"cart.error.{outcome}", self.lang, count=count))
        else:
            return None
        tidy = rx.call_script(
            "const url = new URL(window.location.href); url.searchParams.delete('cart');"
            " url.searchParams.delete('count'); window.history.replaceState(null, '', url.href)"
        )
        return [toast, tidy]


class CartPageState(MiniCartState):
    """The cart page; a substate of the mini-cart, so the header's count follows each change."""

    lines: list[LineView] = []
    subtotal: str = ""
    loaded: bool = False

    @rx.event
    @public(frontends=STOREFRONT)
    def load(self):
        store_id = current_access().tenant.store.id
        with session_scope() as session:
            config = config_for(session, store_id)
            cart = carts.cart_for(session, store_id, shopper_of(self, session, store_id), config)
            self._show(snapshot(session, cart, self.lang, config) if cart else None)

    @rx.event
    @public(frontends=STOREFRONT, rate=(60, 60))
    def change(self, variant_id: int, quantity: int):
        """The stepper: set a line's quantity (0 removes it), within stock."""
        self._changed(
            lambda s, store, cart, c: carts.set_quantity(s, store, cart, _id(variant_id), quantity, c)
        )

    @rx.event
    @public(frontends=STOREFRONT, rate=(60, 60))
    def remove(self, variant_id: int):
        self._changed(lambda s, store, cart, c: carts.remove(s, store, cart, _id(variant_id), c))

    def _changed(self, work) -> None:
        """`work(session, store id, cart, config)` on the shopper's cart, then the cart shown again."""
        store_id = current_access().tenant.store.id
        with session_scope() as session:
            config = config_for(session, store_id)
            cart = carts.cart_to_change(session, store_id, shopper_of(self, session, store_id), config)
            if ratelimit.record_hit(PER_CART, str(cart.id)) > PER_CART.max_hits:
                raise ServiceError("orion.error.too_many")
            try:
                work(session, store_id, cart, config)
            except FieldErrors as error:  # the stepper has no field to show it beside: a toast
                raise ServiceError(error.errors["quantity"]) from None
            session.commit()
            self._show(snapshot(session, cart, self.lang, config))

    def _show(self, cart: CartSnapshot | None) -> None:
        self.loaded = True
        if cart is None:
            self.lines, self.subtotal, self.count = [], money(0, "EUR", self.lang), 0
            return
        lang = self.lang
        self.lines = [
            LineView(
                variant_id=line.variant_id,
                title=line.title or translate("cart.gone", lang),
                options=line.options,
                photo=line.photo,
                unit_price=money(line.unit_price_cents, "EUR", lang),
                total=money(line.unit_price_cents * line.quantity, "EUR", lang),
                quantity=line.quantity,
                max_quantity=line.available,
                notice=_notice(line, lang),
                buyable=line.notice != UNAVAILABLE,
            )
            for line in cart.lines
        ]
        self.subtotal = money(cart.subtotal_cents, "EUR", lang)
        self.count = cart.count


def _id(value: object) -> int:
    """A variant id as the client sent it; it only ever selects among this cart's own lines."""
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ServiceError("cart.error.no_line") from None


def _notice(line, lang: str) -> str:
    if line.notice == PRICE_CHANGED:
        before, now = money(line.price_seen_cents, "EUR", lang), money(line.unit_price_cents, "EUR", lang)
        return translate("cart.notice.price_changed", lang, before=before, now=now)
    if line.notice == STOCK_LIMITED:
        return translate("cart.notice.stock_limited", lang, count=line.available)
    if line.notice == UNAVAILABLE:
        return translate("cart.notice.unavailable", lang)
    return ""
