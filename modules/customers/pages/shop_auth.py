"""Storefront pages to sign up, sign in, verify the e-mail and reset the password."""

import reflex as rx

from modules.customers.api import SIGN_IN_PATH, SIGN_UP_PATH
from modules.customers.state.shop_auth import (
    ShopForgotState,
    ShopResetState,
    ShopSignInState,
    ShopSignUpState,
    ShopVerifyState,
)
from orion_app.ui.backend import post_form
from orion_app.ui.components import checkbox, field, form_error, select_field, stacked_form
from orion_app.ui.i18n import t
from orion_app.ui.shell import ShellState

NARROW = {"width": "100%", "max_width": "28em", "margin_x": "auto", "padding_y": "1em"}


def panel(title_key: str, *children: rx.Component) -> rx.Component:
    """A centred card of one form: full width on a phone, 28em at most elsewhere."""
    return rx.box(
        rx.card(
            rx.vstack(rx.heading(t(title_key), size="6", as_="h1"), *children, spacing="3", width="100%"),
            width="100%",
            padding="1.25em",
        ),
        **NARROW,
    )


def link(key: str, path: str) -> rx.Component:
    return rx.link(t(key), href=ShellState.base + path, size="2")


def signup_page() -> rx.Component:
    S = ShopSignUpState
    return panel(
        "customers.shop.signup_title",
        post_form(
            rx.vstack(
                field("customers.account.name", "name", S.errors, default_value=S.name, required=True),
                field(
                    "customers.account.email",
                    "email",
                    S.errors,
                    type="email",
                    default_value=S.email,
                    required=True,
                ),
                field(
                    "customers.account.password",
                    "password",
                    S.errors,
                    type="password",
                    required=True,
                    hint_key="customers.account.password_hint",
                ),
                select_field(
                    "customers.account.language", "language", S.errors, S.languages, default_value=S.language
                ),
                checkbox("customers.account.marketing", "customers.account.marketing_hint", name="marketing"),
                rx.el.input(type="hidden", name="base", value=ShellState.base),
                rx.button(t("customers.shop.signup_submit"), type="submit", width="100%"),
                spacing="3",
                width="100%",
            ),
            path=SIGN_UP_PATH,
            key=S.email + S.name,
        ),
        link("customers.shop.have_account", "account/login"),
    )


def login_page() -> rx.Component:
    S = ShopSignInState
    return panel(
        "customers.shop.login_title",
        rx.cond(S.notice != "", rx.callout(S.notice, icon="info", color_scheme="green", width="100%")),
        form_error(S.error),
        post_form(
            rx.vstack(
                field("customers.account.email", "email", S.errors, type="email", required=True),
                field("customers.account.password", "password", S.errors, type="password", required=True),
                rx.el.input(type="hidden", name="base", value=ShellState.base),
                rx.el.input(type="hidden", name="next", value=S.next_path),
                rx.button(t("customers.shop.login_submit"), type="submit", width="100%"),
                spacing="3",
                width="100%",
            ),
            path=SIGN_IN_PATH,
        ),
        rx.hstack(
            link("customers.shop.forgot_link", "account/forgot"),
            link("customers.shop.signup_link", "account/signup"),
            justify="between",
            width="100%",
            flex_wrap="wrap",
        ),
    )


def verify_page() -> rx.Component:
    S = ShopVerifyState
    return panel(
        "customers.shop.verify_title",
        rx.cond(
            S.checked,
            rx.cond(
                S.verified,
                rx.callout(t("customers.shop.verified"), icon="circle_check", color_scheme="green"),
                rx.callout(t("customers.shop.verify_dead"), icon="triangle_alert", color_scheme="red"),
            ),
            rx.spinner(),
        ),
        link("customers.shop.to_account", "account"),
    )


def forgot_page() -> rx.Component:
    S = ShopForgotState
    return panel(
        "customers.shop.forgot_title",
        rx.cond(
            S.sent,
            rx.callout(t("customers.shop.forgot_sent"), icon="mail", color_scheme="green", role="status"),
            stacked_form(
                rx.text(t("customers.shop.forgot_intro"), size="2", color_scheme="gray"),
                field("customers.account.email", "email", S.errors, type="email", required=True),
                rx.button(t("customers.shop.forgot_submit"), type="submit", width="100%"),
                on_submit=S.request_link,
            ),
        ),
        link("customers.shop.back_to_login", "account/login"),
    )


def reset_page() -> rx.Component:
    S = ShopResetState
    return panel(
        "customers.shop.reset_title",
        rx.cond(
            S.checked & S.link_ok,
            stacked_form(
                field(
                    "customers.account.new_password",
                    "password",
                    S.errors,
                    type="password",
                    required=True,
                    hint_key="customers.account.password_hint",
                ),
                rx.button(t("customers.shop.reset_submit"), type="submit", width="100%"),
                on_submit=S.set_new_password,
            ),
            rx.cond(
                S.checked,
                rx.callout(
                    t("customers.shop.reset_link_dead"),
                    icon="triangle_alert",
                    color_scheme="red",
                    role="alert",
                ),
            ),
        ),
        link("customers.shop.forgot_link", "account/forgot"),
    )
