"""Finding, changing and merging carts. No Reflex; every function takes the store id and
reads or writes only that store's carts and lines.

A guest cart is found by the hash of its cookie token and lives `guest_ttl_days` after its
last change; a customer's cart by the customer id, without expiry. Writers validate first
and raise before touching a row, so a refused change writes nothing; they flush, and the
caller commits.

The variant and product a shopper names are looked up in THIS store through catalog's
`sellable_variants`; ids of another store's variants are simply unknown here.
"""

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete
from sqlmodel import Session, select

from modules.cart.config import CartConfig
from modules.cart.models import Cart, CartLine
from modules.catalog.public import SellableVariant, default_variants, sellable_variants, variants_of
from modules.inventory.public import available_by_variant
from orion_app.db import utcnow
from orion_app.errors import FieldErrors, NotFound, ServiceError
from orion_app.session_tokens import new_token, token_hash


@dataclass(frozen=True)
class Shopper:
    """Who the cart is for: the guest cookie's token ('' when none) and the signed-in customer."""

    token: str
    customer_id: int | None


def _open(store_id: int):
    return select(Cart).where(Cart.store_id == store_id, Cart.closed_at.is_(None))


def guest_cart(session: Session, store_id: int, token: str, *, expired_too: bool = False) -> Cart | None:
    """The store's open guest cart of a cookie token; None when unknown (or expired, unless asked)."""
    if not token:
        return None
    cart = session.exec(_open(store_id).where(Cart.token_hash == token_hash(token))).first()
    if cart is None or cart.customer_id is not None:
        return None
    if not expired_too and is_expired(cart):
        return None
    return cart


def is_expired(cart: Cart) -> bool:
    return cart.expires_at is not None and cart.expires_at <= utcnow()


def customer_cart(session: Session, store_id: int, customer_id: int) -> Cart | None:
    return session.exec(
        _open(store_id).where(Cart.customer_id == customer_id).order_by(Cart.id.desc())
    ).first()


def new_guest_cart(session: Session, store_id: int, config: CartConfig) -> tuple[Cart, str]:
    """A new guest cart and the token for its cookie (only the hash is stored)."""
    token = new_token()
    cart = Cart(store_id=store_id, token_hash=token_hash(token), expires_at=_expiry(config))
    session.add(cart)
    session.flush()
    return cart, token


def _expiry(config: CartConfig):
    return utcnow() + timedelta(days=config.guest_ttl_days)


def cart_for(session: Session, store_id: int, shopper: Shopper, config: CartConfig) -> Cart | None:
    """The cart the shopper sees: the customer's (with a guest cart merged in, once), else the
    guest's. Expired guest carts are not found."""
    guest = guest_cart(session, store_id, shopper.token)
    if shopper.customer_id is None:
        return guest
    mine = customer_cart(session, store_id, shopper.customer_id)
    if guest is None:
        return mine
    return merge(session, store_id, guest, mine, shopper.customer_id, config)


def cart_to_add_to(session: Session, store_id: int, shopper: Shopper, config: CartConfig) -> tuple[Cart, str]:
    """(the cart an "add" goes to, the new guest token or ''): the shopper's cart, else a new
    one (the customer's, or a guest's with a fresh token). An expired guest cart is refused,
    not silently replaced, so the shopper learns why the cart emptied. Flushes."""
    cart = cart_for(session, store_id, shopper, config)
    if cart is not None:
        return cart, ""
    if shopper.customer_id is not None:
        cart = Cart(store_id=store_id, customer_id=shopper.customer_id)
        session.add(cart)
        session.flush()
        return cart, ""
    if guest_cart(session, store_id, shopper.token, expired_too=True) is not None:
        raise ServiceError("cart.error.expired")
    return new_guest_cart(session, store_id, config)


def cart_to_change(session: Session, store_id: int, shopper: Shopper, config: CartConfig) -> Cart:
    """The shopper's cart for a change of its lines; refused when it expired or there is none."""
    cart = cart_for(session, store_id, shopper, config)
    if cart is not None:
        return cart
    if shopper.customer_id is None and guest_cart(session, store_id, shopper.token, expired_too=True):
        raise ServiceError("cart.error.expired")
    raise NotFound("cart.error.no_cart")


def merge(
    session: Session, store_id: int, guest: Cart, mine: Cart | None, customer_id: int, config: CartConfig
) -> Cart:
    """Move the guest cart into the customer's: quantities summed, the newest price seen
    kept, each line capped by stock and by `max_quantity`. A customer without a cart simply
    adopts the guest's. Flushes; the caller commits."""
    if mine is None:
        guest.customer_id, guest.token_hash, guest.expires_at = customer_id, None, None
        _touched(guest, config)
        return guest
    ours = {line.variant_id: line for line in _lines(session, store_id, mine.id)}
    theirs = _lines(session, store_id, guest.id)
    stock = available_by_variant(session, store_id, [line.variant_id for line in theirs])
    limited = sellable_variants(session, store_id, [line.variant_id for line in theirs], ())
    for line in theirs:
        cap = config.max_quantity
        if line.variant_id not in limited or limited[line.variant_id].stock_limited:
            cap = min(cap, stock.get(line.variant_id, 0))
        kept = ours.get(line.variant_id)
        if kept is None:
            session.add(
                CartLine(
                    cart_id=mine.id,
                    store_id=store_id,
                    product_id=line.product_id,
                    variant_id=line.variant_id,
                    quantity=max(1, min(line.quantity, cap)),
                    price_cents_seen=line.price_cents_seen,
                    added_at=line.added_at,
                )
            )
            continue
        kept.quantity = max(1, min(kept.quantity + line.quantity, cap))
        if line.added_at > kept.added_at:
            kept.price_cents_seen, kept.added_at = line.price_cents_seen, line.added_at
        session.add(kept)
    session.exec(delete(CartLine).where(CartLine.cart_id == guest.id, CartLine.store_id == store_id))
    session.delete(guest)
    _touched(mine, config)
    session.flush()
    return mine


def _lines(session: Session, store_id: int, cart_id: int) -> list[CartLine]:
    return list(
        session.exec(
            select(CartLine)
            .where(CartLine.cart_id == cart_id, CartLine.store_id == store_id)
            .order_by(CartLine.added_at, CartLine.id)
        ).all()
    )


def lines_of(session: Session, cart: Cart) -> list[CartLine]:
    return _lines(session, cart.store_id, cart.id)


def _touched(cart: Cart, config: CartConfig) -> None:
    cart.version += 1
    cart.updated_at = utcnow()
    if cart.customer_id is None:
        cart.expires_at = _expiry(config)


def _quantity(value: object, *, allow_zero: bool) -> int:
    """A quantity as the shopper sent it; FieldErrors('quantity') unless a whole number >= 1 (or 0)."""
    try:
        quantity = int(str(value).strip())
    except ValueError:
        raise FieldErrors({"quantity": "cart.error.quantity"}) from None
    if quantity < (0 if allow_zero else 1):
        raise FieldErrors({"quantity": "cart.error.quantity"})
    return quantity


def _sellable(session: Session, store_id: int, variant_id: int) -> SellableVariant:
    found = sellable_variants(session, store_id, [variant_id], ()).get(variant_id)
    if found is None:
        raise NotFound("cart.error.unknown_product")
    if not found.is_active:
        raise ServiceError("cart.error.unavailable")
    return found


def _room(session: Session, store_id: int, variant: SellableVariant, wanted: int, config: CartConfig) -> None:
    """Refuse a line quantity above what may be bought: the per-line cap, then the stock."""
    if wanted > config.max_quantity:
        raise ServiceError("cart.error.too_many_units", count=config.max_quantity)
    if variant.stock_limited:
        available = available_by_variant(session, store_id, [variant.variant_id]).get(variant.variant_id, 0)
        if available <= 0:
            raise ServiceError("cart.error.sold_out")
        if wanted > available:
            raise ServiceError("cart.error.only_left", count=available)


def variant_of_product(session: Session, store_id: int, product_id: int, sku: str) -> int:
    """The variant of one of this store's products by SKU, or its default variant when `sku`
    is empty; NotFound otherwise (also for another store's product)."""
    if not sku:
        found = default_variants(session, store_id, [product_id]).get(product_id)
        if found is not None:
            return found
    variants = variants_of(session, store_id, [product_id])
    if product_id not in variants:
        raise NotFound("cart.error.unknown_product")
    for variant in variants[product_id]:
        if sku and variant.sku == sku:
            return variant.id
    raise NotFound("cart.error.choose_options" if not sku else "cart.error.unknown_product")


def add(
    session: Session, store_id: int, cart: Cart, variant_id: int, quantity: object, config: CartConfig
) -> CartLine:
    """Add `quantity` units of this store's variant (summed with a line already there), at
    today's price; refused with a message for a bad quantity, an unknown, inactive or sold-out
    variant, or more than stock allows. Flushes; the caller commits."""
    if is_expired(cart):
        raise ServiceError("cart.error.expired")
    quantity = _quantity(quantity, allow_zero=False)
    variant = _sellable(session, store_id, variant_id)
    line = session.exec(
        select(CartLine).where(
            CartLine.cart_id == cart.id, CartLine.store_id == store_id, CartLine.variant_id == variant_id
        )
    ).first()
    _room(session, store_id, variant, quantity + (line.quantity if line else 0), config)
    if line is None:
        count = len(_lines(session, store_id, cart.id))
        if count >= config.max_lines:
            raise ServiceError("cart.error.too_many_lines", count=config.max_lines)
        line = CartLine(
            cart_id=cart.id,
            store_id=store_id,
            product_id=variant.product_id,
            variant_id=variant_id,
            quantity=0,
            price_cents_seen=variant.price_cents,
        )
    line.quantity += quantity
    line.price_cents_seen, line.added_at = variant.price_cents, utcnow()
    session.add(line)
    _touched(cart, config)
    session.add(cart)
    session.flush()
    return line


def set_quantity(
    session: Session, store_id: int, cart: Cart, variant_id: int, quantity: object, config: CartConfig
) -> None:
    """Set a line's quantity (0 removes it); the price shown now becomes the one seen."""
    if is_expired(cart):
        raise ServiceError("cart.error.expired")
    quantity = _quantity(quantity, allow_zero=True)
    line = _line(session, store_id, cart, variant_id)
    if quantity == 0:
        remove(session, store_id, cart, variant_id, config)
        return
    variant = _sellable(session, store_id, variant_id)
    _room(session, store_id, variant, quantity, config)
    line.quantity, line.price_cents_seen = quantity, variant.price_cents
    session.add(line)
    _touched(cart, config)
    session.add(cart)
    session.flush()


def _line(session: Session, store_id: int, cart: Cart, variant_id: int) -> CartLine:
    line = session.exec(
        select(CartLine).where(
            CartLine.cart_id == cart.id, CartLine.store_id == store_id, CartLine.variant_id == variant_id
        )
    ).first()
    if line is None:
        raise NotFound("cart.error.no_line")
    return line


def remove(session: Session, store_id: int, cart: Cart, variant_id: int, config: CartConfig) -> None:
    """Remove a line (an inactive product's too); NotFound when the cart has none for it."""
    if is_expired(cart):
        raise ServiceError("cart.error.expired")
    session.delete(_line(session, store_id, cart, variant_id))
    _touched(cart, config)
    session.add(cart)
    session.flush()


def close(session: Session, store_id: int, cart_id: int, order_ref: str = "") -> None:
    """Mark the cart ordered: it is no longer anyone's current cart. The caller commits."""
    cart = session.exec(_open(store_id).where(Cart.id == cart_id)).first()
    if cart is None:
        raise NotFound("cart.error.no_cart")
    cart.closed_at, cart.order_ref, cart.token_hash = utcnow(), order_ref[:40], None
    session.add(cart)
    session.flush()


def purge_expired(session: Session) -> int:
    """Delete expired guest carts and their lines, in every store; returns how many carts went.
    The caller commits."""
    ids = list(
        session.exec(select(Cart.id).where(Cart.customer_id.is_(None), Cart.expires_at <= utcnow())).all()
    )
    if not ids:
        return 0
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        session.exec(delete(CartLine).where(CartLine.cart_id.in_(chunk)))
        session.exec(delete(Cart).where(Cart.id.in_(chunk)))
    return len(ids)
