"""Shopper accounts of one store: sign-up, e-mail verification, profile.

A customer belongs to one store (`Customer.store_id`); every function takes the store and
re-scopes by it, so an id or a token of store B never reaches an account of store A.
"""

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, select

from modules.customers.models import Customer, CustomerToken
from modules.customers.services.search import refresh_search_text
from modules.customers.services.shop import Storefront
from modules.messaging.public import send_message
from orion_app import ratelimit
from orion_app import session_tokens as tokens
from orion_app.db import utcnow
from orion_app.errors import FieldErrors, NotFound, ServiceError
from orion_app.passwords import hash_password, is_too_short
from orion_app.validation import is_email

VERIFY, RESET = "verify_email", "reset_password"
VERIFY_HOURS, RESET_HOURS = 24, 1
VERIFY_PATH, RESET_PATH = "account/verify", "account/reset"
NAME_MAX = 120
# "Send the link again": a few times an hour per account.
RESEND_LIMIT = ratelimit.Limit("customers-resend-verification", 3, 3600)


@dataclass(frozen=True)
class Profile:
    id: int
    email: str
    name: str
    language: str
    verified: bool
    marketing_consent: bool
    marketing_consent_at: datetime | None


def profile_of(customer: Customer) -> Profile:
    return Profile(
        id=customer.id,
        email=customer.email,
        name=customer.name,
        language=customer.language or "",
        verified=customer.email_verified_at is not None,
        marketing_consent=customer.marketing_consent,
        marketing_consent_at=customer.marketing_consent_at,
    )


def normalise_email(email: str) -> str:
    return (email or "").strip().lower()


def active_customer(session: Session, store_id: int, customer_id: int) -> Customer:
    """The store's own, not deleted, customer `customer_id`; NotFound otherwise."""
    customer = session.get(Customer, customer_id)
    if customer is None or customer.store_id != store_id or not customer.is_active:
        raise NotFound()
    return customer


def _profile_errors(name: str, language: str, languages: tuple[str, ...]) -> dict[str, str]:
    errors = {}
    if not name or len(name) > NAME_MAX or any(c in name for c in "\r\n"):
        errors["name"] = "customers.account.name_invalid"
    if language not in languages:
        errors["language"] = "customers.account.language_invalid"
    return errors


def sign_up(
    session: Session,
    shop: Storefront,
    *,
    name: str,
    email: str,
    password: str,
    language: str,
    marketing_consent: bool,
) -> Customer:
    """A new, unverified account of the store, and its verification mail (sent once the
    caller commits). Refuses, field by field, a bad name, e-mail, password or language."""
    name, email = (name or "").strip(), normalise_email(email)
    errors = _profile_errors(name, language, shop.languages)
    if not is_email(email):
        errors["email"] = "customers.account.email_invalid"
    elif session.exec(
        select(Customer.id).where(Customer.store_id == shop.store_id, Customer.email == email)
    ).first():
        errors["email"] = "customers.account.email_taken"
    if is_too_short(password or ""):
        errors["password"] = "customers.account.password_short"
    if errors:
        raise FieldErrors(errors)
    now = utcnow()
    customer = Customer(
        store_id=shop.store_id,
        email=email,
        name=name,
        password_hash=hash_password(password),
        language=language,
        marketing_consent=bool(marketing_consent),
        marketing_consent_at=now if marketing_consent else None,
    )
    session.add(customer)
    session.flush()
    refresh_search_text(session, customer.id)
    send_verification(session, shop, customer)
    return customer


def send_verification(session: Session, shop: Storefront, customer: Customer) -> None:
    """A new 24-hour verification link by mail; older unused links stop working."""
    tokens.revoke_one_time(session, CustomerToken, VERIFY, CustomerToken.customer_id == customer.id)
    token = tokens.issue_one_time(
        session, CustomerToken, VERIFY, VERIFY_HOURS, customer_id=customer.id, store_id=shop.store_id
    )
    mail(session, shop, customer, "customers.verify_email", shop.link(VERIFY_PATH, token))


def mail(session: Session, shop: Storefront, customer: Customer, kind: str, link: str) -> None:
    send_message(
        session,
        kind=kind,
        to_email=customer.email,
        to_name=customer.name,
        language=customer.language,
        platform_id=shop.platform_id,
        store_id=shop.store_id,
        context={"link": link},
    )


def resend_verification(session: Session, shop: Storefront, customer_id: int) -> None:
    """Send the verification link again (a few times an hour at most); the caller commits."""
    customer = active_customer(session, shop.store_id, customer_id)
    if customer.email_verified_at is not None:
        raise ServiceError("customers.account.already_verified")
    if ratelimit.record_hit(RESEND_LIMIT, str(customer.id)) > RESEND_LIMIT.max_hits:
        raise ServiceError("customers.account.resend_too_many")
    send_verification(session, shop, customer)


def live_token(session: Session, store_id: int, purpose: str, token: str) -> CustomerToken | None:
    """The store's own unused, unexpired token (not redeemed: nothing is written)."""
    if not token:
        return None
    return session.exec(
        select(CustomerToken).where(
            CustomerToken.token_hash == tokens.token_hash(token),
            CustomerToken.purpose == purpose,
            CustomerToken.store_id == store_id,
            CustomerToken.used_at.is_(None),
            CustomerToken.expires_at > utcnow(),
        )
    ).first()


def redeem(session: Session, store_id: int, purpose: str, token: str) -> Customer | None:
    """The active customer a live token of this store was issued to, the token now used."""
    if live_token(session, store_id, purpose, token) is None:
        return None
    row = tokens.redeem_one_time(session, CustomerToken, purpose, token)
    if row is None:
        return None
    customer = session.get(Customer, row.customer_id)
    return customer if customer is not None and customer.is_active else None


def verify_email(session: Session, store_id: int, token: str) -> bool:
    """Mark the account of a verification link verified (once); False for a dead link."""
    customer = redeem(session, store_id, VERIFY, token)
    if customer is None:
        return False
    customer.email_verified_at = customer.email_verified_at or utcnow()
    session.add(customer)
    return True


def update_profile(
    session: Session,
    store_id: int,
    customer_id: int,
    *,
    name: str,
    language: str,
    marketing_consent: bool,
    languages: tuple[str, ...],
) -> Profile:
    """Change name, language and consent; the consent's date moves only when it changes."""
    customer = active_customer(session, store_id, customer_id)
    name = (name or "").strip()
    if errors := _profile_errors(name, language, languages):
        raise FieldErrors(errors)
    customer.name, customer.language = name, language
    if bool(marketing_consent) != customer.marketing_consent:
        customer.marketing_consent = bool(marketing_consent)
        customer.marketing_consent_at = utcnow()
    session.add(customer)
    refresh_search_text(session, customer.id)
    return profile_of(customer)
