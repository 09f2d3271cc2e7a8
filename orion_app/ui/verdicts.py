"""The guard's verdicts as pages: not found, no access, upgrade, or a spinner while it runs.

A shell shows a page through `guarded_content(content)`: the page when the guard said "ok",
else the verdict. Modules show `not_found_view()` when a record they were asked for does not
exist. `sign_out_button` lives here because the refusal offers it, as the dashboards do.
"""

import reflex as rx

from orion_app.auth_api import SIGN_OUT_PATH
from orion_app.ui.backend import post_form
from orion_app.ui.i18n import t
from orion_app.ui.shell import ShellState

# A store's product search, under its storefront base: where a shopper who took a wrong
# turn can look for what they came for.
STOREFRONT_SEARCH = "products"


def sign_out_button(**props) -> rx.Component:
    """A form posted to the sign-out endpoint, which revokes the session and clears the cookie."""
    return post_form(
        rx.el.input(type="hidden", name="base", value=ShellState.base),
        rx.button(t("orion.sign_out"), type="submit", variant="soft", **props),
        path=SIGN_OUT_PATH,
        width=props.get("width", "auto"),
    )


def not_found_view() -> rx.Component:
    """ "Not found", with the way back: in a store, to its home and its product search, not to
    the platform's front page."""
    return rx.center(
        rx.vstack(
            rx.text("404", size="9", weight="bold", color_scheme="gray", aria_hidden="true"),
            rx.heading(t("orion.not_found.title"), size="5", as_="h1"),
            rx.text(t("orion.not_found.text"), color_scheme="gray", text_align="center"),
            rx.cond(
                ShellState.frontend == "storefront",
                rx.hstack(
                    rx.link(t("orion.not_found.store_home"), href=ShellState.base),
                    rx.link(t("orion.not_found.search"), href=ShellState.base + STOREFRONT_SEARCH),
                    spacing="4",
                    wrap="wrap",
                    justify="center",
                ),
                rx.link(t("orion.not_found.home"), href="/"),
            ),
            align="center",
            spacing="3",
        ),
        min_height="70vh",
        padding="1em",
        data_testid="not-found",
    )


def forbidden_view() -> rx.Component:
    """ "No access", with the ways on: this frontend's start page when the user may enter it,
    their own stores, another account's sign-in, or signing out."""
    return rx.center(
        rx.vstack(
            rx.heading(t("orion.forbidden.title"), size="5", as_="h1"),
            rx.text(t("orion.forbidden.text"), color_scheme="gray", text_align="center"),
            rx.cond(
                ShellState.home_href != "",
                rx.link(t("orion.forbidden.home"), href=ShellState.home_href),
            ),
            rx.foreach(ShellState.stores, _other_store_link),
            rx.link(t("orion.forbidden.other_account"), href=ShellState.base + "login"),
            sign_out_button(),
            align="center",
            spacing="3",
        ),
        min_height="70vh",
        padding="1em",
        data_testid="forbidden",
    )


def upgrade_view() -> rx.Component:
    """A module the platform offers but the merchant's plan does not include: which module,
    the plan that includes it, and the store's billing page (or: ask the owner)."""
    return rx.center(
        rx.vstack(
            rx.icon("sparkles", size=32, color="var(--accent-9)", aria_hidden="true"),
            rx.heading(ShellState.upgrade_title, size="5", as_="h1", text_align="center"),
            rx.foreach(
                ShellState.upgrade_lines,
                lambda line: rx.text(line, color_scheme="gray", text_align="center"),
            ),
            rx.cond(
                ShellState.upgrade_href != "",
                rx.link(
                    rx.button(rx.icon("sparkles", size=16), t("orion.upgrade.action"), size="3"),
                    href=ShellState.upgrade_href,
                    data_testid="upgrade-link",
                ),
            ),
            align="center",
            spacing="3",
            max_width="28em",
            width="100%",
        ),
        min_height="60vh",
        padding="1em",
        data_testid="upgrade",
    )


def _other_store_link(store: rx.Var) -> rx.Component:
    return rx.cond(
        store["code"] != ShellState.tenant_store_code,
        rx.link(t("orion.forbidden.open_store", name=store["name"]), href=store["href"]),
    )


def guarded_content(content: rx.Component) -> rx.Component:
    return rx.match(
        ShellState.status,
        ("ok", content),
        ("not_found", not_found_view()),
        ("forbidden", forbidden_view()),
        ("upgrade", upgrade_view()),
        rx.center(rx.spinner(size="3"), min_height="50vh"),
    )
