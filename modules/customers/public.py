"""What other modules may know of customers: who is signed in on a store's storefront.

A shopper's session is a per-store HttpOnly cookie (`orion_shopper_<store id>`); the
websocket handshake's copy is kept out of state (`orion_app.session_cookie`). Cart and
checkout ask:

    token = shopper_token(state, store.id)
    customer = signed_in_customer(session, store.id, token)   # CustomerRef | None

Checkout reads a customer's address book (`addresses_of`) and checks an address typed at
checkout with the address book's own rules (`check_address`).
"""

from dataclasses import dataclass

from sqlmodel import Session

from modules.customers.services.addresses import EU_COUNTRIES, AddressInput, clean_address
from modules.customers.services.addresses import addresses_of as _addresses_of
from modules.customers.services.auth import customer_for_token
from orion_app.session_cookie import is_secure
from orion_app.settings import get_settings


@dataclass(frozen=True)
class CustomerRef:
    id: int
    store_id: int
    email: str
    name: str
    language: str | None
    verified: bool


def cookie_names(store_id: int) -> tuple[str, str]:
    """The store's shopper cookie: the `__Host-` one (HTTPS) first, then the plain one."""
    return (f"__Host-orion_shopper_{store_id}", f"orion_shopper_{store_id}")


def cookie_attributes(store_id: int, scheme: str) -> dict:
    """Keyword arguments of Starlette's `set_cookie` for the store's shopper session: host-only,
    Path=/ (the websocket at /_event must carry it), HttpOnly, SameSite=Lax, Secure over HTTPS."""
    secure = is_secure(scheme)
    return {
        "key": cookie_names(store_id)[0 if secure else 1],
        "max_age": get_settings().session_ttl_hours * 3600,
        "path": "/",
        "secure": secure,
        "httponly": True,
        "samesite": "lax",
    }


def shopper_token(state, store_id: int) -> str:
    """The store's shopper token the state's websocket arrived with ('' when none)."""
    return state._private_cookie(*cookie_names(store_id))


def signed_in_customer(session: Session, store_id: int, token: str) -> CustomerRef | None:
    """The store's signed-in customer for a shopper token; None when signed out or expired."""
    customer = customer_for_token(session, store_id, token)
    if customer is None:
        return None
    return CustomerRef(
        id=customer.id,
        store_id=customer.store_id,
        email=customer.email,
        name=customer.name,
        language=customer.language,
        verified=customer.email_verified_at is not None,
    )


@dataclass(frozen=True)
class AddressRecord:
    id: int
    label: str
    name: str
    company: str
    vat_number: str
    line1: str
    line2: str
    postal_code: str
    city: str
    country: str
    phone: str
    is_default_billing: bool
    is_default_shipping: bool


ADDRESS_FIELDS = (
    "name", "company", "vat_number", "line1", "line2", "postal_code", "city", "country", "phone",
)  # fmt: skip


def addresses_of(session: Session, store_id: int, customer_id: int) -> list[AddressRecord]:
    """The customer's addresses in this store, oldest first (none for another store's customer)."""
    return [
        AddressRecord(
            id=a.id,
            label=a.label,
            is_default_billing=a.is_default_billing,
            is_default_shipping=a.is_default_shipping,
            **{name: getattr(a, name) or "" for name in ADDRESS_FIELDS},
        )
        for a in _addresses_of(session, store_id, customer_id)
    ]


def check_address(values: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """(the address cleaned, message keys by field) by the address book's rules: EU country,
    required fields, lengths, Luxembourg postal codes and VAT number formats."""
    cleaned, errors = clean_address(AddressInput(**{n: str(values.get(n) or "") for n in ADDRESS_FIELDS}))
    return {name: cleaned[name] for name in ADDRESS_FIELDS}, errors


__all__ = [
    "ADDRESS_FIELDS",
    "EU_COUNTRIES",
    "AddressRecord",
    "CustomerRef",
    "addresses_of",
    "check_address",
    "cookie_attributes",
    "cookie_names",
    "shopper_token",
    "signed_in_customer",
]
