"""Usage of limited features, counted by the modules that declare them: each contributes
`UsageCounter`s to the `usage_counters` point; billing names no module."""

from datetime import datetime

from sqlmodel import Session

from modules.billing.models import Plan
from modules.billing.providers import limit_in
from modules.billing.records import Usage
from modules.billing.services.plans import declared_limit
from modules.billing.services.subscriptions import subscription_row
from modules.contracts.protocols import USAGE_COUNTERS, UsageCounter
from orion_app.registry import get_registry


def counters() -> dict[str, UsageCounter]:
    found: dict[str, UsageCounter] = {}
    for _module, contributed in get_registry().contributions(USAGE_COUNTERS):
        for counter in contributed:
            found[counter.feature] = counter
    return found


def limited_features() -> list[str]:
    """Every feature declared as a number ("limit") that some module counts."""
    counted = counters()
    return [code for code, f in get_registry().features.items() if f.kind == "limit" and code in counted]


def usage_counts(session: Session, merchant_id: int, platform_id: int) -> dict[str, int]:
    counted = counters()
    return {code: counted[code].count(session, merchant_id, platform_id) for code in limited_features()}


def usage_counts_many(
    session: Session,
    merchant_ids: list[int],
    platform_id: int,
    period: tuple[datetime, datetime] | None = None,
) -> dict[int, dict[str, int]]:
    """Usage of many merchants: one call per counter when it counts in bulk. `period`
    (start, end): per-period features (those whose counter has `count_between`) are counted
    within it, e.g. the month that closed; levels are counted now."""
    counted = counters()
    result: dict[int, dict[str, int]] = {m: {} for m in merchant_ids}
    for code in limited_features():
        counter = counted[code]
        if period is not None and counter.count_between is not None:
            within = counter.count_between(session, merchant_ids, platform_id, *period)
            for merchant_id in merchant_ids:
                result[merchant_id][code] = within.get(merchant_id, 0)
        elif counter.count_many is not None:
            many = counter.count_many(session, merchant_ids, platform_id)
            for merchant_id in merchant_ids:
                result[merchant_id][code] = many.get(merchant_id, 0)
        else:
            for merchant_id in merchant_ids:
                result[merchant_id][code] = counter.count(session, merchant_id, platform_id)
    return result


def usage_list(used: dict[str, int], limits: dict[str, int | None]) -> list[Usage]:
    features = get_registry().features
    return [
        Usage(feature=code, label_key=features[code].label_key, used=count, limit=limits.get(code))
        for code, count in used.items()
    ]


def usage_of(session: Session, merchant_id: int, platform_id: int) -> list[Usage]:
    """Every counted feature with the merchant's use and the limit its plan gives (the plan's
    own limit, also while read-only; without a subscription, the platform's default)."""
    used = usage_counts(session, merchant_id, platform_id)
    row = subscription_row(session, merchant_id, platform_id)
    if row is None:
        limits = {code: limit_in(session, merchant_id, platform_id, code) for code in used}
    else:
        plan = session.get(Plan, row.plan_id)
        limits = {code: declared_limit(plan.limits, code) for code in used}
    return usage_list(used, limits)
