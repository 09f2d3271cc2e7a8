"""Stores, their presence on platforms (subdomains) and their custom domains."""

from sqlmodel import Session, select

from modules.tenancy.models import Merchant, Platform, Store, StoreDomain, StorePlatform
from modules.tenancy.services.scope import (
    can_manage_store,
    require_visible,
    visible_merchant_ids,
    visible_platform_ids,
    visible_store_ids,
)
from orion_app.errors import FieldErrors, Forbidden
from orion_app.i18n import LANGUAGES
from orion_app.ports import Principal
from orion_app.validation import clean, is_code, is_domain, is_subdomain


def list_stores(session: Session, actor: Principal, platform_id: int | None = None) -> list[Store]:
    query = select(Store).order_by(Store.name)
    ids = visible_store_ids(session, actor)
    if ids is not None:
        query = query.where(Store.id.in_(ids))
    if platform_id is not None:
        query = query.join(StorePlatform, StorePlatform.store_id == Store.id).where(
            StorePlatform.platform_id == platform_id
        )
    return list(session.exec(query).all())


def get_store(session: Session, actor: Principal, store_id: int) -> Store:
    require_visible(visible_store_ids(session, actor), store_id)
    store = session.get(Store, store_id)
    require_visible(None, store and store.id)
    return store


def store_platforms(
    session: Session, actor: Principal, store_id: int
) -> list[tuple[Platform, StorePlatform]]:
    get_store(session, actor, store_id)
    return list(
        session.exec(
            select(Platform, StorePlatform)
            .join(StorePlatform, StorePlatform.platform_id == Platform.id)
            .where(StorePlatform.store_id == store_id)
            .order_by(StorePlatform.is_home.desc(), Platform.code)
        ).all()
    )


def _languages(raw: str | list[str] | None) -> list[str]:
    items = raw.split(",") if isinstance(raw, str) else list(raw or [])
    return [code.strip().lower() for code in items if code.strip()]


def create_store(session: Session, actor: Principal, data: dict) -> Store:
    """A store of a merchant, on a platform with a subdomain; all fields checked first."""
    code = clean(data.get("code")).lower()
    name = clean(data.get("name"))
    subdomain = clean(data.get("subdomain")).lower() or code
    languages = _languages(data.get("languages")) or ["fr", "en", "de"]
    default_language = clean(data.get("default_language")).lower() or languages[0]
    errors: dict[str, str] = {}
    merchant_id = _int(data.get("merchant_id"))
    platform_id = _int(data.get("platform_id"))
    merchants = visible_merchant_ids(session, actor)
    if (
        merchant_id is None
        or session.get(Merchant, merchant_id) is None
        or (merchants is not None and merchant_id not in merchants)
    ):
        errors["merchant_id"] = "tenancy.store.merchant_required"
    elif not (actor.is_super_admin or actor.role == "platform_admin" or merchant_id in actor.merchant_ids):
        raise Forbidden()
    platforms = visible_platform_ids(session, actor)
    if (
        platform_id is None
        or session.get(Platform, platform_id) is None
        or (platforms is not None and platform_id not in platforms and not actor.merchant_ids)
    ):
        errors["platform_id"] = "tenancy.store.platform_required"
    if not name:
        errors["name"] = "orion.error.required"
    if not is_code(code):
        errors["code"] = "orion.error.code_format"
    elif session.exec(select(Store.id).where(Store.code == code)).first():
        errors["code"] = "tenancy.store.code_taken"
    if not is_subdomain(subdomain):
        errors["subdomain"] = "orion.error.subdomain_format"
    elif (
        platform_id
        and session.exec(
            select(StorePlatform.id).where(
                StorePlatform.platform_id == platform_id, StorePlatform.subdomain == subdomain
            )
        ).first()
    ):
        errors["subdomain"] = "tenancy.store.subdomain_taken"
    if not languages or any(lang not in LANGUAGES for lang in languages):
        errors["languages"] = "tenancy.store.languages_invalid"
    elif default_language not in languages:
        errors["default_language"] = "tenancy.store.default_language_invalid"
    if errors:
        raise FieldErrors(errors)
    store = Store(
        merchant_id=merchant_id,
        code=code,
        name=name,
        languages=",".join(languages),
        default_language=default_language,
    )
    session.add(store)
    session.flush()
    session.add(StorePlatform(store_id=store.id, platform_id=platform_id, subdomain=subdomain, is_home=True))
    session.commit()
    session.refresh(store)
    return store


def update_store(session: Session, actor: Principal, store_id: int, data: dict) -> Store:
    """Name, languages and active flag; the code is the store's address and stays."""
    store = get_store(session, actor, store_id)
    if not can_manage_store(actor, store):
        raise Forbidden()
    name = clean(data.get("name"))
    languages = _languages(data.get("languages")) or list(store.language_list)
    default_language = clean(data.get("default_language")).lower() or store.default_language
    errors: dict[str, str] = {}
    if not name:
        errors["name"] = "orion.error.required"
    if any(lang not in LANGUAGES for lang in languages):
        errors["languages"] = "tenancy.store.languages_invalid"
    elif default_language not in languages:
        errors["default_language"] = "tenancy.store.default_language_invalid"
    if errors:
        raise FieldErrors(errors)
    store.name = name
    store.languages = ",".join(languages)
    store.default_language = default_language
    if "is_active" in data:
        store.is_active = bool(data["is_active"])
    session.add(store)
    session.commit()
    session.refresh(store)
    return store


def add_store_domain(session: Session, actor: Principal, store_id: int, domain: str) -> StoreDomain:
    """Serve the store's storefront (on its home platform) at a custom domain."""
    store = get_store(session, actor, store_id)
    if not can_manage_store(actor, store):
        raise Forbidden()
    domain = clean(domain).lower().removeprefix("https://").removeprefix("http://").rstrip("/")
    if not is_domain(domain):
        raise FieldErrors({"domain": "orion.error.domain_format"})
    taken = (
        session.exec(select(StoreDomain.id).where(StoreDomain.domain == domain)).first()
        or session.exec(select(Platform.id).where(Platform.domain == domain)).first()
    )
    if taken:
        raise FieldErrors({"domain": "tenancy.store.domain_taken"})
    home = session.exec(
        select(StorePlatform).where(StorePlatform.store_id == store.id).order_by(StorePlatform.is_home.desc())
    ).first()
    row = StoreDomain(store_id=store.id, platform_id=home.platform_id, domain=domain)
    session.add(row)
    session.commit()
    session.refresh(row)
    return row


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
