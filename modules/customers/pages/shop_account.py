"""The signed-in shopper's account: profile, addresses, orders and privacy."""

import reflex as rx

from modules.customers.api import MY_DATA_PATH, SIGN_OUT_PATH
from modules.customers.state.shop_account import (
    ShopAccountState,
    ShopOrdersState,
    ShopPrivacyState,
    ShopProfileState,
)
from orion_app.ui.backend import backend_url, post_form
from orion_app.ui.components import checkbox, empty_state, field, select_field, stacked_form, when
from orion_app.ui.i18n import t
from orion_app.ui.shell import ShellState

A = ShopAccountState
TABS = (
    ("customers.account.tab_profile", "account"),
    ("customers.account.tab_addresses", "account/addresses"),
    ("customers.account.tab_orders", "account/orders"),
    ("customers.account.tab_privacy", "account/privacy"),
)


def unverified_banner() -> rx.Component:
    """Shown until the e-mail is verified; the link can be sent again."""
    return rx.cond(
        ~A.verified,
        rx.callout.root(
            rx.callout.icon(rx.icon("mail_warning")),
            rx.callout.text(t("customers.account.unverified", email=A.customer_email)),
            rx.cond(
                A.resent,
                rx.callout.text(t("customers.account.resent"), weight="bold"),
                rx.button(
                    t("customers.account.resend"),
                    size="1",
                    variant="soft",
                    on_click=A.resend,
                    width="fit-content",
                ),
            ),
            color_scheme="amber",
            width="100%",
        ),
    )


def account_frame(title_key: str, *children: rx.Component) -> rx.Component:
    """The account's heading, its tabs as links (they wrap on a phone), the banner, the page."""
    return rx.box(
        rx.vstack(
            rx.hstack(
                rx.heading(t(title_key), size="6", as_="h1"),
                rx.spacer(),
                post_form(
                    rx.el.input(type="hidden", name="base", value=ShellState.base),
                    rx.button(t("customers.account.sign_out"), type="submit", variant="soft", size="2"),
                    path=SIGN_OUT_PATH,
                ),
                width="100%",
                align="center",
                flex_wrap="wrap",
            ),
            rx.text(
                A.customer_name,
                " · ",
                A.customer_email,
                size="2",
                color_scheme="gray",
                word_break="break-all",
            ),
            rx.el.nav(
                rx.hstack(
                    *[rx.link(t(key), href=ShellState.base + path, size="2") for key, path in TABS],
                    spacing="4",
                    flex_wrap="wrap",
                ),
                aria_label=t("customers.account.nav"),
            ),
            unverified_banner(),
            *children,
            spacing="3",
            width="100%",
        ),
        width="100%",
        max_width="44em",
        margin_x="auto",
        padding_y="1em",
    )


def profile_page() -> rx.Component:
    P = ShopProfileState
    return account_frame(
        "customers.account.title",
        rx.cond(
            P.welcome, rx.callout(t("customers.account.welcome"), icon="party_popper", color_scheme="green")
        ),
        rx.cond(
            P.saved,
            rx.callout(t("customers.account.saved"), icon="check", color_scheme="green", role="status"),
        ),
        rx.card(
            stacked_form(
                field("customers.account.name", "name", P.errors, default_value=P.name, required=True),
                select_field(
                    "customers.account.language", "language", P.errors, P.languages, default_value=P.language
                ),
                checkbox(
                    "customers.account.marketing",
                    "customers.account.marketing_hint",
                    name="marketing",
                    default_checked=P.marketing,
                ),
                rx.hstack(
                    rx.text(t("customers.account.marketing_since"), size="1", color_scheme="gray"),
                    rx.text(when(P.marketing_at), size="1"),
                    spacing="1",
                ),
                rx.button(t("customers.account.save"), type="submit"),
                on_submit=P.save,
                key=P.form_key,
            ),
            width="100%",
        ),
    )


def _order_card(order: rx.Var) -> rx.Component:
    """One order: its number (a link to its page), when, how many items, status and total."""
    return rx.card(
        rx.hstack(
            rx.vstack(
                rx.link(rx.code(order["number"]), href=ShellState.base + order["path"], weight="medium"),
                rx.hstack(
                    when(order["placed"]),
                    rx.text(t("customers.account.order_items", count=order["items"]), size="2"),
                    spacing="2",
                    color_scheme="gray",
                    wrap="wrap",
                ),
                spacing="1",
            ),
            rx.spacer(),
            rx.vstack(
                rx.badge(order["status"]),
                rx.text(order["total"], weight="bold", white_space="nowrap"),
                align="end",
                spacing="1",
            ),
            width="100%",
            align="center",
        ),
        width="100%",
    )


def orders_page() -> rx.Component:
    O = ShopOrdersState  # noqa: E741
    return account_frame(
        "customers.account.orders_title",
        rx.cond(
            O.orders.length() == 0,
            rx.card(empty_state("customers.account.no_orders"), width="100%"),
            rx.foreach(O.orders, _order_card),
        ),
        rx.link(t("customers.account.start_shopping"), href=ShellState.base + "products", size="2"),
    )


def privacy_page() -> rx.Component:
    P = ShopPrivacyState
    return account_frame(
        "customers.account.privacy_title",
        rx.card(
            rx.vstack(
                rx.heading(t("customers.account.download_title"), size="4", as_="h2"),
                rx.text(t("customers.account.download_intro"), size="2", color_scheme="gray"),
                rx.button(
                    rx.el.a(
                        rx.icon("download", size=16),
                        t("customers.account.download"),
                        href=backend_url(MY_DATA_PATH + "?base=") + ShellState.base,
                        download="my-data.json",
                        # In development the backend is another origin, where `download` is
                        # ignored: a new tab takes the file, so this page's websocket stays up.
                        target="_blank",
                        rel="noopener",
                    ),
                    as_child=True,
                    variant="soft",
                ),
                spacing="2",
                align="start",
            ),
            width="100%",
        ),
        rx.card(
            stacked_form(
                rx.heading(t("customers.account.delete_title"), size="4", as_="h2"),
                rx.text(t("customers.account.delete_intro"), size="2", color_scheme="gray"),
                field("customers.account.password", "password", P.errors, type="password", required=True),
                checkbox("customers.account.delete_confirm", name="confirm"),
                rx.cond(
                    P.errors.contains("confirm"),
                    rx.text(P.errors["confirm"].to(str), size="1", color_scheme="red", role="alert"),
                ),
                rx.button(t("customers.account.delete"), type="submit", color_scheme="red"),
                on_submit=P.delete,
            ),
            width="100%",
        ),
    )
