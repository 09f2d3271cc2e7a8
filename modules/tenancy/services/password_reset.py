"""Forgotten staff passwords: a single-use link, valid one hour, mailed to the account.

Asking never tells whether the e-mail has an account: the request only counts the attempt
and queues a job (the same work for every address), and the job looks the account up.
"""

from sqlmodel import Session, select

from modules.messaging.public import send_message
from modules.tenancy.models import Platform, User, UserToken
from modules.tenancy.services.auth import password_error, set_password
from orion_app import ratelimit
from orion_app import session_tokens as tokens
from orion_app.db import utcnow
from orion_app.errors import FieldErrors, ServiceError
from orion_app.jobs import get_queue
from orion_app.settings import get_settings
from orion_app.validation import clean

RESET = "reset_password"
RESET_HOURS = 1
KIND = "tenancy.reset_password"
# Per address: a few links an hour is plenty for a person, and stops mail-bombing a
# colleague. Per client address: enough for an office behind one IP.
LIMITS = (
    ratelimit.Limit("reset-email", 3, 3600),
    ratelimit.Limit("reset-ip", 20, 3600),
)


def request_reset(email: str, ip: str, link: str, platform_id: int | None) -> None:
    """Count the request and queue `send_reset_link`; ServiceError `tenancy.reset.too_many`
    once this address or client asked too often. `link` is the reset page's absolute URL;
    `platform_id` the store dashboard's platform (None on the admin: the main platform)."""
    email = clean(email).lower()
    subjects = ((LIMITS[0], email), (LIMITS[1], ip))
    if any(subject and ratelimit.is_blocked(limit, subject) for limit, subject in subjects):
        raise ServiceError("tenancy.reset.too_many")
    for limit, subject in subjects:
        if subject:
            ratelimit.record_hit(limit, subject)
    get_queue("default").enqueue(
        "modules.tenancy.jobs.send_reset_link", email, link, platform_id, description="Password reset"
    )


def send_reset_link(session: Session, email: str, link: str, platform_id: int | None) -> bool:
    """Mail a new reset link to the active account with this e-mail (older links stop
    working); False, and nothing sent, when there is no such account."""
    user = session.exec(select(User).where(User.email == email, User.is_active.is_(True))).first()
    if user is None:
        return False
    tokens.revoke_one_time(session, UserToken, RESET, UserToken.user_id == user.id)
    token = tokens.issue_one_time(session, UserToken, RESET, RESET_HOURS, user_id=user.id, email=email)
    send_message(
        session,
        kind=KIND,
        to_email=user.email,
        to_name=user.name,
        language=user.language,
        platform_id=platform_id or _main_platform_id(session),
        context={"link": f"{link}?token={token}", "valid_minutes": RESET_HOURS * 60},
    )
    session.commit()
    return True


def _main_platform_id(session: Session) -> int:
    code = get_settings().main_platform_code
    return session.exec(select(Platform.id).where(Platform.code == code)).one()


def reset_link_is_live(session: Session, token: str) -> bool:
    return session.exec(_live(token)).first() is not None


def reset_password(session: Session, token: str, password: str) -> str:
    """Set the password of the link's account, once; every session of it ends. Returns the
    e-mail. ServiceError `tenancy.reset.invalid` for a used, expired or unknown link."""
    if session.exec(_live(token)).first() is None:
        raise ServiceError("tenancy.reset.invalid")
    if weak := password_error(password):
        raise FieldErrors({"password": weak})
    row = tokens.redeem_one_time(session, UserToken, RESET, token)
    user = session.get(User, row.user_id) if row else None
    if user is None or not user.is_active:
        raise ServiceError("tenancy.reset.invalid")
    set_password(session, user, password)
    return user.email


def _live(token: str):
    return select(UserToken.id).where(
        UserToken.token_hash == tokens.token_hash(token or ""),
        UserToken.purpose == RESET,
        UserToken.used_at.is_(None),
        UserToken.expires_at > utcnow(),
    )
