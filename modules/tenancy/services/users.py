"""Users (staff accounts) and store teams."""

from sqlmodel import Session, select

from modules.tenancy.models import PlatformAdmin, Store, StoreUser, User
from modules.tenancy.services.auth import hash_password
from modules.tenancy.services.scope import can_manage_store, visible_store_ids
from modules.tenancy.services.stores import get_store
from orion_app.errors import FieldErrors, Forbidden, NotFound
from orion_app.ports import Principal
from orion_app.registry import StoreRole
from orion_app.validation import clean, is_email

ROLES = ("super_admin", "platform_admin", "merchant_owner", "store_member")
MIN_PASSWORD_LENGTH = 10


def list_users(session: Session, actor: Principal) -> list[User]:
    """Super admins see everyone; others see the users of the stores they can see."""
    query = select(User).order_by(User.email)
    stores = visible_store_ids(session, actor)
    if stores is not None:
        members = select(StoreUser.user_id).where(StoreUser.store_id.in_(stores))
        query = query.where(User.id.in_(members) | (User.id == actor.user_id))
    return list(session.exec(query).all())


def _check_new_user(session: Session, email: str, name: str, password: str) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not is_email(email):
        errors["email"] = "orion.error.email_format"
    elif session.exec(select(User.id).where(User.email == email)).first():
        errors["email"] = "tenancy.user.email_taken"
    if not name:
        errors["name"] = "orion.error.required"
    if len(password) < MIN_PASSWORD_LENGTH:
        errors["password"] = "tenancy.user.password_short"
    return errors


def create_user(session: Session, actor: Principal, data: dict) -> User:
    """Super admins create staff accounts of any role (platform admins get their platforms)."""
    if not actor.is_super_admin:
        raise Forbidden()
    email = clean(data.get("email")).lower()
    name = clean(data.get("name"))
    password = data.get("password") or ""
    role = clean(data.get("role"))
    errors = _check_new_user(session, email, name, password)
    if role not in ROLES:
        errors["role"] = "tenancy.user.role_invalid"
    if errors:
        raise FieldErrors(errors)
    user = User(email=email, name=name, password_hash=hash_password(password), role=role)
    session.add(user)
    session.flush()
    for platform_id in data.get("platform_ids") or []:
        session.add(PlatformAdmin(user_id=user.id, platform_id=int(platform_id)))
    session.commit()
    session.refresh(user)
    return user


def list_team(session: Session, actor: Principal, store_id: int) -> list[tuple[User, str]]:
    store = get_store(session, actor, store_id)
    rows = session.exec(
        select(User, StoreUser.role)
        .join(StoreUser, StoreUser.user_id == User.id)
        .where(StoreUser.store_id == store.id)
        .order_by(User.name)
    ).all()
    return [(user, role) for user, role in rows]


def add_member(session: Session, actor: Principal, store_id: int, data: dict) -> User:
    """Give a person a role in the store, creating their account when the e-mail is new."""
    store: Store = get_store(session, actor, store_id)
    if not can_manage_store(actor, store):
        raise Forbidden()
    email = clean(data.get("email")).lower()
    role = clean(data.get("role"))
    errors: dict[str, str] = {}
    if role not in {r.value for r in StoreRole}:
        errors["role"] = "tenancy.user.role_invalid"
    user = session.exec(select(User).where(User.email == email)).first() if email else None
    if user is None:
        errors |= _check_new_user(session, email, clean(data.get("name")), data.get("password") or "")
    elif session.exec(
        select(StoreUser.id).where(StoreUser.store_id == store.id, StoreUser.user_id == user.id)
    ).first():
        errors["email"] = "tenancy.team.already_member"
    if errors:
        raise FieldErrors(errors)
    if user is None:
        user = User(
            email=email,
            name=clean(data.get("name")),
            password_hash=hash_password(data["password"]),
            role="store_member",
        )
        session.add(user)
        session.flush()
    session.add(StoreUser(store_id=store.id, user_id=user.id, role=role))
    session.commit()
    session.refresh(user)
    return user


def remove_member(session: Session, actor: Principal, store_id: int, user_id: int) -> None:
    store = get_store(session, actor, store_id)
    if not can_manage_store(actor, store) or user_id == actor.user_id:
        raise Forbidden()
    link = session.exec(
        select(StoreUser).where(StoreUser.store_id == store.id, StoreUser.user_id == user_id)
    ).first()
    if link is None:
        raise NotFound()
    session.delete(link)
    session.commit()


def set_language(session: Session, actor: Principal, language: str) -> None:
    user = session.get(User, actor.user_id)
    if user:
        user.language = language
        session.add(user)
        session.commit()
