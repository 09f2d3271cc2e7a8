"""Placing an order from a checkout: everything the shopper chose is checked again here,
inside the store, and the order is built from the server's own cart, address book and
shipping rates before orders places it (idempotently, by the checkout's key)."""

import secrets
from dataclasses import dataclass, field

from sqlmodel import Session

from modules.cart.public import CartSnapshot, close_cart
from modules.checkout.services.shipping import ShippingQuote, quote
from modules.customers.public import ADDRESS_FIELDS, CustomerRef, addresses_of, check_address
from modules.orders.public import (
    OrderAddress,
    OrderRecord,
    Placement,
    PlacementLine,
    VatPreview,
    place_order,
    vat_preview,
)
from orion_app.errors import FieldErrors, NotFound, ServiceError
from orion_app.validation import is_email

PAYMENT_METHODS = ("card", "bank_transfer")


@dataclass(frozen=True)
class CheckoutChoice:
    """What the shopper chose; ids pick rows only inside the store (and the customer)."""

    email: str = ""
    address_id: int | None = None  # one of the signed-in customer's addresses
    address: dict[str, str] = field(default_factory=dict)  # typed, when no address_id
    shipping_code: str = ""
    payment_method: str = ""
    terms_accepted: bool = False


@dataclass(frozen=True)
class Shopper:
    store_id: int
    platform_id: int
    default_language: str
    language: str
    customer: CustomerRef | None


def new_checkout_key() -> str:
    """The idempotency key of one checkout: made on the server when the checkout starts."""
    return "chk_" + secrets.token_urlsafe(24)


def sellable_lines(cart: CartSnapshot | None) -> list:
    """The cart's lines an order can hold (cart marks the others "unavailable")."""
    return [
        line for line in (cart.lines if cart else ()) if line.notice != "unavailable" and line.quantity > 0
    ]


def contact_email(shopper: Shopper, email: str) -> tuple[str, dict[str, str]]:
    """The signed-in customer's own e-mail, or the guest's typed one when it is an address."""
    if shopper.customer is not None:
        return shopper.customer.email, {}
    email = (email or "").strip()
    return email, ({} if is_email(email) else {"email": "checkout.error.email"})


def chosen_address(session: Session, shopper: Shopper, choice: CheckoutChoice) -> tuple[dict, dict[str, str]]:
    """The address the order ships to: one of the customer's own (another's id is refused),
    or the typed one checked by the address book's rules."""
    if choice.address_id:
        own = (
            {a.id: a for a in addresses_of(session, shopper.store_id, shopper.customer.id)}
            if shopper.customer
            else {}
        )
        found = own.get(choice.address_id)
        if found is None:
            return {}, {"address_id": "checkout.error.address_unknown"}
        return {name: getattr(found, name) for name in ADDRESS_FIELDS}, {}
    return check_address(choice.address)


def chosen_shipping(
    session: Session, shopper: Shopper, code: str, country: str, subtotal_cents: int
) -> ShippingQuote | None:
    return quote(
        session, shopper.store_id, code, country, subtotal_cents, shopper.language, shopper.default_language
    )


def review_prices(
    session: Session, shopper: Shopper, cart: CartSnapshot, address: dict, shipping: ShippingQuote
) -> VatPreview:
    """The lines, VAT per rate and total placing would charge now, for the review step: the
    billing country and VAT number decide the rate (orders' VAT rules, the same as placement)."""
    return vat_preview(
        session,
        shopper.store_id,
        [PlacementLine(variant_id=line.variant_id, quantity=line.quantity) for line in sellable_lines(cart)],
        OrderAddress(**address),
        shipping.price_cents,
        shipping.vat_rate,
        shopper.language,
    )


def placement_of(
    session: Session, shopper: Shopper, cart: CartSnapshot | None, choice: CheckoutChoice, key: str
) -> Placement:
    """The order to place, every part re-read and checked; FieldErrors by step field."""
    lines = sellable_lines(cart)
    if cart is None or not lines or cart.store_id != shopper.store_id:
        raise ServiceError("checkout.error.cart_empty")
    email, errors = contact_email(shopper, choice.email)
    address, address_errors = chosen_address(session, shopper, choice)
    errors |= address_errors
    shipping = None
    if not address_errors:
        shipping = chosen_shipping(
            session, shopper, choice.shipping_code, address["country"], cart.subtotal_cents
        )
        if shipping is None:
            errors["shipping"] = "checkout.error.shipping"
    if choice.payment_method not in PAYMENT_METHODS:
        errors["payment"] = "checkout.error.payment"
    if not choice.terms_accepted:
        errors["terms"] = "checkout.error.terms"
    if errors:
        raise FieldErrors(errors)
    billing = OrderAddress(**address)
    return Placement(
        store_id=shopper.store_id,
        platform_id=shopper.platform_id,
        idempotency_key=key,
        customer_id=shopper.customer.id if shopper.customer else None,
        email=email,
        language=shopper.language,
        lines=tuple(PlacementLine(variant_id=line.variant_id, quantity=line.quantity) for line in lines),
        billing=billing,
        shipping=None if shipping.kind == "collect" else billing,
        shipping_method=shipping.code,
        shipping_label=shipping.label,
        shipping_cents=shipping.price_cents,
        shipping_vat_rate=shipping.vat_rate,
        payment_method=choice.payment_method,
        cart_id=cart.id,
        terms_accepted=True,
    )


def place(
    session: Session, shopper: Shopper, cart: CartSnapshot | None, choice: CheckoutChoice, key: str
) -> OrderRecord:
    """Check everything again, place the order (orders commits it; the same key gives the
    same order), then close the cart it came from. Commits."""
    if not key:
        raise ServiceError("checkout.error.expired")
    order = place_order(session, placement_of(session, shopper, cart, choice, key))
    try:
        close_cart(session, shopper.store_id, cart.id)
    except NotFound:  # a retry: the first attempt placed the order and closed the cart
        return order
    session.commit()
    return order
