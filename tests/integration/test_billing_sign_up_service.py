"""`billing.public.sign_up`: merchant, owner and store on the platform (tenancy's rules), the
chosen plan's trial and a staff session; each refusal next to its form field, nothing left
behind."""

from dataclasses import replace

import pytest
from sqlalchemy import func
from sqlmodel import select

from modules.billing.providers import plan_access
from modules.billing.public import SignUpForm, sign_up, subscription_of
from modules.tenancy.models import Merchant, Store, StorePlatform, User
from modules.tenancy.public import store_by_code
from orion_app.access import Verdict, check_access, principal_for
from orion_app.db import session_scope
from orion_app.enablement import enabled_modules
from orion_app.errors import FieldErrors, NotFound
from orion_app.registry import Frontend, Tier, get_registry
from tests.integration.helpers import platform_id

FORM = SignUpForm(
    plan_code="essential",
    interval="month",
    merchant_name="Atelier Nord SARL",
    owner_name="Nora Nord",
    email="Nora@Atelier-Nord.lu",
    password="Atelier-nord-2026",
    store_code="atelier-nord",
    store_name="Atelier Nord",
    languages=("fr", "de"),
    default_language="de",
    ui_language="fr",
)


def _counts(session) -> tuple[int, int, int]:
    return tuple(session.exec(select(func.count()).select_from(t)).one() for t in (User, Merchant, Store))


def test_sign_up_creates_merchant_owner_store_and_trial_and_signs_the_owner_in(demo):
    oms = platform_id("oms")
    with session_scope() as session:
        result = sign_up(session, "oms", FORM)
        session.commit()
    with session_scope() as session:
        user = session.get(User, result.user_id)
        merchant = session.get(Merchant, result.merchant_id)
        store = store_by_code(session, "atelier-nord")
        home = session.exec(select(StorePlatform).where(StorePlatform.store_id == store.id)).one()
        record = subscription_of(session, result.merchant_id, oms)
    assert (user.email, user.name, user.role, user.language) == (
        "nora@atelier-nord.lu",
        "Nora Nord",
        "merchant_owner",
        "fr",
    )
    assert (merchant.name, merchant.owner_user_id, merchant.platform_id) == (
        "Atelier Nord SARL",
        user.id,
        oms,
    )
    assert (store.id, store.merchant_id, result.store_code) == (result.store_id, merchant.id, "atelier-nord")
    assert set(store.languages) == {"fr", "de"} and store.default_language == "de"
    assert (home.platform_id, home.subdomain, home.is_home) == (oms, "atelier-nord", True)
    assert (record.plan.code, record.status, record.trial_days_left, record.interval) == (
        "essential",
        "trialing",
        30,
        "month",
    )
    principal = principal_for(result.session_token)
    assert principal.user_id == user.id and principal.merchant_ids == frozenset({merchant.id})
    # The owner is in the dashboard; the platform's optional modules outside Essential are
    # locked (upgrade), those of the plan and the core ones are usable.
    access = check_access(
        path="/store/atelier-nord/billing",
        host="localhost:3000",
        token=result.session_token,
        module="billing",
        frontends=(Frontend.STORE,),
        permission="billing.subscription.manage",
    )
    assert access.verdict == Verdict.OK, access
    optional = {d.code for d in get_registry() if d.tier == Tier.OPTIONAL}
    gate = plan_access().plan_for_store(store.id, oms)
    assert gate.plan_code == "essential" and not gate.read_only
    on_platform = enabled_modules(oms)
    assert access.locked == (on_platform & optional) - gate.modules
    assert access.locked, "oms enables optional modules Essential lacks: the upgrade story"
    assert (on_platform - optional) <= access.enabled and access.enabled.isdisjoint(access.locked)


def test_a_yearly_sign_up_on_another_plan(demo):
    with session_scope() as session:
        result = sign_up(session, "oms", replace(FORM, plan_code="professional", interval="year"))
        session.commit()
        record = subscription_of(session, result.merchant_id, platform_id("oms"))
    assert (record.plan.code, record.interval, record.status) == ("professional", "year", "trialing")


@pytest.mark.parametrize(
    ("changes", "errors"),
    [
        ({"store_code": "admin"}, {"store_code": "tenancy.store.code_reserved"}),
        ({"store_code": "www"}, {"store_code": "tenancy.store.code_reserved"}),
        ({"store_code": "api"}, {"store_code": "tenancy.store.code_reserved"}),
        ({"store_code": "cafe-lux"}, {"store_code": "tenancy.store.code_taken"}),
        ({"store_code": "Nope!"}, {"store_code": "orion.error.code_format"}),
        ({"password": "short-pw"}, {"password": "tenancy.user.password_short"}),
        ({"email": "Marie@Cafe-Lux.lu"}, {"email": "tenancy.user.email_taken"}),
        ({"email": "not-an-email"}, {"email": "orion.error.email_format"}),
        (
            {"merchant_name": " ", "owner_name": "", "store_name": ""},
            {
                "merchant_name": "orion.error.required",
                "owner_name": "orion.error.required",
                "store_name": "orion.error.required",
            },
        ),
        ({"languages": ("fr", "xx")}, {"languages": "tenancy.store.languages_invalid"}),
        ({"default_language": "lb"}, {"default_language": "tenancy.store.default_language_invalid"}),
        (
            {"store_code": "admin", "password": "x", "email": "jean@velo.lu"},
            {
                "store_code": "tenancy.store.code_reserved",
                "password": "tenancy.user.password_short",
                "email": "tenancy.user.email_taken",
            },
        ),
        ({"plan_code": "enterprise"}, {"plan": "billing.error.plan_on_request"}),
        ({"plan_code": "gold"}, {"plan": "billing.error.no_plan"}),
        ({"interval": "week"}, {"interval": "billing.error.interval"}),
    ],
)
def test_each_refusal_is_next_to_its_field_and_nothing_is_left(demo, changes, errors):
    with session_scope() as session:
        before = _counts(session)
        with pytest.raises(FieldErrors) as refused:
            sign_up(session, "oms", replace(FORM, **changes))
        session.commit()  # even a caller who commits after the refusal keeps nothing
    assert refused.value.errors == errors
    with session_scope() as session:
        assert _counts(session) == before
        assert store_by_code(session, "atelier-nord") is None


def test_an_unknown_platform_is_not_found(demo):
    with session_scope() as session, pytest.raises(NotFound):
        sign_up(session, "nowhere", FORM)


def test_the_demo_has_a_merchant_who_signed_up_for_essential(demo):
    with session_scope() as session:
        store = store_by_code(session, "atelier-lux")
        record = subscription_of(session, store.merchant_id, platform_id("oms"))
        owner = session.exec(select(User).where(User.email == "sophie@atelier-lux.lu")).one()
        merchant = session.get(Merchant, store.merchant_id)
    assert (record.plan.code, record.status, record.trial_days_left) == ("essential", "trialing", 6)
    assert merchant.owner_user_id == owner.id and owner.role == "merchant_owner"
