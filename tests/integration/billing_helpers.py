"""Billing in other modules' tests: a merchant without a subscription (contracts' fallback:
platform setting, env, declared default) or a plan limit set for a test."""

from sqlmodel import select

from modules.billing.models import Subscription
from modules.billing.public import PlanRecord, save_plan, subscription_of
from orion_app.db import session_scope


def without_subscription(merchant_id: int, platform_id: int | None = None) -> None:
    """Remove the merchant's subscription(s) the demo gives it (on one platform or all)."""
    with session_scope() as session:
        query = select(Subscription).where(Subscription.merchant_id == merchant_id)
        if platform_id is not None:
            query = query.where(Subscription.platform_id == platform_id)
        for row in session.exec(query):
            session.delete(row)
        session.commit()


def plan_values(plan: PlanRecord, **limits: int | None) -> dict:
    """The admin form's values for `plan`, with some limits changed."""
    return {
        "code": plan.code,
        "name": plan.name,
        "monthly_cents": plan.monthly_cents,
        "yearly_cents": plan.yearly_cents,
        "on_request": plan.on_request,
        "active": plan.active,
        "order": plan.order,
        "limits": plan.limits | limits,
        "modules": list(plan.modules),
    }


def set_plan_limit(merchant_id: int, platform_id: int, feature: str, limit: int | None) -> None:
    """Change one limit of the merchant's plan on the platform, as an admin would."""
    with session_scope() as session:
        plan = subscription_of(session, merchant_id, platform_id).plan
        save_plan(session, platform_id, plan.id, plan_values(plan, **{feature: limit}))
        session.commit()
