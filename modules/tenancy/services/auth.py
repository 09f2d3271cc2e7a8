"""Sign-in with argon2id hashes, server-side sessions and per-account/per-IP rate limits."""

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
from orion_app import session_tokens as sessions
from orion_app.errors import FieldErrors, NotFound, ServiceError
from orion_app.passwords import hash_password, is_too_short, needs_rehash, verify_password
from orion_app.ports import Principal
from orion_app.records import record_from
from orion_app.settings import get_settings


def password_error(password: str) -> str | None:
    """The message key for a password too weak to set, or None."""
    return "tenancy.user.password_short" if is_too_short(password) else None


def _limits() -> tuple[ratelimit.Limit, ratelimit.Limit]:
    settings = get_settings()
    window = settings.login_window_seconds
    return (
        ratelimit.Limit("login-account", settings.login_max_attempts_per_account, window),
        ratelimit.Limit("login-ip", settings.login_max_attempts_per_ip, window),
    )


def _refuse_when_throttled(account: str, ip: str) -> None:
    account_limit, ip_limit = _limits()
    if ratelimit.is_blocked(account_limit, account) or (ip and ratelimit.is_blocked(ip_limit, ip)):
        raise ServiceError("tenancy.signin.too_many")


def _record_failure(account: str, ip: str) -> None:
    account_limit, ip_limit = _limits()
    ratelimit.record_hit(account_limit, account)
    if ip:
        ratelimit.record_hit(ip_limit, ip)


def sign_in(
    session: Session, email: str, password: str, ip: str = "", previous_token: str = ""
) -> tuple[str, User]:
    """A new session token for valid credentials; refuses when an account or IP is throttled.

    Unknown, disabled and wrong-password attempts all run one argon2 verification and get
    the same message, so neither the answer nor its timing tells which e-mails exist.
    """
    account = email.strip().lower()
    _refuse_when_throttled(account, ip)
    user = session.exec(select(User).where(User.email == account)).first()
    usable = user is not None and user.is_active
    if not verify_password(user.password_hash if usable else None, password) or not usable:
        _record_failure(account, ip)
        raise ServiceError("tenancy.signin.invalid")
    account_limit, _ = _limits()
    ratelimit.reset(account_limit, account)
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    if previous_token:
        sessions.revoke(session, UserSession, UserSession.token_hash == sessions.token_hash(previous_token))
    token = open_session(session, user, ip)
    session.commit()
    return token, user


def open_session(session: Session, user: User, ip: str = "") -> str:
    """Start a session for a user whose credentials were just checked; the caller commits."""
    token = sessions.new_token()
    session.add(
        UserSession(
            token_hash=sessions.token_hash(token),
            user_id=user.id,
            expires_at=sessions.expires_at(get_settings().session_ttl_hours),
            ip=ip[:64],
        )
    )
    user.last_login_at = utcnow()
    session.add(user)
    return token


def sign_out(session: Session, token: str) -> None:
    """Revoke this one session."""
    sessions.revoke(session, UserSession, UserSession.token_hash == sessions.token_hash(token))
    session.commit()


def sign_out_everywhere(session: Session, user_id: int) -> int:
    """Revoke every session of the user and commit (with any change pending in `session`).

    Returns how many sessions were still live.
    """
    count = sessions.revoke(session, UserSession, UserSession.user_id == user_id)
    session.commit()
    return count


def change_password(session: Session, actor: Principal, current_password: str, new_password: str) -> None:
    """Change one's own password after checking the current one (throttled like sign-in).

    Every session of the account is revoked, the current one included: the caller signs
    the person in again with `open_session` and hands out the new token.
    """
    user = session.get(User, actor.user_id)
    if user is None or not user.is_active:
        raise NotFound()
    errors: dict[str, str] = {}
    if not verify_account_password(user, current_password):
        errors["current_password"] = "tenancy.password.current_wrong"
    if weak := password_error(new_password):
        errors["new_password"] = weak
    if errors:
        raise FieldErrors(errors)
    set_password(session, user, new_password)


def verify_account_password(user: User, password: str, ip: str = "") -> bool:
    """Whether `password` is the user's, counted against sign-in's per-account and per-IP
    limits (ServiceError `tenancy.signin.too_many` while they are reached)."""
    _refuse_when_throttled(user.email, ip)
    if verify_password(user.password_hash, password):
        return True
    _record_failure(user.email, ip)
    return False


def set_password(session: Session, user: User, password: str) -> None:
    """Store a new hash and revoke every session of the user (for checked passwords only)."""
    user.password_hash = hash_password(password)
    session.add(user)
    sign_out_everywhere(session, user.id)


def user_for_token(session: Session, token: str) -> User | None:
    """The user of a live (not expired, not revoked) session token."""
    if not token:
        return None
    return session.exec(
        select(User)
        .join(UserSession, UserSession.user_id == User.id)
        .where(
            UserSession.token_hash == sessions.token_hash(token),
            sessions.live(UserSession),
            User.is_active.is_(True),
        )
    ).first()


def principal_of(session: Session, user: User) -> Principal:
    """The user's role and the platforms, merchants and stores they act in."""
    platform_ids = session.exec(
        select(PlatformAdmin.platform_id).where(PlatformAdmin.user_id == user.id)
    ).all()
    merchant_ids = session.exec(select(Merchant.id).where(Merchant.owner_user_id == user.id)).all()
    store_roles = session.exec(
        select(StoreUser.store_id, StoreUser.role).where(StoreUser.user_id == user.id)
    ).all()
    return record_from(
        Principal,
        user,
        user_id=user.id,
        platform_ids=frozenset(platform_ids),
        merchant_ids=frozenset(merchant_ids),
        store_roles=dict(store_roles),
    )


def purge_expired_sessions(session: Session) -> int:
    """Delete sessions that expired or were revoked more than a day ago."""
    count = sessions.purge(session, UserSession)
    session.commit()
    return count
