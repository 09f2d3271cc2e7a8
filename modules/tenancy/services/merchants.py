"""Merchants: the legal entities that own stores."""

from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, select

from modules.tenancy.models import Merchant, Platform, Store, User
from modules.tenancy.services.scope import (
    ADMIN_ROLES,
    as_id,
    platform_merchant_ids,
    require_admin,
    visible_merchant_ids,
    visible_platform_ids,
    visible_row,
    visible_store_ids,
)
from orion_app.errors import FieldErrors, Forbidden
from orion_app.ports import Principal
from orion_app.validation import clean, is_email


@dataclass(frozen=True)
class MerchantDetail:
    merchant: Merchant
    stores: list[Store]
    owner: User | None
    platform: Platform | None
    editable: bool  # whether the actor may change it (see `update_merchant`)


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
    errors = _field_errors(name, email)
    if platform_id is None and not actor.is_super_admin:
        errors["platform_id"] = "tenancy.merchant.platform_required"
    owner = _owner(session, clean(data.get("owner_email")).lower(), errors)
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
    _promote(session, owner)
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


def _field_errors(name: str, email: str) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not name:
        errors["name"] = "orion.error.required"
    if email and not is_email(email):
        errors["contact_email"] = "orion.error.email_format"
    return errors


def _owner(session: Session, owner_email: str, errors: dict[str, str]) -> User | None:
    """The user named as owner (None for a blank e-mail); an unknown e-mail or an admin adds
    to `errors`: an admin never owns a merchant, himself included."""
    owner = session.exec(select(User).where(User.email == owner_email)).first() if owner_email else None
    if owner_email and owner is None:
        errors["owner_email"] = "tenancy.merchant.owner_unknown"
    elif owner and owner.role in ADMIN_ROLES:
        errors["owner_email"] = "tenancy.merchant.owner_is_admin"
    return owner


def _promote(session: Session, owner: User | None) -> None:
    if owner and owner.role == "store_member":
        owner.role = "merchant_owner"
        session.add(owner)


def _demote_unless_owner_elsewhere(session: Session, user_id: int | None, merchant_id: int) -> None:
    """A former owner who owns no other merchant goes back to being a store member."""
    user = session.get(User, user_id) if user_id else None
    if user is None or user.role != "merchant_owner":
        return
    others = select(Merchant.id).where(Merchant.owner_user_id == user.id, Merchant.id != merchant_id)
    if session.exec(others).first() is None:
        user.role = "store_member"
        session.add(user)


def get_managed_merchant(session: Session, actor: Principal, merchant_id: int | None) -> Merchant:
    """A merchant an admin manages: any for a super admin, those registered on or with a store
    on his platforms for a platform admin (NotFound otherwise); anyone else is Forbidden."""
    require_admin(actor)
    ids = None if actor.is_super_admin else platform_merchant_ids(session, actor.platform_ids)
    return visible_row(session, Merchant, ids, merchant_id)


def merchant_detail(session: Session, actor: Principal, merchant_id: int | None) -> MerchantDetail:
    """The merchant with its stores (those the actor sees), owner and registration platform."""
    merchant = get_managed_merchant(session, actor, merchant_id)
    query = select(Store).where(Store.merchant_id == merchant.id).order_by(Store.name)
    seen = visible_store_ids(session, actor)
    if seen is not None:
        query = query.where(Store.id.in_(seen))
    return MerchantDetail(
        merchant=merchant,
        stores=list(session.exec(query).all()),
        owner=session.get(User, merchant.owner_user_id) if merchant.owner_user_id else None,
        platform=session.get(Platform, merchant.platform_id) if merchant.platform_id else None,
        editable=_may_edit(actor, merchant),
    )


def _may_edit(actor: Principal, merchant: Merchant) -> bool:
    return actor.is_super_admin or merchant.platform_id in actor.platform_ids


def update_merchant(session: Session, actor: Principal, merchant_id: int | None, data: dict) -> Merchant:
    """Name, legal details and owner (by e-mail, blank for none), checked like `create_merchant`.

    A new owner who was a store member becomes a merchant owner; the former owner, when he
    owns no other merchant, goes back to being a store member. A platform admin changes the
    merchants registered on his platforms; one he sees only through a store listed on his
    platform is Forbidden (its name and owner belong to the platform it registered on).
    """
    merchant = get_managed_merchant(session, actor, merchant_id)
    if not _may_edit(actor, merchant):
        raise Forbidden()
    name = clean(data.get("name"))
    email = clean(data.get("contact_email")).lower()
    errors = _field_errors(name, email)
    owner = _owner(session, clean(data.get("owner_email")).lower(), errors)
    if errors:
        raise FieldErrors(errors)
    previous_owner = merchant.owner_user_id
    merchant.name = name
    merchant.legal_name = clean(data.get("legal_name"))
    merchant.contact_email = email
    merchant.vat_number = clean(data.get("vat_number")).upper()
    merchant.owner_user_id = owner.id if owner else None
    session.add(merchant)
    if previous_owner != merchant.owner_user_id:
        session.flush()
        _promote(session, owner)
        _demote_unless_owner_elsewhere(session, previous_owner, merchant.id)
    session.commit()
    session.refresh(merchant)
    return merchant
