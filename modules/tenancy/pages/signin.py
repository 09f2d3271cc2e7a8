"""Sign-in pages of the admin and store dashboards.

A plain HTML form posted to the sign-in endpoint: the session cookie it sets is HttpOnly,
so no script (ours included) ever holds the token.
"""

import reflex as rx

from modules.tenancy.state.signin import SignInState
from orion_app.auth_api import SIGN_IN_PATH
from orion_app.ui.backend import post_form
from orion_app.ui.components import form_error
from orion_app.ui.i18n import t
from orion_app.ui.shell import ShellState


def _field(label: str, **props) -> rx.Component:
    return rx.el.label(
        t(label),
        rx.input(required=True, **props),
        display="flex",
        flex_direction="column",
        width="100%",
        font_size="0.9em",
    )


def _signin_card(heading: rx.Var | str) -> rx.Component:
    return rx.card(
        post_form(
            rx.vstack(
                rx.heading(heading, size="6", as_="h1"),
                rx.text(t("tenancy.signin.subtitle"), color_scheme="gray", size="2"),
                rx.cond(
                    SignInState.notice != "",
                    rx.callout(SignInState.notice, icon="info", color_scheme="green", width="100%"),
                ),
                form_error(SignInState.error),
                _field("tenancy.signin.email", name="email", type="email", auto_complete="username"),
                _field(
                    "tenancy.signin.password",
                    name="password",
                    type="password",
                    auto_complete="current-password",
                ),
                rx.el.input(type="hidden", name="base", value=ShellState.base),
                rx.el.input(type="hidden", name="next", value=SignInState.next_path),
                rx.button(t("tenancy.signin.submit"), type="submit", width="100%"),
                rx.link(t("tenancy.signin.forgot"), href=ShellState.base + "forgot-password", size="2"),
                spacing="3",
                width="100%",
            ),
            path=SIGN_IN_PATH,
        ),
        width="100%",
        padding="1.5em",
    )


def admin_signin_page() -> rx.Component:
    return _signin_card(t("tenancy.signin.admin_title"))


def store_signin_page() -> rx.Component:
    return _signin_card(ShellState.tenant_store_name)
