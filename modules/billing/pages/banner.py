"""The billing banner in the store header: a compact pill (it sits beside the bell, also at
390 px) leading to the billing page."""

import reflex as rx

from modules.billing.state.banner import BillingBannerState
from orion_app.ui.i18n import t

S = BillingBannerState


def _pill(icon: str, text: rx.Var, color: str) -> rx.Component:
    return rx.link(
        rx.badge(
            rx.icon(icon, size=14),
            rx.text(text, as_="span", white_space="nowrap"),
            color_scheme=color,
            variant="solid",
            size="2",
            radius="full",
        ),
        href=S.href,
        underline="none",
        role="status",
        data_testid="billing-banner",
        flex_shrink="0",
    )


def billing_banner() -> rx.Component:
    return rx.match(
        S.kind,
        ("trial", _pill("clock", t("billing.banner.trial", days=S.days), "amber")),
        ("past_due", _pill("triangle_alert", t("billing.banner.past_due", days=S.days), "orange")),
        ("read_only", _pill("lock", t("billing.banner.read_only"), "red")),
        rx.fragment(),
    )
