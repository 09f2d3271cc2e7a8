"""What other modules may know of customers: who is signed in on a store's storefront.

A shopper's session is a per-store HttpOnly cookie (`orion_shopper_<store id>`); the
websocket handshake's copy is kept out of state (`orion_app.session_cookie`). Cart and
checkout ask:

    token = shopper_token(state, store.id)
    customer = signed_in_customer(session, store.id, token)   # CustomerRef | None
"""

from dataclasses import dataclass

from sqlmodel import Session

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
