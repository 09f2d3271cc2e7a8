"""Orders' notification for staff: an order was placed over the plan's orders_per_month."""

from modules.contracts.protocols import NotificationKind

OVER_PLAN_LIMIT = "orders.over_plan_limit"

KINDS = (
    NotificationKind(
        code=OVER_PLAN_LIMIT,
        title_key="orders.notify.over_limit.title",
        body_key="orders.notify.over_limit.body",
        icon="shopping-cart",
        permission="orders.view",
    ),
)
