"""The four frontend shells. Each wraps a module's page content and shows the guard's
verdict (orion_app/ui/verdicts.py): the page, a not-found page, a refusal, an upgrade page (a
store dashboard page of a module outside the merchant's plan), or nothing while the guard runs."""

from collections.abc import Callable

import reflex as rx

from orion_app.i18n import LANGUAGE_NAMES
from orion_app.registry import SHELL_HEADER, Frontend, get_registry, import_string
from orion_app.ui.components import LABEL_STYLE, ONE_LINE, select
from orion_app.ui.i18n import t
from orion_app.ui.shell import ShellState
from orion_app.ui.verdicts import guarded_content, not_found_view, sign_out_button, upgrade_view

# The width every shell gives a page's content, centred on wide screens.
CONTENT_WIDTH = {"max_width": "72em", "margin": "0 auto"}
# From this Radix breakpoint (1024 px) up, dashboards show their sidebar; below it, a top
# bar whose menu button opens the same navigation in a drawer.
WIDE = "md"
SIDEBAR_WIDTH = "15em"


def toaster() -> rx.Component:
    """The app's toasts, at the top: at the bottom right they covered the product editor's
    Save button and stock table. On a phone they start under the dashboard's top bar."""
    return rx.toast.provider(
        position="top-center", offset="1rem", custom_attrs={"mobileOffset": {"top": "3.5rem"}}
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
            "max_width": "100%",
        },
    )


def nav_link(item: rx.Var) -> rx.Component:
    """A menu entry as a full-width row of a sidebar or drawer."""
    return _menu_link(item, "100%")


def _menu_link(item: rx.Var, width: str) -> rx.Component:
    return rx.link(
        rx.hstack(
            rx.text(item["label"]),
            rx.cond(item["badge"] == "upgrade", upgrade_badge()),
            spacing="2",
            align="center",
        ),
        href=item["href"],
        padding="0.45em 0.75em",
        border_radius="6px",
        width=width,
        underline="none",
        color=rx.cond(item["active"] != "", "var(--accent-11)", "var(--gray-12)"),
        background=rx.cond(item["active"] != "", "var(--accent-3)", "transparent"),
        _hover={"background": "var(--gray-3)"},
    )


def upgrade_badge() -> rx.Component:
    """The small "Upgrade" mark beside a menu entry of a module outside the merchant's plan."""
    return rx.badge(
        rx.icon("sparkles", size=12, aria_hidden="true"),
        t("orion.upgrade.badge"),
        variant="soft",
        size="1",
        radius="full",
        flex_shrink="0",
        data_testid="upgrade-badge",
    )


def store_switcher() -> rx.Component:
    """For a user with several stores: a select of them; choosing one opens this page there."""
    return rx.cond(
        ShellState.stores.length() > 1,
        rx.el.label(
            t("orion.store_switcher"),
            select(
                rx.foreach(ShellState.stores, lambda s: rx.el.option(s["name"], value=s["code"])),
                value=ShellState.tenant_store_code,
                on_change=ShellState.switch_store,
                style={"margin_top": "0.25em", "width": "100%"},
            ),
            **LABEL_STYLE,
            width="100%",
        ),
    )


# Makes the store switcher (or nothing): the sidebar and the drawer each need their own.
Switcher = Callable[[], rx.Component] | None


def _navigation(heading: rx.Component, switcher: Switcher, link=nav_link) -> list[rx.Component]:
    """What a dashboard's sidebar and drawer hold: the heading, the store switcher, the menu,
    and at the bottom the user, the language and signing out."""
    return [
        rx.vstack(heading, *([switcher()] if switcher else []), spacing="3", width="100%"),
        rx.el.nav(
            rx.vstack(rx.foreach(ShellState.menu, link), spacing="1", width="100%"),
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
    ]


def header_items(frontend: Frontend, exclude: Frontend | None = None) -> list[rx.Component]:
    """What modules contribute to this frontend's header (`ShellItem`s, e.g. a notifications
    bell), each shown only where its module is enabled (the guard lists those); `exclude`
    leaves out the items also made for that frontend (the public shell serves two)."""
    return [
        rx.cond(ShellState.header_modules.contains(code), import_string(item.component)())
        for code, items in get_registry().contributions(SHELL_HEADER)
        for item in items
        if frontend in item.frontends and exclude not in item.frontends
    ]


def sidebar(
    title: rx.Var | str, subtitle: rx.Var | str, switcher: Switcher = None, extras: tuple = ()
) -> rx.Component:
    heading = rx.hstack(
        rx.vstack(
            # Not a heading: the page's own title is its one <h1> (Radix's Heading is h1-h6 only).
            rx.text(title, size="4", weight="bold", as_="p"),
            rx.text(subtitle, size="1", color_scheme="gray"),
            spacing="0",
            min_width="0",
        ),
        *extras,
        justify="between",
        align="start",
        width="100%",
    )
    return rx.vstack(
        *_navigation(heading, switcher),
        display=rx.breakpoints(initial="none", **{WIDE: "flex"}),
        width=SIDEBAR_WIDTH,
        flex_shrink="0",
        min_height="100vh",
        padding="1.25em",
        border_right="1px solid var(--gray-5)",
        background="var(--gray-2)",
        position="sticky",
        top="0",
    )


def _drawer_link(item: rx.Var) -> rx.Component:
    """A menu link that also closes the drawer it sits in."""
    return rx.drawer.close(nav_link(item))


def left_drawer(trigger: rx.Component, body: rx.Component, **root_props) -> rx.Component:
    """A panel sliding in from the left over a dimmed page, opened by `trigger`. Its `body`
    needs an `rx.drawer.title` (screen readers announce the panel by it)."""
    return rx.drawer.root(
        rx.drawer.trigger(trigger),
        rx.drawer.overlay(z_index="40", background="rgba(0, 0, 0, 0.35)"),
        rx.drawer.portal(
            rx.drawer.content(
                body,
                top="0",
                right="auto",
                height="100%",
                width="min(18em, 85vw)",
                padding="1.25em",
                overflow_y="auto",
                background="var(--gray-2)",
                z_index="50",
            )
        ),
        direction="left",
        **root_props,
    )


def top_bar(
    title: rx.Var | str, subtitle: rx.Var | str, switcher: Switcher = None, extras: tuple = ()
) -> rx.Component:
    """On a narrow screen: a menu button opening the navigation in a drawer, the title, and the
    modules' header items at the right."""
    heading = rx.vstack(
        rx.drawer.title(title, size="4"),
        rx.drawer.description(subtitle, size="1", color_scheme="gray"),
        spacing="0",
    )
    drawer = left_drawer(
        rx.icon_button(rx.icon("menu"), variant="ghost", color_scheme="gray", aria_label=t("orion.menu")),
        rx.vstack(*_navigation(heading, switcher, _drawer_link), height="100%", width="100%"),
        open=ShellState.drawer_open,
        on_open_change=ShellState.set_drawer_open,
    )
    return rx.hstack(
        drawer,
        rx.text(title, size="3", weight="bold", style=ONE_LINE, min_width="0", flex="1 1 auto"),
        *extras,
        display=rx.breakpoints(initial="flex", **{WIDE: "none"}),
        align="center",
        spacing="3",
        width="100%",
        padding="0.6em 1em",
        position="sticky",
        top="0",
        z_index="10",
        background="var(--color-background)",
        border_bottom="1px solid var(--gray-5)",
    )


def dashboard_shell(
    content: rx.Component,
    title: rx.Var | str,
    subtitle: rx.Var | str,
    switcher: Switcher = None,
    frontend: Frontend = Frontend.ADMIN,
) -> rx.Component:
    """The sidebar beside the page on a wide screen, a top bar with a drawer above it on a
    phone. The page's box may shrink below its content's width (min-width 0), so a wide table
    scrolls inside its own box instead of the whole page scrolling sideways."""

    def frame(body: rx.Component) -> rx.Component:
        return rx.box(
            top_bar(title, subtitle, switcher, tuple(header_items(frontend))),
            rx.hstack(
                sidebar(title, subtitle, switcher, tuple(header_items(frontend))),
                rx.el.main(
                    body,
                    padding=rx.breakpoints(initial="1em", sm="2em"),
                    width="100%",
                    max_width="72em",
                    min_width="0",
                    overflow_wrap="break-word",
                ),
                align="start",
                spacing="0",
                width="100%",
            ),
            width="100%",
        )

    # The upgrade page keeps the dashboard around it: the menu shows where else to go.
    return rx.match(
        ShellState.status,
        ("not_found", not_found_view()),
        ("ok", frame(content)),
        ("upgrade", frame(upgrade_view())),
        guarded_content(content),
    )


def admin_shell(content: rx.Component) -> rx.Component:
    return dashboard_shell(content, "Orion", t("orion.admin.subtitle"), frontend=Frontend.ADMIN)


def store_shell(content: rx.Component) -> rx.Component:
    return dashboard_shell(
        content,
        ShellState.tenant_store_name,
        ShellState.tenant_platform_name,
        store_switcher,
        frontend=Frontend.STORE,
    )


# The storefront root's class: the rules of a `STOREFRONT_LOOK` stylesheet target it.
LOOK_CLASS = "orion-look"


def look_head() -> rx.Component:
    """A storefront's look (`ShellState.look`): its stylesheet, favicon and font preload (React
    moves the links into the document's head)."""
    look = ShellState.look
    return rx.fragment(
        rx.cond(look["css"], rx.el.style(look["css"])),
        rx.cond(look["favicon"], rx.el.link(rel="icon", href=look["favicon"], type="image/webp")),
        rx.cond(
            look["font"],
            rx.el.link(
                rel="preload",
                href=look["font"],
                type="font/woff2",
                cross_origin="",
                custom_attrs={"as": "font"},  # `as_` is not a prop of Reflex's link
            ),
        ),
    )


def public_shell(content: rx.Component) -> rx.Component:
    """Storefront and platform pages: a top bar with the enabled modules' navigation."""
    brand = rx.cond(
        ShellState.frontend == "storefront", ShellState.tenant_store_name, ShellState.tenant_platform_name
    )
    centered = ShellState.look["header"] == "centered"
    # The brand is a link, not a heading: each page has its own single <h1>. On a phone the
    # header wraps (brand and language on one line, the menu under them) instead of widening
    # the page.
    header = rx.el.header(
        rx.flex(
            rx.link(
                # A logo in a fixed box (contained), so nothing moves when it arrives.
                rx.cond(
                    ShellState.look["logo"],
                    rx.image(
                        src=ShellState.look["logo"],
                        alt=brand,
                        height="40px",
                        width="10em",
                        max_width="100%",
                        object_fit="contain",
                        object_position=rx.cond(centered, "center", "left"),
                        display="inline-block",
                    ),
                    rx.text(brand, size="5", weight="bold", style=ONE_LINE),
                ),
                href=ShellState.base,
                underline="none",
                min_width="0",
                flex=rx.cond(centered, "1 1 100%", "1 1 auto"),
                text_align=rx.cond(centered, "center", "left"),
            ),
            rx.el.nav(
                rx.flex(
                    rx.foreach(ShellState.menu, lambda item: _menu_link(item, "auto")), gap="1", wrap="wrap"
                ),
                aria_label="Main",
                order=rx.breakpoints(initial="3", sm="0"),
                width=rx.breakpoints(initial="100%", sm="auto"),
            ),
            *header_items(Frontend.STOREFRONT),
            *header_items(Frontend.PLATFORM, exclude=Frontend.STOREFRONT),
            language_switcher(),
            align="center",
            justify=rx.cond(centered, "center", "start"),
            wrap="wrap",
            column_gap="var(--space-3)",  # CSS, not a Radix prop: "3" was dropped as invalid
            row_gap="var(--space-1)",
            width="100%",
            padding=rx.breakpoints(initial="0.6em 1em", sm="0.75em 1.5em"),
            **CONTENT_WIDTH,
        ),
        border_bottom="1px solid var(--gray-5)",
    )
    return rx.cond(
        ShellState.status == "ok",
        rx.box(
            look_head(),
            header,
            rx.el.main(
                content,
                padding=rx.breakpoints(initial="1em", sm="2em 1.5em"),
                min_width="0",
                overflow_wrap="break-word",
                **CONTENT_WIDTH,
            ),
            store_footer(brand),
            class_name=LOOK_CLASS,
        ),
        guarded_content(content),
    )


def store_footer(brand: rx.Var) -> rx.Component:
    """The site's footer: on a storefront who sells (legal name, VAT number, e-mail); and the
    footer pages' links (`ShellState.legal_pages`, filled by a module's header loader; with
    none, no links rather than dead ones)."""
    return rx.el.footer(
        rx.vstack(
            # A store's footer names the store and its platform; the platform's, itself once.
            rx.text(
                brand,
                rx.cond(ShellState.frontend == "storefront", " · " + ShellState.tenant_platform_name, ""),
                size="1",
                color_scheme="gray",
            ),
            rx.foreach(ShellState.imprint, lambda line: rx.text(line, size="1", color_scheme="gray")),
            rx.cond(
                ShellState.legal_pages.length() > 0,
                rx.el.nav(
                    rx.flex(
                        rx.foreach(
                            ShellState.legal_pages, lambda p: rx.link(p["label"], href=p["href"], size="1")
                        ),
                        column_gap="1em",
                        row_gap="0.25em",
                        wrap="wrap",
                    ),
                    aria_label=t("orion.footer.legal"),
                ),
            ),
            spacing="1",
        ),
        padding=rx.breakpoints(initial="1.5em 1em", sm="2em 1.5em"),
        overflow_wrap="anywhere",
        **CONTENT_WIDTH,
    )


def plain_shell(content: rx.Component) -> rx.Component:
    """Sign-in pages: centred, no navigation; on a phone the card keeps a margin to the edges."""
    switcher = rx.hstack(rx.spacer(), language_switcher(), width="100%")
    card = rx.vstack(content, switcher, width="100%", max_width="24em")
    return guarded_content(rx.center(card, min_height="90vh", padding="1em"))


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
