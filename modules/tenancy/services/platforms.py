"""Platforms: listed, created and edited by admins."""

from sqlmodel import Session, select

from modules.tenancy.models import Platform
from modules.tenancy.services.scope import require_admin, visible_platform_ids, visible_row
from orion_app.errors import FieldErrors, Forbidden
from orion_app.ports import Principal
from orion_app.validation import clean, is_code, is_domain


def list_platforms(session: Session, actor: Principal) -> list[Platform]:
    query = select(Platform).order_by(Platform.code)
    ids = visible_platform_ids(session, actor)
    if ids is not None:
        query = query.where(Platform.id.in_(ids))
    return list(session.exec(query).all())


def get_platform(session: Session, actor: Principal, platform_id: int | None) -> Platform:
    """A platform in the actor's scope (any for super admins, their own for platform admins)."""
    return visible_row(session, Platform, visible_platform_ids(session, actor), platform_id)


def managed_platform(session: Session, actor: Principal, platform_id: int | None) -> Platform:
    """A platform the actor administers: Forbidden for non-admins, NotFound out of scope."""
    require_admin(actor)
    return get_platform(session, actor, platform_id)


def get_platform_by_code(session: Session, actor: Principal, code: str) -> Platform:
    """The same scope check as `get_platform`; an unknown code is NotFound like a foreign one."""
    platform = session.exec(select(Platform).where(Platform.code == code)).first()
    return get_platform(session, actor, platform.id if platform else None)


def _taken(session: Session, column, value: str, current_id: int | None) -> bool:
    """Another platform than `current_id` already has `value` in this unique column."""
    return (
        session.exec(select(Platform.id).where(column == value, Platform.id != current_id)).first()
        is not None
    )


def _validated(session: Session, data: dict, current_id: int | None) -> dict:
    values = {
        "code": clean(data.get("code")).lower(),
        "name": clean(data.get("name")),
        "domain": clean(data.get("domain")).lower() or None,
        "description": clean(data.get("description")),
    }
    errors: dict[str, str] = {}
    if not values["name"]:
        errors["name"] = "orion.error.required"
    if not is_code(values["code"]):
        errors["code"] = "orion.error.code_format"
    elif _taken(session, Platform.code, values["code"], current_id):
        errors["code"] = "tenancy.platform.code_taken"
    if values["domain"] is not None:
        if not is_domain(values["domain"]):
            errors["domain"] = "orion.error.domain_format"
        elif _taken(session, Platform.domain, values["domain"], current_id):
            errors["domain"] = "tenancy.platform.domain_taken"
    if len(values["description"]) > 500:
        errors["description"] = "orion.error.too_long"
    if errors:
        raise FieldErrors(errors)
    return values


def create_platform(session: Session, actor: Principal, data: dict) -> Platform:
    """Super admins only."""
    if not actor.is_super_admin:
        raise Forbidden()
    platform = Platform(**_validated(session, data, None))
    session.add(platform)
    session.commit()
    session.refresh(platform)
    return platform


def update_platform(session: Session, actor: Principal, platform_id: int, data: dict) -> Platform:
    """Super admins edit any platform, platform admins their own (others are NotFound);
    anyone else is Forbidden."""
    platform = managed_platform(session, actor, platform_id)
    values = _validated(session, data, platform.id)
    for name, value in values.items():
        setattr(platform, name, value)
    session.add(platform)
    session.commit()
    session.refresh(platform)
    return platform
