"""A staff member's own profile: name, language and the sessions they are signed in with."""

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, select

from modules.tenancy.models import User, UserSession
from orion_app import session_tokens as tokens
from orion_app.errors import FieldErrors, NotFound
from orion_app.i18n import LANGUAGES
from orion_app.ports import Principal
from orion_app.validation import clean


@dataclass(frozen=True)
class OwnSession:
    created_at: datetime
    ip: str
    current: bool  # the session this browser is using


def update_profile(session: Session, actor: Principal, data: dict) -> User:
    """Change one's own name and dashboard language; errors next to each field."""
    user = session.get(User, actor.user_id)
    if user is None or not user.is_active:
        raise NotFound()
    name = clean(data.get("name"))
    language = clean(data.get("language"))
    errors: dict[str, str] = {}
    if not name:
        errors["name"] = "orion.error.required"
    elif len(name) > 120:
        errors["name"] = "tenancy.profile.name_long"
    if language not in LANGUAGES:
        errors["language"] = "tenancy.profile.language_invalid"
    if errors:
        raise FieldErrors(errors)
    user.name, user.language = name, language
    session.add(user)
    session.commit()
    session.refresh(user)
    return user


def own_sessions(session: Session, actor: Principal, current_token: str) -> list[OwnSession]:
    """The actor's live sessions, newest first; never anybody else's."""
    current = tokens.token_hash(current_token) if current_token else ""
    rows = session.exec(
        select(UserSession)
        .where(UserSession.user_id == actor.user_id, tokens.live(UserSession))
        .order_by(UserSession.created_at.desc(), UserSession.id.desc())
    ).all()
    return [
        OwnSession(created_at=row.created_at, ip=row.ip, current=row.token_hash == current) for row in rows
    ]
