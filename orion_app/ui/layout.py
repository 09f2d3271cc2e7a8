"""The four frontend shells. Each wraps a module's page content and shows the guard's
verdict: the page, a not-found page, a refusal, or nothing while the guard runs."""

import reflex as rx

from orion_app.auth_api import SIGN_OUT_PATH
from orion_app.i18n import LANGUAGE_NAMES
from orion_app.registry import Frontend
from orion_app.ui.backend import post_form
from orion_app.ui.i18n import t
from orion_app.ui.shell import ShellState

# The width every shell gives a page's content, centred on wide screens.
CONTENT_WIDTH = {"max_width": "72em", "margin": "0 auto"}


def sign_out_button(**props) -> rx.Component:
    """A form posted to the sign-out endpoint, which revokes the session and clears the cookie."""
    return post_form(
        rx.el.input(type="hidden", name="base", value=ShellState.base),
        rx.button(t("orion.sign_out"), type="submit", variant="soft", **props),
        path=SIGN_OUT_PATH,
        width=props.get("width", "auto"),
    )


def not_found_view() -> rx.Component:
    return rx.center(
        rx.vstack(
            rx.heading("404", size="9", color_scheme="gray"),
            rx.heading(t("orion.not_found.title"), size="5"),
            rx.text(t("orion.not_found.text"), color_scheme="gray"),
            rx.link(t("orion.not_found.home"), href="/"),
            align="center",
            spacing="3",
        ),
        min_height="70vh",
        data_testid="not-found",
    )


def forbidden_view() -> rx.Component:
    return rx.center(
        rx.vstack(
            rx.heading(t("orion.forbidden.title"), size="5"),
            rx.text(t("orion.forbidden.text"), color_scheme="gray"),
            sign_out_button(),
            align="center",
        ),
        min_height="70vh",
    )


def guarded_content(content: rx.Component) -> rx.Component:
    return rx.match(
        ShellState.status,
        ("ok", content),
        ("not_found", not_found_view()),
        ("forbidden", forbidden_view()),
        rx.center(rx.spinner(size="3"), min_height="50vh"),
    )


def language_switcher() -> rx.Component:
    return rx.el.select(
        rx.foreach(
            ShellState.languages,
            lambda code: rx.el.option(rx.match(code, *LANGUAGE_NAMES.items(), code), value=code),
        ),
        value=ShellState.lang,
        on_change=ShellState.switch_language,
        aria_label="Language",
        style={
            "padding": "0.3em",
            "border_radius": "6px",
            "border": "1px solid var(--gray-6)",
            "background": "transparent",
            "font_size": "0.9em",
        },
    )


def nav_link(item: rx.Var) -> rx.Component:
    return rx.link(
        rx.hstack(rx.text(item["label"]), spacing="2", align="center"),
        href=item["href"],
        padding="0.45em 0.75em",
        border_radius="6px",
        width="100%",
        underline="none",
        color=rx.cond(item["active"] != "", "var(--accent-11)", "var(--gray-12)"),
        background=rx.cond(item["active"] != "", "var(--accent-3)", "transparent"),
        _hover={"background": "var(--gray-3)"},
    )


def sidebar(title: rx.Var | str, subtitle: rx.Var | str) -> rx.Component:
    return rx.vstack(
        rx.vstack(
            rx.heading(title, size="4"),
            rx.text(subtitle, size="1", color_scheme="gray"),
            spacing="0",
            padding_bottom="1em",
        ),
        rx.el.nav(
            rx.vstack(rx.foreach(ShellState.menu, nav_link), spacing="1", width="100%"),
            aria_label="Main",
            width="100%",
        ),
        rx.spacer(),
        rx.vstack(
            rx.text(ShellState.user_name, size="2", weight="medium"),
            language_switcher(),
            sign_out_button(size="1", width="100%"),
            width="100%",
            spacing="2",
        ),
        width="15em",
        min_height="100vh",
        padding="1.25em",
        border_right="1px solid var(--gray-5)",
        background="var(--gray-2)",
        position="sticky",
        top="0",
    )


def dashboard_shell(content: rx.Component, title: rx.Var | str, subtitle: rx.Var | str) -> rx.Component:
    return rx.match(
        ShellState.status,
        ("not_found", not_found_view()),
        (
            "ok",
            rx.hstack(
                sidebar(title, subtitle),
                rx.box(content, padding="2em", width="100%", max_width="72em"),
                align="start",
                spacing="0",
                width="100%",
            ),
        ),
        guarded_content(content),
    )


def admin_shell(content: rx.Component) -> rx.Component:
    return dashboard_shell(content, "Orion", t("orion.admin.subtitle"))


def store_shell(content: rx.Component) -> rx.Component:
    return dashboard_shell(content, ShellState.tenant_store_name, ShellState.tenant_platform_name)


def public_shell(content: rx.Component) -> rx.Component:
    """Storefront and platform pages: a top bar with the enabled modules' navigation."""
    brand = rx.cond(
        ShellState.frontend == "storefront", ShellState.tenant_store_name, ShellState.tenant_platform_name
    )
    header = rx.el.header(
        rx.hstack(
            rx.link(rx.heading(brand, size="5"), href=ShellState.base, underline="none"),
            rx.el.nav(
                rx.hstack(rx.foreach(ShellState.menu, nav_link), spacing="1"),
                aria_label="Main",
            ),
            rx.spacer(),
            language_switcher(),
            align="center",
            width="100%",
            padding="0.75em 1.5em",
            **CONTENT_WIDTH,
        ),
        border_bottom="1px solid var(--gray-5)",
    )
    return rx.cond(
        ShellState.status == "ok",
        rx.box(
            header,
            rx.el.main(content, padding="2em 1.5em", **CONTENT_WIDTH),
            rx.el.footer(
                rx.text(brand, " · ", ShellState.tenant_platform_name, size="1", color_scheme="gray"),
                padding="2em 1.5em",
                **CONTENT_WIDTH,
            ),
        ),
        guarded_content(content),
    )


def plain_shell(content: rx.Component) -> rx.Component:
    """Sign-in pages: centred, no navigation."""
    return guarded_content(
        rx.center(
            rx.vstack(content, rx.hstack(rx.spacer(), language_switcher(), width="100%"), width="24em"),
            min_height="90vh",
        )
    )


SHELLS = {
    Frontend.ADMIN: admin_shell,
    Frontend.STORE: store_shell,
    Frontend.STOREFRONT: public_shell,
    Frontend.PLATFORM: public_shell,
}


def shell_for(frontend: Frontend, public: bool):
    if public and frontend in (Frontend.ADMIN, Frontend.STORE):
        return plain_shell
    return SHELLS[frontend]
