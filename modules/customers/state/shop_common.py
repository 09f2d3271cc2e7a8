"""What every shopper state shares: the store of the page, the storefront's absolute base,
and the signed-in customer of that store (from the websocket's own cookie, never state)."""

from reflex.config import get_config
from sqlmodel import Session

from modules.customers.models import Customer
from modules.customers.public import shopper_token
from modules.customers.services.auth import customer_for_token
from modules.customers.services.shop import Storefront, storefront_of
from orion_app.cors import allowed_origin
from orion_app.errors import FieldErrors
from orion_app.i18n import LANGUAGE_NAMES, translate
from orion_app.registry import Frontend
from orion_app.ui.forms import translated_errors
from orion_app.ui.guard import current_access

STOREFRONT = (Frontend.STOREFRONT,)
# Error codes a page shows from its URL (sent back by the HTTP endpoints), by field.
FIELD_CODES = frozenset(
    {"name_invalid", "language_invalid", "email_invalid", "email_taken", "password_short"}
)


def mail_origin(state) -> str:
    """The page's origin when it is one of this deployment's own, else Reflex's deploy_url:
    the address comes from the browser, and a forged one must never front a mailed token."""
    origin = state.router.url.origin
    return origin if allowed_origin(origin) else get_config().deploy_url or ""


def shop(state) -> Storefront:
    """The page's storefront, with the absolute base its mailed links start with."""
    return storefront_of(current_access().tenant, mail_origin(state))


def base() -> str:
    return current_access().tenant.base


def signed_in(state, session: Session) -> Customer | None:
    store_id = current_access().tenant.store.id
    return customer_for_token(session, store_id, shopper_token(state, store_id))


def field_errors(error: FieldErrors, lang: str) -> dict[str, str]:
    return translated_errors(error, lang)


def errors_from_query(params, lang: str) -> dict[str, str]:
    """`?e_email=email_taken…` as translated messages by field; unknown codes show nothing."""
    return {
        name[2:]: translate(f"customers.account.{code}", lang)
        for name, code in params.items()
        if name.startswith("e_") and code in FIELD_CODES
    }


def language_options() -> list[dict[str, str]]:
    """The store's languages, each named in itself."""
    store = current_access().tenant.store
    return [{"value": code, "label": LANGUAGE_NAMES.get(code, code)} for code in store.languages]
