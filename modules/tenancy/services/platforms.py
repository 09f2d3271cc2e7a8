"""Platforms: listed, created and edited by admins."""

from sqlmodel import Session, select

from modules.tenancy.models import Platform
from modules.tenancy.services.scope import require_visible, visible_platform_ids
from orion_app.errors import FieldErrors, Forbidden
from orion_app.ports import Principal
from orion_app.validation import clean, is_code, is_domain


def list_platforms(session: Session, actor: Principal) -> list[Platform]:
    query = select(Platform).order_by(Platform.code)
    ids = visible_platform_ids(session, actor)
    if ids is not None:
        query = query.where(Platform.id.in_(ids))
    return list(session.exec(query).all())


def get_platform(session: Session, actor: Principal, platform_id: int) -> Platform:
    require_visible(visible_platform_ids(session, actor), platform_id)
    platform = session.get(Platform, platform_id)
    require_visible(None, platform and platform.id)
    return platform


def get_platform_by_code(session: Session, actor: Principal, code: str) -> Platform:
    platform = session.exec(select(Platform).where(Platform.code == code)).first()
    return get_platform(session, actor, platform.id if platform else None)


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
    elif session.exec(
        select(Platform.id).where(Platform.code == values["code"], Platform.id != current_id)
    ).first():
        errors["code"] = "tenancy.platform.code_taken"
    if values["domain"] is not None:
        if not is_domain(values["domain"]):
            errors["domain"] = "orion.error.domain_format"
        elif session.exec(
            select(Platform.id).where(Platform.domain == values["domain"], Platform.id != current_id)
        ).first():
            errors["domain"] = "tenancy.platform.domain_taken"
    if len(values["description"]) > 500:
        errors["description"] = "orion.error.too_long"
    if errors:
        raise FieldErrors(errors)
    return values


def create_platform(session: Session, actor: Principal, data: dict) -> Platform:
    if not actor.is_super_admin:
        raise Forbidden()
    platform = Platform(**_validated(session, data, None))
    session.add(platform)
    session.commit()
    session.refresh(platform)
    return platform


def update_platform(session: Session, actor: Principal, platform_id: int, data: dict) -> Platform:
    platform = get_platform(session, actor, platform_id)
    values = _validated(session, data, platform.id)
    for name, value in values.items():
        setattr(platform, name, value)
    session.add(platform)
    session.commit()
    session.refresh(platform)
    return platform
