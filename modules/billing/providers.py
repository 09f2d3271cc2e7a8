"""Billing's ports: `feature_limits` (contracts' FeatureLimits, from the merchant's plan) and
`plan_access` (orion_app.ports.PlanAccess: the optional modules a store's plan includes)."""

from sqlmodel import Session, select

from modules.billing.models import Plan, Subscription
from modules.billing.services.plans import declared_limit
from modules.tenancy.public import store_by_id
from orion_app.db import session_scope
from orion_app.enablement import module_config
from orion_app.ports import PlanGate
from orion_app.registry import get_registry

# Unpaid after grace, or canceled: the dashboard reads, it does not create.
LOCKED = ("read_only", "canceled")


def _plan_and_status(session: Session, merchant_id: int, platform_id: int) -> tuple[Plan, str] | None:
    row = session.exec(
        select(Plan, Subscription.status)
        .join(Subscription, Subscription.plan_id == Plan.id)
        .where(Subscription.merchant_id == merchant_id, Subscription.platform_id == platform_id)
    ).first()
    return (row[0], row[1]) if row else None


def limit_in(session: Session, merchant_id: int, platform_id: int, feature: str) -> int | None:
    """The merchant's limit: its plan's (0 for every counted feature while read-only);
    without a subscription, what contracts answers without billing (platform setting, else
    the module's default)."""
    declared = get_registry().features.get(feature)
    if declared is None:
        raise KeyError(f"No module declares the feature '{feature}'.")
    found = _plan_and_status(session, merchant_id, platform_id)
    if found is None:
        limits = module_config("contracts", platform_id, session).limits
        return limits.get(feature, declared.default_limit)
    plan, status = found
    if status in LOCKED and declared.kind == "limit":
        return 0
    return declared_limit(plan.limits, feature)


class FeatureLimitsProvider:
    def limit_for(
        self, merchant_id: int, platform_id: int, feature: str, session: Session | None = None
    ) -> int | None:
        if session is not None:
            return limit_in(session, merchant_id, platform_id, feature)
        with session_scope() as own:
            return limit_in(own, merchant_id, platform_id, feature)


def feature_limits() -> FeatureLimitsProvider:
    return FeatureLimitsProvider()


class PlanAccessProvider:
    def plan_for_store(self, store_id: int, platform_id: int) -> PlanGate | None:
        with session_scope() as session:
            store = store_by_id(session, store_id, active_only=False)
            if store is None:
                return None
            found = _plan_and_status(session, store.merchant_id, platform_id)
            if found is None:
                return None
            plan, status = found
            return PlanGate(
                plan_code=plan.code,
                modules=frozenset(plan.modules),
                read_only=status in LOCKED,
                upgrade_plans=_upgrade_plans(session, platform_id, plan),
            )


def _upgrade_plans(session: Session, platform_id: int, current: Plan) -> dict[str, dict[str, str]]:
    """For each optional module the current plan lacks: the name (by language) of the first
    active plan of the platform, in the plans' order, that includes it (the upgrade page names it)."""
    plans = session.exec(
        select(Plan).where(Plan.platform_id == platform_id, Plan.active).order_by(Plan.order, Plan.id)
    ).all()
    names: dict[str, dict[str, str]] = {}
    for plan in plans:
        for module in plan.modules:
            if module not in current.modules:
                names.setdefault(module, dict(plan.name))
    return names


def plan_access() -> PlanAccessProvider:
    return PlanAccessProvider()
