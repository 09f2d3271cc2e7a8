"""Team invitations by e-mail: a single-use link that lets a person join a store's team.

The inviter never sets anyone's password. A new person chooses theirs when accepting; a
person who already has an account proves it with their password (see `accept_invitation`).
"""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, select

from modules.contracts.public import require_room
from modules.messaging.public import send_message
from modules.tenancy.models import Store, StoreUser, User, UserToken
from modules.tenancy.services.auth import password_error, verify_account_password
from modules.tenancy.services.scope import can_manage_store, home_platform_id
from modules.tenancy.services.stores import get_store
from orion_app import session_tokens as tokens
from orion_app.db import utcnow
from orion_app.errors import FieldErrors, Forbidden, NotFound, ServiceError
from orion_app.i18n import translate
from orion_app.passwords import hash_password
from orion_app.ports import Principal
from orion_app.registry import Frontend, StoreRole
from orion_app.routes import frontend_url
from orion_app.validation import clean, is_email

INVITATION = "invitation"
INVITATION_HOURS = 7 * 24
KIND = "tenancy.team_invitation"
# Who may give which role: nobody invites above their own place in the store.
RANK = {StoreRole.VIEWER: 1, StoreRole.STAFF: 2, StoreRole.MANAGER: 3, StoreRole.OWNER: 4}


@dataclass(frozen=True)
class PendingInvitation:
    id: int
    email: str
    name: str
    role: str
    created_at: datetime
    expires_at: datetime
    expired: bool


@dataclass(frozen=True)
class InvitationPreview:
    """What the acceptance page shows before anything is redeemed."""

    store_name: str
    email: str
    name: str
    role: str
    has_account: bool


def _actor_rank(session: Session, actor: Principal, store: Store) -> int:
    if can_manage_store(session, actor, store):
        return RANK[StoreRole.OWNER]
    return RANK.get(actor.store_roles.get(store.id, ""), 0)


def _inviting_store(session: Session, actor: Principal, store_id: int) -> tuple[Store, int]:
    """The store and the actor's rank in it; NotFound out of sight, Forbidden below manager."""
    store = get_store(session, actor, store_id)
    rank = _actor_rank(session, actor, store)
    if rank < RANK[StoreRole.MANAGER]:
        raise Forbidden()
    return store, rank


def _pending(store_id: int):
    return select(UserToken).where(
        UserToken.purpose == INVITATION, UserToken.store_id == store_id, UserToken.used_at.is_(None)
    )


def list_invitations(session: Session, actor: Principal, store_id: int) -> list[PendingInvitation]:
    """Invitations of the store not yet accepted or revoked, newest first (expired ones too)."""
    store, _ = _inviting_store(session, actor, store_id)
    now = utcnow()
    rows = session.exec(_pending(store.id).order_by(UserToken.created_at.desc(), UserToken.id.desc())).all()
    return [
        PendingInvitation(
            id=row.id,
            email=row.email,
            name=row.name,
            role=row.role,
            created_at=row.created_at,
            expires_at=row.expires_at,
            expired=row.expires_at <= now,
        )
        for row in rows
    ]


def invite_member(session: Session, actor: Principal, store_id: int, data: dict, origin: str) -> str:
    """Mail an invitation to join the store with a role; returns the e-mail. A newer
    invitation to the same address replaces the older one. `origin` starts the link."""
    store, rank = _inviting_store(session, actor, store_id)
    email = clean(data.get("email")).lower()
    name = clean(data.get("name"))
    role = clean(data.get("role"))
    errors: dict[str, str] = {}
    if not is_email(email):
        errors["email"] = "orion.error.email_format"
    elif _is_member(session, store.id, email):
        errors["email"] = "tenancy.team.already_member"
    if not name:
        errors["name"] = "orion.error.required"
    if role not in RANK:
        errors["role"] = "tenancy.user.role_invalid"
    elif RANK[StoreRole(role)] > rank:
        errors["role"] = "tenancy.invitation.role_above_yours"
    if errors:
        raise FieldErrors(errors)
    _require_team_room(session, store, email)
    _send(session, store, email=email, name=name, role=role, invited_by=actor.user_id, origin=origin)
    session.commit()
    return email


def resend_invitation(session: Session, actor: Principal, store_id: int, invitation_id, origin: str) -> str:
    """Mail a new link for a pending invitation (the old link stops working); a fresh validity."""
    row = _managed_invitation(session, actor, store_id, invitation_id)
    store = session.get(Store, row.store_id)
    _send(
        session, store, email=row.email, name=row.name, role=row.role, invited_by=actor.user_id, origin=origin
    )
    session.commit()
    return row.email


def revoke_invitation(session: Session, actor: Principal, store_id: int, invitation_id) -> str:
    """Make a pending invitation's link useless; returns its e-mail."""
    row = _managed_invitation(session, actor, store_id, invitation_id)
    tokens.revoke_one_time(session, UserToken, INVITATION, UserToken.id == row.id)
    session.commit()
    return row.email


def _managed_invitation(session: Session, actor: Principal, store_id: int, invitation_id) -> UserToken:
    """A pending invitation of this store (NotFound otherwise) of a role the actor may give."""
    store, rank = _inviting_store(session, actor, store_id)
    row = session.exec(_pending(store.id).where(UserToken.id == invitation_id)).first()
    if row is None:
        raise NotFound()
    if RANK.get(row.role, RANK[StoreRole.OWNER]) > rank:
        raise Forbidden()
    return row


def _is_member(session: Session, store_id: int, email: str) -> bool:
    return (
        session.exec(
            select(StoreUser.id)
            .join(User, User.id == StoreUser.user_id)
            .where(StoreUser.store_id == store_id, User.email == email)
        ).first()
        is not None
    )


def _require_team_room(session: Session, store: Store, email: str) -> None:
    """The plan's `team_members` limit, counting members and other pending invitations."""
    members = session.exec(select(func.count()).where(StoreUser.store_id == store.id)).one()
    pending = session.exec(
        select(func.count())
        .select_from(UserToken)
        .where(
            UserToken.purpose == INVITATION,
            UserToken.store_id == store.id,
            UserToken.used_at.is_(None),
            UserToken.expires_at > utcnow(),
            UserToken.email != email,
        )
    ).one()
    require_room(store.merchant_id, home_platform_id(session, store.id), "team_members", members + pending)


def _send(session: Session, store: Store, *, email: str, name: str, role: str, invited_by: int, origin: str):
    """Replace any pending link to this address with a new one, and queue the mail."""
    tokens.revoke_one_time(
        session, UserToken, INVITATION, UserToken.store_id == store.id, UserToken.email == email
    )
    token = tokens.issue_one_time(
        session,
        UserToken,
        INVITATION,
        INVITATION_HOURS,
        store_id=store.id,
        email=email,
        name=name,
        role=role,
        invited_by=invited_by,
    )
    existing = session.exec(select(User).where(User.email == email)).first()
    language = (existing.language if existing else None) or store.default_language
    inviter = session.get(User, invited_by)
    send_message(
        session,
        kind=KIND,
        to_email=email,
        to_name=name,
        language=language,
        platform_id=home_platform_id(session, store.id),
        store_id=store.id,
        context={
            "inviter_name": inviter.name if inviter else "",
            "role_name": translate(f"tenancy.store_role.{role}", language),
            "link": f"{origin}{frontend_url(Frontend.STORE, 'invitation', store=store.code)}?token={token}",
            "valid_days": INVITATION_HOURS // 24,
        },
    )


def _live(token: str):
    return select(UserToken).where(
        UserToken.token_hash == tokens.token_hash(token or ""),
        UserToken.purpose == INVITATION,
        UserToken.used_at.is_(None),
        UserToken.expires_at > utcnow(),
    )


def preview_invitation(session: Session, store_id: int, token: str) -> InvitationPreview | None:
    """The invitation behind a live link of this store, without using it; None otherwise."""
    row = session.exec(_live(token).where(UserToken.store_id == store_id)).first()
    if row is None:
        return None
    store = session.get(Store, row.store_id)
    has_account = session.exec(select(User.id).where(User.email == row.email)).first() is not None
    return InvitationPreview(
        store_name=store.name, email=row.email, name=row.name, role=row.role, has_account=has_account
    )


def accept_invitation(session: Session, store_id: int, token: str, data: dict, ip: str = "") -> str:
    """Join the team with the invited role; returns the e-mail to sign in with.

    A new person gives a name and a password. Someone who already has an account gives
    that account's password (throttled like sign-in): the link alone proves the mailbox,
    not the account, and must not attach an account to a team its owner never agreed to.
    The link works once (ServiceError `tenancy.invitation.invalid` when used, revoked,
    expired or of another store).
    """
    row = session.exec(_live(token).where(UserToken.store_id == store_id)).first()
    if row is None:
        raise ServiceError("tenancy.invitation.invalid")
    user = session.exec(select(User).where(User.email == row.email)).first()
    password = str(data.get("password") or "")
    if user is not None:
        if not user.is_active:
            raise ServiceError("tenancy.invitation.account_disabled")
        if not verify_account_password(user, password, ip):
            raise FieldErrors({"password": "tenancy.invitation.password_wrong"})
    else:
        name = clean(data.get("name"))
        errors = {"name": "orion.error.required"} if not name else {}
        if weak := password_error(password):
            errors["password"] = weak
        if errors:
            raise FieldErrors(errors)
    if tokens.redeem_one_time(session, UserToken, INVITATION, token) is None:
        raise ServiceError("tenancy.invitation.invalid")
    if user is None:
        user = User(email=row.email, name=name, password_hash=hash_password(password), role="store_member")
        session.add(user)
        session.flush()
    if not _is_member(session, row.store_id, row.email):
        session.add(StoreUser(store_id=row.store_id, user_id=user.id, role=row.role))
    session.commit()
    return row.email
