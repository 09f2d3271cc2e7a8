"""Billing: plans as data (limits of whatever features modules declare), trials, usage and
the plan-limit ports (feature_limits, plan_access)."""

import pytest
from sqlmodel import select

from modules.billing.models import Subscription
from modules.billing.public import plans_of, save_plan, start_trial, subscription_of, usage_of
from modules.contracts.public import LimitReached, feature_limit, require_room
from modules.tenancy.models import Merchant, Store
from orion_app.db import session_scope
from orion_app.errors import FieldErrors, ServiceError
from orion_app.registry import get_registry
from tests.integration.helpers import platform_id, store_id

ESSENTIAL = {
    "code": "starter",
    "name": {"en": "Starter", "fr": "Démarrage"},
    "monthly_cents": 4900,
    "yearly_cents": 49000,
    "limits": {"products_limit": 2, "orders_per_month": 100, "team_members": 1},
    "modules": ["catalog", "orders", "cart", "checkout", "inventory"],
    "order": 1,
}


def _merchant(name: str) -> int:
    """The merchant, without the subscription the demo gives it."""
    with session_scope() as session:
        merchant_id = session.exec(select(Merchant.id).where(Merchant.name == name)).one()
        for row in session.exec(select(Subscription).where(Subscription.merchant_id == merchant_id)):
            session.delete(row)
        session.commit()
        return merchant_id


def test_a_plan_is_data_and_its_limits_answer_feature_limit(demo):
    oms, cafe = platform_id("oms"), _merchant("Café Lëtzebuerg SARL")
    with session_scope() as session:
        plan = save_plan(session, oms, None, ESSENTIAL)
        session.commit()
    assert plan.limits["products_limit"] == 2
    # A feature the plan does not set keeps the default its module declares.
    assert plan.limits["loyalty_programs"] == get_registry().features["loyalty_programs"].default_limit
    with session_scope() as session:
        assert "starter" in [p.code for p in plans_of(session, oms)]
        record = start_trial(session, cafe, oms, "starter")
        session.commit()
    assert record.status == "trialing" and record.trial_days_left == 30
    assert feature_limit(cafe, oms, "products_limit") == 2
    with pytest.raises(LimitReached):
        require_room(cafe, oms, "products_limit", 2)
    with session_scope() as session:
        used = {u.feature: u for u in usage_of(session, cafe, oms)}
        products = session.exec(select(Store.id).where(Store.code == "cafe-lux")).one()
    assert used["products_limit"].limit == 2 and used["products_limit"].used == 0  # no demo products
    assert used["stores_limit"].used == 1
    assert used["team_members"].used >= 1
    assert products == store_id("cafe-lux")


def test_bad_plan_values_are_refused_by_field(demo):
    oms = platform_id("oms")
    with session_scope() as session, pytest.raises(FieldErrors) as refused:
        save_plan(
            session,
            oms,
            None,
            {**ESSENTIAL, "code": "X!", "monthly_cents": "-1", "limits": {"nope": 3, "products_limit": "a"}},
        )
    assert refused.value.errors == {
        "code": "billing.error.plan_code",
        "monthly_cents": "billing.error.price",
        "limits.nope": "billing.error.unknown_feature",
        "limits.products_limit": "billing.error.limit",
    }


def test_a_trial_twice_is_refused(demo):
    oms, cafe = platform_id("oms"), _merchant("Café Lëtzebuerg SARL")
    with session_scope() as session:
        save_plan(session, oms, None, ESSENTIAL)
        start_trial(session, cafe, oms, "starter")
        with pytest.raises(ServiceError):
            start_trial(session, cafe, oms, "starter")
        assert subscription_of(session, cafe, oms).plan.code == "starter"
