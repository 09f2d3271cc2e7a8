"""Merchants: the legal entities that own stores."""

from sqlalchemy import func
from sqlmodel import Session, select

from modules.tenancy.models import Merchant, Platform, Store, User
from modules.tenancy.services.scope import (
    ADMIN_ROLES,
    as_id,
    require_admin,
    visible_merchant_ids,
    visible_platform_ids,
    visible_row,
)
from orion_app.errors import FieldErrors
from orion_app.ports import Principal
from orion_app.validation import clean, is_email


def list_merchants(session: Session, actor: Principal) -> list[tuple[Merchant, int]]:
    """Merchants the actor may see, each with its number of stores."""
    query = select(Merchant).order_by(Merchant.name)
    ids = visible_merchant_ids(session, actor)
    if ids is not None:
        query = query.where(Merchant.id.in_(ids))
    merchants = list(session.exec(query).all())
    counts = dict(
        session.exec(
            select(Store.merchant_id, func.count(Store.id))
            .where(Store.merchant_id.in_([m.id for m in merchants]))
            .group_by(Store.merchant_id)
        ).all()
    )
    return [(m, counts.get(m.id, 0)) for m in merchants]


def get_merchant(session: Session, actor: Principal, merchant_id: int) -> Merchant:
    return visible_row(session, Merchant, visible_merchant_ids(session, actor), merchant_id)


def create_merchant(session: Session, actor: Principal, data: dict) -> Merchant:
    """Super and platform admins register a merchant; anyone else is Forbidden.

    The owner, when named, is an existing user who is not an admin: an admin never owns
    a merchant, himself included. A platform admin registers the merchant on one of his
    platforms (his only one when the form names none), so it is his to give a first store;
    another platform is NotFound. A super admin may leave the platform open: the first
    store's platform fills it in.
    """
    require_admin(actor)
    platform_id = _registration_platform(session, actor, data.get("platform_id"))
    name = clean(data.get("name"))
    email = clean(data.get("contact_email")).lower()
    owner_email = clean(data.get("owner_email")).lower()
    errors: dict[str, str] = {}
    if not name:
        errors["name"] = "orion.error.required"
    if email and not is_email(email):
        errors["contact_email"] = "orion.error.email_format"
    if platform_id is None and not actor.is_super_admin:
        errors["platform_id"] = "tenancy.merchant.platform_required"
    owner = session.exec(select(User).where(User.email == owner_email)).first() if owner_email else None
    if owner_email and owner is None:
        errors["owner_email"] = "tenancy.merchant.owner_unknown"
    elif owner and owner.role in ADMIN_ROLES:
        errors["owner_email"] = "tenancy.merchant.owner_is_admin"
    if errors:
        raise FieldErrors(errors)
    merchant = Merchant(
        name=name,
        legal_name=clean(data.get("legal_name")),
        contact_email=email,
        vat_number=clean(data.get("vat_number")).upper(),
        owner_user_id=owner.id if owner else None,
        platform_id=platform_id,
    )
    if owner and owner.role == "store_member":
        owner.role = "merchant_owner"
        session.add(owner)
    session.add(merchant)
    session.commit()
    session.refresh(merchant)
    return merchant


def _registration_platform(session: Session, actor: Principal, raw) -> int | None:
    """The platform named in the form, in the actor's scope; else a platform admin's only one."""
    platform_id = as_id(raw)
    if platform_id is not None:
        return visible_row(session, Platform, visible_platform_ids(session, actor), platform_id).id
    if actor.role == "platform_admin" and len(actor.platform_ids) == 1:
        return next(iter(actor.platform_ids))
    return None
