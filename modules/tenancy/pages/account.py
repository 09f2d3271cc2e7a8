"""A staff member's own account page, "My profile" (admin and store dashboards)."""

import reflex as rx

from modules.tenancy.state.account import AccountState
from orion_app.i18n import LANGUAGE_NAMES
from orion_app.ui.components import field, page, select_field, stacked_form, when
from orion_app.ui.i18n import t
from orion_app.ui.tables import data_table, row

CARD = {"width": "100%", "max_width": "28em"}


def _profile() -> rx.Component:
    s = AccountState
    return rx.card(
        stacked_form(
            rx.heading(t("tenancy.profile.heading"), size="4", as_="h2"),
            field("tenancy.user.name", "name", s.profile_errors, default_value=s.name, required=True),
            select_field(
                "tenancy.profile.language",
                "language",
                s.profile_errors,
                [rx.el.option(name, value=code) for code, name in LANGUAGE_NAMES.items()],
                default_value=s.language,
            ),
            rx.button(t("tenancy.profile.save"), type="submit"),
            on_submit=s.save_profile,
            key=s.language,
        ),
        **CARD,
    )


def _password() -> rx.Component:
    s = AccountState
    return rx.card(
        stacked_form(
            rx.heading(t("tenancy.account.change_password"), size="4", as_="h2"),
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
            on_submit=s.change_password,
            reset_on_submit=True,
        ),
        **CARD,
    )


def _sessions() -> rx.Component:
    s = AccountState
    return rx.card(
        rx.vstack(
            rx.heading(t("tenancy.profile.sessions"), size="4", as_="h2"),
            data_table(
                ["tenancy.profile.signed_in_at", "tenancy.profile.ip", ""],
                s.sessions,
                lambda r: row(
                    when(r["created_at"]),
                    r["ip"],
                    rx.cond(
                        r["current"] != "", rx.badge(t("tenancy.profile.this_browser"), color_scheme="green")
                    ),
                ),
            ),
            rx.button(
                t("tenancy.profile.sign_out_everywhere"),
                color_scheme="red",
                variant="soft",
                on_click=s.sign_out_everywhere,
            ),
            spacing="3",
            width="100%",
        ),
        width="100%",
        max_width="40em",
    )


def account_page() -> rx.Component:
    return page(
        "tenancy.account.title",
        rx.text(AccountState.email, color_scheme="gray"),
        _profile(),
        _password(),
        _sessions(),
        spacing="4",
    )
