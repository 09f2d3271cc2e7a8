"""Sign-in pages of the admin and store dashboards."""

import reflex as rx

from modules.tenancy.state.signin import SignInState
from orion_app.ui.components import form_error
from orion_app.ui.i18n import t
from orion_app.ui.shell import ShellState


def _signin_card(heading: rx.Var | str) -> rx.Component:
    return rx.card(
        rx.form(
            rx.vstack(
                rx.heading(heading, size="6"),
                rx.text(t("tenancy.signin.subtitle"), color_scheme="gray", size="2"),
                form_error(SignInState.error),
                rx.el.label(
                    t("tenancy.signin.email"),
                    rx.input(name="email", type="email", required=True, auto_complete="username"),
                    display="flex",
                    flex_direction="column",
                    width="100%",
                    font_size="0.9em",
                ),
                rx.el.label(
                    t("tenancy.signin.password"),
                    rx.input(
                        name="password", type="password", required=True, auto_complete="current-password"
                    ),
                    display="flex",
                    flex_direction="column",
                    width="100%",
                    font_size="0.9em",
                ),
                rx.button(t("tenancy.signin.submit"), type="submit", width="100%"),
                spacing="3",
                width="100%",
            ),
            on_submit=SignInState.submit,
            reset_on_submit=False,
        ),
        width="100%",
        padding="1.5em",
    )


def admin_signin_page() -> rx.Component:
    return _signin_card(t("tenancy.signin.admin_title"))


def store_signin_page() -> rx.Component:
    return _signin_card(ShellState.tenant_store_name)
