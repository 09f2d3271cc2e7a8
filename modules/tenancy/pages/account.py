"""A staff member's own account page (admin and store dashboards)."""

import reflex as rx

from modules.tenancy.state.account import AccountState
from orion_app.ui.components import field, page, stacked_form
from orion_app.ui.i18n import t


def account_page() -> rx.Component:
    s = AccountState
    return page(
        "tenancy.account.title",
        rx.text(s.email, color_scheme="gray"),
        rx.card(
            stacked_form(
                rx.heading(t("tenancy.account.change_password"), size="4"),
                rx.text(t("tenancy.account.change_password_hint"), size="2", color_scheme="gray"),
                field(
                    "tenancy.account.current_password",
                    "current_password",
                    s.errors,
                    type="password",
                    required=True,
                ),
                field(
                    "tenancy.account.new_password",
                    "new_password",
                    s.errors,
                    type="password",
                    required=True,
                    hint_key="tenancy.user.password_hint",
                ),
                rx.button(t("tenancy.account.change_password"), type="submit"),
                on_submit=AccountState.change_password,
                reset_on_submit=True,
            ),
            width="100%",
            max_width="28em",
        ),
        spacing="4",
    )
