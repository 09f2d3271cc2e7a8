"""Plan limits, asked where the action happens (creating a product, an order, a member).

Billing provides the `feature_limits` port (the merchant's plan: tier x feature -> limit).
Without it (and, in billing, for a merchant without a subscription) a merchant gets the
platform's limit from the contracts settings (`CONTRACTS_LIMITS`, or the platform admin's
override), else the default the feature's module declares.
"""

from sqlmodel import Session

from orion_app.enablement import module_config
from orion_app.errors import ServiceError
from orion_app.registry import get_registry


class LimitReached(ServiceError):
    """The plan allows no more of this feature; the message carries an upgrade hint."""

    def __init__(self, feature: str, limit: int):
        super().__init__("contracts.limit_reached", limit=limit)
        self.feature = feature
        self.limit = limit


def feature_limit(
    merchant_id: int, platform_id: int, feature: str, session: Session | None = None
) -> int | None:
    """The merchant's limit for `feature` on the platform; None means unlimited. Read in
    `session` when given (a writer holding row locks must not wait for a second connection)."""
    registry = get_registry()
    provider = registry.optional_provider("feature_limits")
    if provider is not None:
        return provider.limit_for(merchant_id, platform_id, feature, session)
    declared = registry.features.get(feature)
    if declared is None:
        raise KeyError(f"No module declares the feature '{feature}'.")
    limits = module_config("contracts", platform_id, session).limits
    return limits.get(feature, declared.default_limit)


def require_room(merchant_id: int, platform_id: int, feature: str, current: int, adding: int = 1) -> None:
    """Raise LimitReached when `current + adding` would exceed the plan's limit."""
    limit = feature_limit(merchant_id, platform_id, feature)
    if limit is not None and current + adding > limit:
        raise LimitReached(feature, limit)
