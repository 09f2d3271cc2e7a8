"""Demo platforms, merchants, stores and users; running it twice changes nothing."""

from sqlmodel import Session, select

from modules.tenancy.models import (
    Merchant,
    Platform,
    PlatformAdmin,
    Store,
    StoreDomain,
    StorePlatform,
    StoreUser,
    User,
)
from orion_app.enablement import module_config, save_module_config
from orion_app.passwords import hash_password

DEMO_PASSWORD = "orion-demo-2026"
PLATFORMS = [
    ("main", "Orion", "orion.localhost", "The Orion commerce platform."),
    ("oms", "OMS Flow", "omsflow.localhost", "Order management for marketplace sellers."),
    ("loyalty", "Loyalty Flow", "loyaltyflow.localhost", "Stamp and points programs for local shops."),
]
USERS = [
    ("admin@orion.lu", "Ada Admin", "super_admin"),
    ("ops@omsflow.lu", "Oscar Ops", "platform_admin"),
    ("marie@cafe-lux.lu", "Marie Schmit", "merchant_owner"),
    ("jean@velo.lu", "Jean Weber", "merchant_owner"),
    ("luc@cafe-lux.lu", "Luc Hoffmann", "store_member"),
]
# name, owner, VAT number (LU + 8 digits, valid checksum: the legal notice and invoices show it)
MERCHANTS = [
    ("Café Lëtzebuerg SARL", "marie@cafe-lux.lu", "LU24816331"),
    ("Vëlo Weber SA", "jean@velo.lu", "LU27194550"),
]
# code, name, merchant, platform, subdomain, languages, default language
STORES = [
    ("cafe-lux", "Café Lëtzebuerg", "Café Lëtzebuerg SARL", "oms", "cafe", "fr,en,de,lb", "fr"),
    ("bakery-lux", "Bäckerei Lëtzebuerg", "Café Lëtzebuerg SARL", "loyalty", "bakery", "fr,de,lb", "lb"),
    ("velo-weber", "Vëlo Weber", "Vëlo Weber SA", "oms", "velo", "fr,en", "fr"),
]


def _get_or_add(session: Session, model, where: dict, **values):
    row = session.exec(select(model).filter_by(**where)).first()
    if row is None:
        row = model(**where, **values)
        session.add(row)
        session.flush()
    return row


def seed(session: Session) -> list[str]:
    platforms = {
        code: _get_or_add(session, Platform, {"code": code}, name=name, domain=domain, description=text)
        for code, name, domain, text in PLATFORMS
    }
    users = {
        email: _get_or_add(
            session, User, {"email": email}, name=name, role=role, password_hash=hash_password(DEMO_PASSWORD)
        )
        for email, name, role in USERS
    }
    _get_or_add(
        session, PlatformAdmin, {"user_id": users["ops@omsflow.lu"].id, "platform_id": platforms["oms"].id}
    )
    merchants = {
        name: _get_or_add(
            session, Merchant, {"name": name}, owner_user_id=users[owner].id, contact_email=owner
        )
        for name, owner, _vat in MERCHANTS
    }
    for name, _owner, vat in MERCHANTS:
        if not merchants[name].vat_number:  # a demo database seeded before the VAT numbers
            merchants[name].vat_number = vat
            session.add(merchants[name])
    stores = {}
    for code, name, merchant, platform, sub, languages, default in STORES:
        store = _get_or_add(
            session,
            Store,
            {"code": code},
            name=name,
            merchant_id=merchants[merchant].id,
            languages=languages,
            default_language=default,
        )
        _get_or_add(
            session,
            StorePlatform,
            {"store_id": store.id, "platform_id": platforms[platform].id},
            subdomain=sub,
            is_home=True,
        )
        stores[code] = store
        if merchants[merchant].platform_id is None:  # registered where its first store lives
            merchants[merchant].platform_id = platforms[platform].id
            session.add(merchants[merchant])
    _get_or_add(
        session,
        StoreDomain,
        {"domain": "shop.cafe-lux.localhost"},
        store_id=stores["cafe-lux"].id,
        platform_id=platforms["oms"].id,
    )
    _get_or_add(
        session,
        StoreUser,
        {"store_id": stores["cafe-lux"].id, "user_id": users["luc@cafe-lux.lu"].id},
        role="staff",
    )
    session.commit()
    oms = platforms["oms"].id
    if "products_limit" not in (module_config("contracts", oms).limits or {}):
        # OMS Flow's sellers bring whole Letzshop catalogues: no product limit until billing
        # gives each merchant its plan (Essential would allow 200).
        save_module_config(oms, "contracts", {"limits": {"products_limit": None}}, None)
    return [
        "Demo data is in place. Every demo account's password is: " + DEMO_PASSWORD,
        "  super admin     admin@orion.lu     -> /admin/",
        "  platform admin  ops@omsflow.lu     -> /admin/ (platform oms)",
        "  merchant owner  marie@cafe-lux.lu  -> /store/cafe-lux/",
        "  store staff     luc@cafe-lux.lu    -> /store/cafe-lux/",
        "  storefront      /platforms/oms/storefront/cafe-lux/  (or Host cafe.omsflow.localhost)",
        "  plan limits     oms: unlimited products (contracts settings); loyalty: 200",
    ]
