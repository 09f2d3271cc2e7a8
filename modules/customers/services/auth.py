"""Shopper sign-in, sessions and password reset, per store.

The limits are staff sign-in's (`login_*` settings), counted per store and e-mail and per
client address. Unknown, deleted and wrong-password attempts all cost one argon2 run and
get the same answer. "Forgot password" does the same work whether the e-mail has an
account or not: it queues one job, which looks the account up and mails a link only when
there is one.
"""

from sqlmodel import Session, select

from modules.customers.models import Customer, CustomerSession, CustomerToken
from modules.customers.services.accounts import (
    RESET,
    RESET_HOURS,
    RESET_PATH,
    live_token,
    mail,
    normalise_email,
    redeem,
)
from modules.customers.services.shop import Storefront
from orion_app import ratelimit
from orion_app import session_tokens as tokens
from orion_app.db import session_scope, utcnow
from orion_app.errors import FieldErrors, ServiceError
from orion_app.jobs import get_queue
from orion_app.passwords import hash_password, is_too_short, needs_rehash, verify_password
from orion_app.settings import get_settings


def _limits() -> tuple[ratelimit.Limit, ratelimit.Limit]:
    settings = get_settings()
    window = settings.login_window_seconds
    return (
        ratelimit.Limit("shopper-login-account", settings.login_max_attempts_per_account, window),
        ratelimit.Limit("shopper-login-ip", settings.login_max_attempts_per_ip, window),
    )


def sign_in(
    session: Session, store_id: int, email: str, password: str, ip: str = "", previous_token: str = ""
) -> str:
    """A new session token of the store's account for valid credentials, committed."""
    email = normalise_email(email)
    account, ip_limit = _limits()
    subject = f"{store_id}:{email}"
    if ratelimit.is_blocked(account, subject) or (ip and ratelimit.is_blocked(ip_limit, ip)):
        raise ServiceError("customers.shop.too_many")
    customer = session.exec(
        select(Customer).where(Customer.store_id == store_id, Customer.email == email)
    ).first()
    usable = customer is not None and customer.is_active
    if not verify_password(customer.password_hash if usable else None, password) or not usable:
        ratelimit.record_hit(account, subject)
        if ip:
            ratelimit.record_hit(ip_limit, ip)
        raise ServiceError("customers.shop.invalid")
    ratelimit.reset(account, subject)
    if needs_rehash(customer.password_hash):
        customer.password_hash = hash_password(password)
    if previous_token:
        sign_out(session, store_id, previous_token, commit=False)
    token = open_session(session, customer, ip)
    session.commit()
    return token


def open_session(session: Session, customer: Customer, ip: str = "") -> str:
    """A session for a customer whose credentials were just checked; the caller commits."""
    token = tokens.new_token()
    session.add(
        CustomerSession(
            token_hash=tokens.token_hash(token),
            customer_id=customer.id,
            store_id=customer.store_id,
            expires_at=tokens.expires_at(get_settings().session_ttl_hours),
            ip=ip[:64],
        )
    )
    customer.last_login_at = utcnow()
    session.add(customer)
    return token


def sign_out(session: Session, store_id: int, token: str, *, commit: bool = True) -> None:
    tokens.revoke(
        session,
        CustomerSession,
        CustomerSession.token_hash == tokens.token_hash(token),
        CustomerSession.store_id == store_id,
    )
    if commit:
        session.commit()


def sign_out_everywhere(session: Session, customer_id: int) -> int:
    """Revoke every session of the customer; the caller commits."""
    return tokens.revoke(session, CustomerSession, CustomerSession.customer_id == customer_id)


def customer_for_token(session: Session, store_id: int, token: str) -> Customer | None:
    """The active customer of a live session token of this store (never another store's)."""
    if not token:
        return None
    return session.exec(
        select(Customer)
        .join(CustomerSession, CustomerSession.customer_id == Customer.id)
        .where(
            CustomerSession.token_hash == tokens.token_hash(token),
            CustomerSession.store_id == store_id,
            Customer.store_id == store_id,
            tokens.live(CustomerSession),
            Customer.is_active.is_(True),
        )
    ).first()


def forgot_password(shop: Storefront, email: str) -> None:
    """Queue the reset mail's job: the same work and answer whether the account exists."""
    get_queue("default").enqueue(
        "modules.customers.services.auth.send_reset_link",
        shop,
        normalise_email(email)[:254],
        job_timeout=60,
    )


def send_reset_link(shop: Storefront, email: str) -> bool:
    """The job: a one-hour reset link to the store's active account of `email`, if any."""
    with session_scope() as session:
        customer = session.exec(
            select(Customer).where(
                Customer.store_id == shop.store_id, Customer.email == email, Customer.is_active.is_(True)
            )
        ).first()
        if customer is None:
            return False
        tokens.revoke_one_time(session, CustomerToken, RESET, CustomerToken.customer_id == customer.id)
        token = tokens.issue_one_time(
            session, CustomerToken, RESET, RESET_HOURS, customer_id=customer.id, store_id=shop.store_id
        )
        mail(session, shop, customer, "customers.reset_password", shop.link(RESET_PATH, token))
    return True


def reset_link_works(session: Session, store_id: int, token: str) -> bool:
    return live_token(session, store_id, RESET, token) is not None


def reset_password(session: Session, store_id: int, token: str, password: str) -> None:
    """Set a new password with a reset link (once); every session of the account ends.

    A too-short password is refused before the link is used, so it can be tried again."""
    if live_token(session, store_id, RESET, token) is None:
        raise ServiceError("customers.shop.reset_link_dead")
    if is_too_short(password or ""):
        raise FieldErrors({"password": "customers.account.password_short"})
    customer = redeem(session, store_id, RESET, token)
    if customer is None:
        raise ServiceError("customers.shop.reset_link_dead")
    customer.password_hash = hash_password(password)
    # The link came by mail: following it proves the address as well.
    customer.email_verified_at = customer.email_verified_at or utcnow()
    session.add(customer)
    sign_out_everywhere(session, customer.id)
