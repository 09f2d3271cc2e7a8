"""Stores, their presence on platforms (subdomains) and their custom domains."""

from sqlmodel import Session, select

from modules.contracts.public import require_room
from modules.tenancy.models import Merchant, Platform, Store, StoreDomain, StorePlatform
from modules.tenancy.services.scope import (
    as_id,
    can_manage_store,
    home_platform_id,
    platform_merchant_ids,
    require_admin,
    visible_platform_ids,
    visible_row,
    visible_store_ids,
)
from modules.tenancy.usage import stores_many
from orion_app.errors import FieldErrors, Forbidden, NotFound
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
    return visible_row(session, Store, visible_store_ids(session, actor), store_id)


def get_store_by_code(session: Session, actor: Principal, code: str) -> Store:
    """The store with this code when the actor sees it (as `get_store`); NotFound otherwise."""
    found = session.exec(select(Store.id).where(Store.code == clean(code).lower())).first()
    return get_store(session, actor, found)


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
    """A store of a merchant, on a platform with a subdomain; all fields checked first.

    Only admins create stores (anyone else: Forbidden). The platform must be in the
    actor's scope and so must the merchant; for a platform admin that is a merchant
    registered on, or with a store on, one of his platforms. Out of scope is NotFound.
    """
    require_admin(actor)
    merchant = _merchant_for_new_store(session, actor, data.get("merchant_id"))
    platform_id = as_id(data.get("platform_id"))
    if platform_id is not None:
        visible_row(session, Platform, visible_platform_ids(session, actor), platform_id)
    values = _new_store_values(data)
    errors = _new_store_errors(session, values, platform_id)
    if merchant is None:
        errors["merchant_id"] = "tenancy.store.merchant_required"
    if errors:
        raise FieldErrors(errors)
    stores = stores_many(session, [merchant.id], platform_id)[merchant.id]
    require_room(merchant.id, platform_id, "stores_limit", stores)
    subdomain = values.pop("subdomain")
    store = Store(merchant_id=merchant.id, **values)
    session.add(store)
    session.flush()
    session.add(StorePlatform(store_id=store.id, platform_id=platform_id, subdomain=subdomain, is_home=True))
    if merchant.platform_id is None:
        merchant.platform_id = platform_id
        session.add(merchant)
    session.commit()
    session.refresh(store)
    return store


def _new_store_values(data: dict) -> dict:
    code = clean(data.get("code")).lower()
    languages = _languages(data.get("languages")) or ["fr", "en", "de"]
    return {
        "code": code,
        "name": clean(data.get("name")),
        "subdomain": clean(data.get("subdomain")).lower() or code,
        "languages": ",".join(languages),
        "default_language": clean(data.get("default_language")).lower() or languages[0],
    }


def _new_store_errors(session: Session, values: dict, platform_id: int | None) -> dict[str, str]:
    errors: dict[str, str] = {}
    if platform_id is None:
        errors["platform_id"] = "tenancy.store.platform_required"
    if not values["name"]:
        errors["name"] = "orion.error.required"
    if not is_code(values["code"]):
        errors["code"] = "orion.error.code_format"
    elif session.exec(select(Store.id).where(Store.code == values["code"])).first():
        errors["code"] = "tenancy.store.code_taken"
    if not is_subdomain(values["subdomain"]):
        errors["subdomain"] = "orion.error.subdomain_format"
    elif (
        platform_id
        and session.exec(
            select(StorePlatform.id).where(
                StorePlatform.platform_id == platform_id, StorePlatform.subdomain == values["subdomain"]
            )
        ).first()
    ):
        errors["subdomain"] = "tenancy.store.subdomain_taken"
    return errors | _language_errors(values["languages"].split(","), values["default_language"])


def _language_errors(languages: list[str], default_language: str) -> dict[str, str]:
    if not languages or any(lang not in LANGUAGES for lang in languages):
        return {"languages": "tenancy.store.languages_invalid"}
    if default_language not in languages:
        return {"default_language": "tenancy.store.default_language_invalid"}
    return {}


def _merchant_for_new_store(session: Session, actor: Principal, raw) -> Merchant | None:
    merchant_id = as_id(raw)
    if merchant_id is None:
        return None
    ids = None if actor.is_super_admin else platform_merchant_ids(session, actor.platform_ids)
    return visible_row(session, Merchant, ids, merchant_id)


def update_store(session: Session, actor: Principal, store_id: int, data: dict) -> Store:
    """Name, languages and active flag; the code is the store's address and stays.

    A store out of the actor's sight is NotFound; one he sees but may not manage
    (see `can_manage_store`) is Forbidden.
    """
    store = get_managed_store(session, actor, store_id)
    name = clean(data.get("name"))
    languages = _languages(data.get("languages")) or list(store.language_list)
    default_language = clean(data.get("default_language")).lower() or store.default_language
    errors = _language_errors(languages, default_language)
    if not name:
        errors["name"] = "orion.error.required"
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
    """Serve the store's storefront (on its home platform) at a custom domain.

    Same scope as `update_store`: NotFound out of sight, Forbidden without management.
    """
    store = get_managed_store(session, actor, store_id)
    domain = clean(domain).lower().removeprefix("https://").removeprefix("http://").rstrip("/")
    if not is_domain(domain):
        raise FieldErrors({"domain": "orion.error.domain_format"})
    taken = (
        session.exec(select(StoreDomain.id).where(StoreDomain.domain == domain)).first()
        or session.exec(select(Platform.id).where(Platform.domain == domain)).first()
    )
    if taken:
        raise FieldErrors({"domain": "tenancy.store.domain_taken"})
    row = StoreDomain(store_id=store.id, platform_id=home_platform_id(session, store.id), domain=domain)
    session.add(row)
    session.commit()
    session.refresh(row)
    return row


def store_domains(session: Session, actor: Principal, store_id: int) -> list[StoreDomain]:
    """The store's custom domains, when the actor sees the store."""
    store = get_store(session, actor, store_id)
    return list(
        session.exec(
            select(StoreDomain).where(StoreDomain.store_id == store.id).order_by(StoreDomain.domain)
        ).all()
    )


def remove_store_domain(session: Session, actor: Principal, store_id: int, domain_id: int | None) -> None:
    """Stop serving the store at one of its custom domains (same scope as `add_store_domain`);
    a domain of another store is NotFound."""
    store = get_managed_store(session, actor, store_id)
    row = session.get(StoreDomain, domain_id) if domain_id is not None else None
    if row is None or row.store_id != store.id:
        raise NotFound()
    session.delete(row)
    session.commit()


def get_managed_store(session: Session, actor: Principal, store_id: int) -> Store:
    """The store when the actor may change it: NotFound out of sight, Forbidden when he sees
    it but may not manage it (see `can_manage_store`)."""
    store = get_store(session, actor, store_id)
    if not can_manage_store(session, actor, store):
        raise Forbidden()
    return store
