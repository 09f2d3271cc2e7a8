"""Forgotten passwords: the page asking for a link and the page the link opens."""

import reflex as rx

from modules.tenancy.state.password_reset import ForgotPasswordState, ResetPasswordState
from orion_app.ui.components import field, form_error, stacked_form
from orion_app.ui.i18n import t
from orion_app.ui.shell import ShellState


def _card(*children: rx.Component) -> rx.Component:
    return rx.card(rx.vstack(*children, spacing="3", width="100%"), width="100%", padding="1.5em")


def _back_to_sign_in() -> rx.Component:
    return rx.link(t("tenancy.reset.back_to_sign_in"), href=ShellState.base + "login", size="2")


def forgot_password_page() -> rx.Component:
    s = ForgotPasswordState
    return _card(
        rx.heading(t("tenancy.reset.title"), size="6", as_="h1"),
        rx.cond(
            s.sent,
            rx.callout(
                t("tenancy.reset.sent"), icon="mail", color_scheme="green", width="100%", role="status"
            ),
            stacked_form(
                rx.text(t("tenancy.reset.intro"), size="2", color_scheme="gray"),
                form_error(s.error),
                field("tenancy.signin.email", "email", s.errors, type="email", required=True),
                rx.button(t("tenancy.reset.send_link"), type="submit", width="100%"),
                on_submit=s.send_link,
            ),
        ),
        _back_to_sign_in(),
    )


def reset_password_page() -> rx.Component:
    s = ResetPasswordState
    return _card(
        rx.heading(t("tenancy.reset.new_title"), size="6", as_="h1"),
        rx.cond(
            s.valid,
            stacked_form(
                field(
                    "tenancy.account.new_password",
                    "password",
                    s.errors,
                    type="password",
                    required=True,
                    hint_key="tenancy.user.password_hint",
                ),
                rx.button(t("tenancy.reset.save"), type="submit", width="100%"),
                on_submit=s.save_password,
            ),
            form_error(t("tenancy.reset.invalid")),
        ),
        _back_to_sign_in(),
    )
