"""Sign-in with argon2id hashes, server-side sessions and per-account/per-IP rate limits."""

import hashlib
import secrets
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlmodel import Session, select

from modules.tenancy.models import (
    Merchant,
    PlatformAdmin,
    StoreUser,
    User,
    UserSession,
    utcnow,
)
from orion_app import ratelimit
from orion_app.errors import ServiceError
from orion_app.ports import Principal
from orion_app.settings import get_settings

_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _limits() -> tuple[ratelimit.Limit, ratelimit.Limit]:
    settings = get_settings()
    window = settings.login_window_seconds
    return (
        ratelimit.Limit("login-account", settings.login_max_attempts_per_account, window),
        ratelimit.Limit("login-ip", settings.login_max_attempts_per_ip, window),
    )


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def sign_in(
    session: Session, email: str, password: str, ip: str = "", previous_token: str = ""
) -> tuple[str, User]:
    """A new session token for valid credentials; refuses when an account or IP is throttled."""
    account_limit, ip_limit = _limits()
    account = email.strip().lower()
    if ratelimit.is_blocked(account_limit, account) or (ip and ratelimit.is_blocked(ip_limit, ip)):
        raise ServiceError("tenancy.signin.too_many")
    user = session.exec(select(User).where(User.email == account)).first()
    if user is None or not user.is_active or not verify_password(user.password_hash, password):
        ratelimit.record_hit(account_limit, account)
        if ip:
            ratelimit.record_hit(ip_limit, ip)
        raise ServiceError("tenancy.signin.invalid")
    ratelimit.reset(account_limit, account)
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    if previous_token:
        sign_out(session, previous_token)
    token = secrets.token_urlsafe(32)
    now = utcnow()
    session.add(
        UserSession(
            token_hash=_token_hash(token),
            user_id=user.id,
            expires_at=now + timedelta(hours=get_settings().session_ttl_hours),
            ip=ip[:64],
        )
    )
    user.last_login_at = now
    session.add(user)
    session.commit()
    return token, user


def sign_out(session: Session, token: str) -> None:
    row = session.exec(select(UserSession).where(UserSession.token_hash == _token_hash(token))).first()
    if row and row.revoked_at is None:
        row.revoked_at = utcnow()
        session.add(row)
        session.commit()


def user_for_token(session: Session, token: str) -> User | None:
    """The user of a live (not expired, not revoked) session token."""
    if not token:
        return None
    row = session.exec(
        select(User)
        .join(UserSession, UserSession.user_id == User.id)
        .where(
            UserSession.token_hash == _token_hash(token),
            UserSession.revoked_at.is_(None),
            UserSession.expires_at > utcnow(),
            User.is_active.is_(True),
        )
    ).first()
    return row


def principal_of(session: Session, user: User) -> Principal:
    """The user's role and the platforms, merchants and stores they act in."""
    platform_ids = session.exec(
        select(PlatformAdmin.platform_id).where(PlatformAdmin.user_id == user.id)
    ).all()
    merchant_ids = session.exec(select(Merchant.id).where(Merchant.owner_user_id == user.id)).all()
    store_roles = session.exec(
        select(StoreUser.store_id, StoreUser.role).where(StoreUser.user_id == user.id)
    ).all()
    return Principal(
        user_id=user.id,
        email=user.email,
        name=user.name,
        role=user.role,
        language=user.language,
        platform_ids=frozenset(platform_ids),
        merchant_ids=frozenset(merchant_ids),
        store_roles=dict(store_roles),
    )


def purge_expired_sessions(session: Session) -> int:
    """Delete sessions that expired or were revoked more than a day ago."""
    cutoff = utcnow() - timedelta(days=1)
    rows = session.exec(
        select(UserSession).where(
            (UserSession.expires_at < utcnow())
            | (UserSession.revoked_at.is_not(None) & (UserSession.revoked_at < cutoff))
        )
    ).all()
    for row in rows:
        session.delete(row)
    session.commit()
    return len(rows)
