"""Demo plans (SPEC §3 tiers on every platform) and subscriptions for the demo merchants, on
plans that include every module the demo shows; running it twice changes nothing."""

from datetime import timedelta

from sqlmodel import Session, select

from modules.billing.models import Plan, Subscription
from modules.billing.records import SignUpForm
from modules.billing.services.plans import optional_modules
from modules.billing.services.signup import sign_up
from modules.tenancy.public import merchant_store_ids, platform_by_code, store_by_code
from orion_app.db import utcnow

SHOP = ["inventory", "catalog", "cart", "orders", "checkout"]
# code, names, monthly, yearly, on request, limits, extra modules
TIERS = [
    (
        "essential",
        {"en": "Essential", "fr": "Essentiel", "de": "Essential", "lb": "Essentiel"},
        4900,
        49000,
        False,
        {"orders_per_month": 100, "products_limit": 200, "team_members": 1, "stores_limit": 1},
        [],
    ),
    (
        "professional",
        {"en": "Professional", "fr": "Professionnel", "de": "Professional", "lb": "Professionnel"},
        9900,
        99000,
        False,
        {"orders_per_month": 500, "products_limit": None, "team_members": 3, "stores_limit": 2},
        ["marketplace", "loyalty"],
    ),
    (
        "business",
        {"en": "Business", "fr": "Business", "de": "Business", "lb": "Business"},
        19900,
        199000,
        False,
        {
            "orders_per_month": 2000,
            "products_limit": None,
            "team_members": 10,
            "stores_limit": 5,
            "analytics": 1,
            "api_access": 1,
            "letzshop_sync": 1,
        },
        ["marketplace", "loyalty", "analytics"],
    ),
    (
        "enterprise",
        {"en": "Enterprise", "fr": "Entreprise", "de": "Enterprise", "lb": "Entreprise"},
        39900,
        399000,
        True,
        {
            "orders_per_month": None,
            "products_limit": None,
            "team_members": None,
            "stores_limit": None,
            "analytics": 1,
            "api_access": 1,
            "letzshop_sync": 1,
            "white_label": 1,
            "loyalty_programs": None,
        },
        ["marketplace", "loyalty", "analytics"],
    ),
]
# store code (its merchant), platform, plan, status
SUBSCRIPTIONS = [
    ("cafe-lux", "oms", "business", "active"),
    ("bakery-lux", "loyalty", "business", "active"),
    ("velo-weber", "oms", "business", "trialing"),
]

# A merchant who signed up on the oms site for Essential (the demo's password, like every
# demo account): the plan layer shows the upgrade story.
SIGNED_UP = SignUpForm(
    plan_code="essential",
    interval="month",
    merchant_name="Atelier Lux SARL",
    owner_name="Sophie Lux",
    email="sophie@atelier-lux.lu",
    password="orion-demo-2026",
    store_code="atelier-lux",
    store_name="Atelier Lux",
    languages=("fr", "en", "de"),
    default_language="fr",
    vat_number="LU30581713",  # its legal notice and invoices show it (valid checksum)
)


def seed(session: Session) -> list[str]:
    known = set(optional_modules())
    platforms = {
        code: ref
        for code in ("main", "oms", "loyalty")
        if (ref := platform_by_code(session, code)) is not None
    }
    plans: dict[tuple[int, str], Plan] = {}
    for ref in platforms.values():
        for order, (code, names, monthly, yearly, on_request, limits, extra) in enumerate(TIERS, start=1):
            row = session.exec(select(Plan).where(Plan.platform_id == ref.id, Plan.code == code)).first()
            if row is None:
                modules = [m for m in SHOP + extra if m in known]
                row = Plan(
                    platform_id=ref.id,
                    code=code,
                    name=names,
                    monthly_cents=monthly,
                    yearly_cents=yearly,
                    on_request=on_request,
                    limits=limits,
                    modules=modules,
                    order=order,
                )
                session.add(row)
                session.flush()
            plans[(ref.id, code)] = row
    now = utcnow()
    for store_code, platform_code, plan_code, status in SUBSCRIPTIONS:
        store, platform = store_by_code(session, store_code), platforms.get(platform_code)
        if store is None or platform is None:
            continue
        if merchant_store_ids(session, [store.merchant_id], platform.id)[store.merchant_id] == []:
            continue
        exists = session.exec(
            select(Subscription.id).where(
                Subscription.merchant_id == store.merchant_id, Subscription.platform_id == platform.id
            )
        ).first()
        if exists is None:
            session.add(
                Subscription(
                    merchant_id=store.merchant_id,
                    platform_id=platform.id,
                    plan_id=plans[(platform.id, plan_code)].id,
                    status=status,
                    trial_ends_at=now + timedelta(days=30) if status == "trialing" else None,
                    current_period_start=now,
                    current_period_end=now + timedelta(days=30),
                )
            )
    session.commit()
    if "oms" in platforms and store_by_code(session, SIGNED_UP.store_code, active_only=False) is None:
        # Signed up like a visitor would, 24 days ago: the trial's last week shows its banner.
        sign_up(session, "oms", SIGNED_UP, now=now - timedelta(days=24), signed_in=False)
        session.commit()
    return [
        "Billing: Essential, Professional, Business and Enterprise on every platform; "
        "cafe-lux and bakery-lux on Business (active), velo-weber on a Business trial;",
        f"  atelier-lux (oms) signed up for Essential, 6 days of trial left: {SIGNED_UP.email} "
        "-> /store/atelier-lux/ (upgrade pages for the modules Essential lacks).",
    ]
