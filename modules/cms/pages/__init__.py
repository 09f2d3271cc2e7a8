"""Storefront home and platform home."""

import reflex as rx

from modules.cms.pages.site import page_body
from modules.cms.state import PlatformHomeState, StorefrontHomeState
from orion_app.ui.cards import card_section
from orion_app.ui.i18n import t
from orion_app.ui.shell import ShellState


def storefront_home_page() -> rx.Component:
    return rx.vstack(
        rx.box(
            rx.heading(ShellState.tenant_store_name, size="8", as_="h1"),
            rx.text(
                t("cms.storefront.welcome", store=ShellState.tenant_store_name), size="4", color_scheme="gray"
            ),
            padding="3em 0",
        ),
        rx.foreach(StorefrontHomeState.sections, card_section),
        width="100%",
        spacing="5",
    )


def platform_home_page() -> rx.Component:
    return rx.vstack(
        rx.cond(
            PlatformHomeState.body != "",
            rx.box(
                rx.heading(PlatformHomeState.title, size="8", as_="h1", margin_bottom="0.5em"),
                page_body(PlatformHomeState.body),
                padding="2em 0 1em 0",
                width="100%",
            ),
            rx.box(
                rx.heading(ShellState.tenant_platform_name, size="8", as_="h1"),
                rx.text(t("cms.platform.tagline"), size="4", color_scheme="gray"),
                padding="3em 0 1em 0",
            ),
        ),
        rx.heading(t("cms.platform.stores"), size="5", as_="h2"),
        rx.cond(
            PlatformHomeState.stores.length() > 0,
            rx.grid(
                rx.foreach(
                    PlatformHomeState.stores,
                    lambda s: rx.link(
                        rx.card(rx.text(s["name"], weight="medium")), href=s["href"], underline="none"
                    ),
                ),
                columns=rx.breakpoints(initial="2", sm="3"),
                spacing="4",
                width="100%",
            ),
            rx.text(t("cms.platform.no_stores"), color_scheme="gray"),
        ),
        width="100%",
        spacing="4",
    )
