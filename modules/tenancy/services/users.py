"""Users (staff accounts), what admins may do to them, and store teams."""

from dataclasses import dataclass

from sqlmodel import Session, select

from modules.tenancy.models import Merchant, Platform, PlatformAdmin, Store, StoreUser, User, UserSession
from modules.tenancy.services.auth import password_error, set_password, sign_out_everywhere
from modules.tenancy.services.scope import (
    ADMIN_ROLES,
    as_id,
    platform_user_ids,
    require_admin,
    visible_merchant_ids,
    visible_row,
    visible_store_ids,
    visible_user_ids,
)
from modules.tenancy.services.stores import get_managed_store, get_store
from orion_app import session_tokens as sessions
from orion_app.errors import FieldErrors, Forbidden, NotFound
from orion_app.passwords import hash_password
from orion_app.ports import Principal
from orion_app.registry import StoreRole
from orion_app.validation import clean, is_email

ROLES = ("super_admin", "platform_admin", "merchant_owner", "store_member")


def list_users(session: Session, actor: Principal) -> list[User]:
    """Super admins see everyone; others see themselves, the members of the stores they
    see and the owners of the merchants they see (see `scope.visible_user_ids`)."""
    query = select(User).order_by(User.email)
    ids = visible_user_ids(session, actor)
    if ids is not None:
        query = query.where(User.id.in_(ids))
    return list(session.exec(query).all())


def _check_new_user(session: Session, email: str, name: str, password: str) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not is_email(email):
        errors["email"] = "orion.error.email_format"
    elif session.exec(select(User.id).where(User.email == email)).first():
        errors["email"] = "tenancy.user.email_taken"
    if not name:
        errors["name"] = "orion.error.required"
    if weak := password_error(password):
        errors["password"] = weak
    return errors


def create_user(session: Session, actor: Principal, data: dict) -> User:
    """Super admins create staff accounts of any role; anyone else is Forbidden.

    `platform_ids` (platform admins only) must name existing platforms.
    """
    if not actor.is_super_admin:
        raise Forbidden()
    email = clean(data.get("email")).lower()
    name = clean(data.get("name"))
    password = data.get("password") or ""
    role = clean(data.get("role"))
    errors = _check_new_user(session, email, name, password)
    if role not in ROLES:
        errors["role"] = "tenancy.user.role_invalid"
    platform_ids, platforms_error = _admin_platform_ids(session, role, data.get("platform_ids"))
    if platforms_error:
        errors["platform_ids"] = platforms_error
    if errors:
        raise FieldErrors(errors)
    user = User(email=email, name=name, password_hash=hash_password(password), role=role)
    session.add(user)
    session.flush()
    for platform_id in platform_ids:
        session.add(PlatformAdmin(user_id=user.id, platform_id=platform_id))
    session.commit()
    session.refresh(user)
    return user


def _admin_platform_ids(session: Session, role: str, raw) -> tuple[set[int], str | None]:
    """The platforms a new platform admin gets, and the message key when one is wrong."""
    wanted = [item for item in (raw.split(",") if isinstance(raw, str) else raw or []) if str(item).strip()]
    if not wanted:
        return set(), None
    if role != "platform_admin":
        return set(), "tenancy.user.platforms_for_platform_admins"
    ids = {as_id(item) for item in wanted}
    known = set(session.exec(select(Platform.id).where(Platform.id.in_(ids - {None}))).all())
    return known, None if known == ids else "tenancy.user.platform_unknown"


def set_user_active(session: Session, actor: Principal, user_id: int, active: bool) -> User:
    """Disable or re-enable an account; disabling revokes every session it has, and
    re-enabling brings none back (the person signs in again).

    Super admins act on anyone, platform admins on the non-admin people of the stores
    and merchants on their platforms; never on oneself (Forbidden). Out of scope: NotFound.
    """
    user = _managed_user(session, actor, user_id)
    user.is_active = active
    session.add(user)
    if active:
        session.commit()
    else:
        sign_out_everywhere(session, user.id)
    session.refresh(user)
    return user


def admin_reset_password(session: Session, actor: Principal, user_id: int, new_password: str) -> None:
    """Set someone else's password (same scope as `set_user_active`); revokes all their sessions."""
    user = _managed_user(session, actor, user_id)
    if weak := password_error(new_password):
        raise FieldErrors({"new_password": weak})
    set_password(session, user, new_password)


def _managed_user(session: Session, actor: Principal, user_id: int) -> User:
    require_admin(actor)
    if user_id == actor.user_id:
        raise Forbidden("tenancy.user.not_yourself")
    ids = None if actor.is_super_admin else platform_user_ids(session, actor.platform_ids)
    user = visible_row(session, User, ids, user_id)
    if not actor.is_super_admin and user.role in ADMIN_ROLES:
        raise Forbidden()
    return user


@dataclass(frozen=True)
class UserDetail:
    """What the admin's user page shows, each list cut to what the actor sees."""

    user: User
    platforms: list[Platform]
    merchants: list[Merchant]
    stores: list[tuple[Store, str]]
    sessions: list[UserSession]  # live ones, newest first
    manageable: bool  # whether the actor may disable, reset or sign out this person


def user_detail(session: Session, actor: Principal, user_id: int | None) -> UserDetail:
    """A user the actor's list shows (admins only; anyone else Forbidden, out of scope NotFound)."""
    require_admin(actor)
    user = visible_row(session, User, visible_user_ids(session, actor), user_id)
    platforms = (
        select(Platform)
        .join(PlatformAdmin, PlatformAdmin.platform_id == Platform.id)
        .where(PlatformAdmin.user_id == user.id)
    )
    merchants = select(Merchant).where(Merchant.owner_user_id == user.id)
    stores = (
        select(Store, StoreUser.role)
        .join(StoreUser, StoreUser.store_id == Store.id)
        .where(StoreUser.user_id == user.id)
    )
    if not actor.is_super_admin:
        platforms = platforms.where(Platform.id.in_(actor.platform_ids))
        merchants = merchants.where(Merchant.id.in_(visible_merchant_ids(session, actor)))
        stores = stores.where(Store.id.in_(visible_store_ids(session, actor)))
    live = select(UserSession).where(UserSession.user_id == user.id, sessions.live(UserSession))
    return UserDetail(
        user=user,
        platforms=list(session.exec(platforms.order_by(Platform.name)).all()),
        merchants=list(session.exec(merchants.order_by(Merchant.name)).all()),
        stores=[(store, role) for store, role in session.exec(stores.order_by(Store.name)).all()],
        sessions=list(session.exec(live.order_by(UserSession.created_at.desc())).all()),
        manageable=user.id != actor.user_id and (actor.is_super_admin or user.role not in ADMIN_ROLES),
    )


def sign_out_user(session: Session, actor: Principal, user_id: int | None) -> int:
    """End every session of someone else (same scope as `set_user_active`); how many were live."""
    user = _managed_user(session, actor, user_id)
    return sign_out_everywhere(session, user.id)


def list_team(session: Session, actor: Principal, store_id: int) -> list[tuple[User, str]]:
    store = get_store(session, actor, store_id)
    rows = session.exec(
        select(User, StoreUser.role)
        .join(StoreUser, StoreUser.user_id == User.id)
        .where(StoreUser.store_id == store.id)
        .order_by(User.name)
    ).all()
    return [(user, role) for user, role in rows]


def remove_member(session: Session, actor: Principal, store_id: int, user_id: int | None) -> None:
    """Take a person out of the team; never oneself, never the store's last owner."""
    link = _member(session, actor, store_id, user_id)
    if link.role == StoreRole.OWNER:
        _keep_an_owner(session, link, "user_id")
    session.delete(link)
    session.commit()


def change_member_role(
    session: Session, actor: Principal, store_id: int, user_id: int | None, role: str
) -> StoreUser:
    """Give a team member another store role; the store's last owner stays an owner."""
    link = _member(session, actor, store_id, user_id)
    role = clean(role)
    if role not in {r.value for r in StoreRole}:
        raise FieldErrors({"role": "tenancy.user.role_invalid"})
    if link.role == StoreRole.OWNER and role != StoreRole.OWNER:
        _keep_an_owner(session, link, "role")
    link.role = role
    session.add(link)
    session.commit()
    session.refresh(link)
    return link


def _member(session: Session, actor: Principal, store_id: int, user_id: int | None) -> StoreUser:
    """The team row of a person in a store the actor manages (NotFound for a person outside
    the team, Forbidden for oneself: nobody changes his own place in a team)."""
    store = get_managed_store(session, actor, store_id)
    if user_id == actor.user_id:
        raise Forbidden("tenancy.user.not_yourself")
    link = session.exec(
        select(StoreUser).where(StoreUser.store_id == store.id, StoreUser.user_id == user_id)
    ).first()
    if link is None:
        raise NotFound()
    return link


def _keep_an_owner(session: Session, link: StoreUser, field: str) -> None:
    """Refuse (on `field`) to take away the store's only owner."""
    others = select(StoreUser.id).where(
        StoreUser.store_id == link.store_id, StoreUser.role == StoreRole.OWNER, StoreUser.id != link.id
    )
    if session.exec(others).first() is None:
        raise FieldErrors({field: "tenancy.team.last_owner"})


def set_language(session: Session, actor: Principal, language: str) -> None:
    user = session.get(User, actor.user_id)
    if user:
        user.language = language
        session.add(user)
        session.commit()
