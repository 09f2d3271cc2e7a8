"""Merchants: the legal entities that own stores."""

from sqlalchemy import func
from sqlmodel import Session, select

from modules.tenancy.models import Merchant, Store, User
from modules.tenancy.services.scope import require_visible, visible_merchant_ids
from orion_app.errors import FieldErrors, Forbidden
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
    require_visible(visible_merchant_ids(session, actor), merchant_id)
    merchant = session.get(Merchant, merchant_id)
    require_visible(None, merchant and merchant.id)
    return merchant


def create_merchant(session: Session, actor: Principal, data: dict) -> Merchant:
    """Super and platform admins register merchants; the owner is an existing user's e-mail."""
    if actor.role not in ("super_admin", "platform_admin"):
        raise Forbidden()
    name = clean(data.get("name"))
    email = clean(data.get("contact_email")).lower()
    owner_email = clean(data.get("owner_email")).lower()
    errors: dict[str, str] = {}
    if not name:
        errors["name"] = "orion.error.required"
    if email and not is_email(email):
        errors["contact_email"] = "orion.error.email_format"
    owner = None
    if owner_email:
        owner = session.exec(select(User).where(User.email == owner_email)).first()
        if owner is None:
            errors["owner_email"] = "tenancy.merchant.owner_unknown"
    if errors:
        raise FieldErrors(errors)
    merchant = Merchant(
        name=name,
        legal_name=clean(data.get("legal_name")),
        contact_email=email,
        vat_number=clean(data.get("vat_number")).upper(),
        owner_user_id=owner.id if owner else None,
    )
    if owner and owner.role == "store_member":
        owner.role = "merchant_owner"
        session.add(owner)
    session.add(merchant)
    session.commit()
    session.refresh(merchant)
    return merchant
