"""Admin dashboard and store dashboard overview."""

import reflex as rx

from modules.core.state import AdminDashboardState, StoreOverviewState
from orion_app.ui.components import page_heading, stat_card
from orion_app.ui.i18n import t
from orion_app.ui.shell import ShellState


def admin_dashboard_page() -> rx.Component:
    return rx.vstack(
        page_heading("core.admin.title"),
        rx.text(t("core.admin.welcome", name=ShellState.user_name), color_scheme="gray"),
        rx.hstack(
            rx.foreach(
                AdminDashboardState.cards,
                lambda card: stat_card(
                    rx.match(
                        card["key"],
                        ("core.admin.platforms", t("core.admin.platforms")),
                        ("core.admin.merchants", t("core.admin.merchants")),
                        ("core.admin.stores", t("core.admin.stores")),
                        t("core.admin.users"),
                    ),
                    card["value"],
                ),
            ),
            spacing="4",
            wrap="wrap",
        ),
        width="100%",
        spacing="4",
    )


def store_overview_page() -> rx.Component:
    return rx.vstack(
        page_heading(
            "core.store.title",
            rx.link(t("core.store.open_storefront"), href=StoreOverviewState.storefront_url),
        ),
        rx.text(
            t("core.store.welcome", name=ShellState.user_name, store=ShellState.tenant_store_name),
            color_scheme="gray",
        ),
        rx.hstack(
            rx.foreach(StoreOverviewState.metrics, lambda m: stat_card(m["label"], m["value"])),
            spacing="4",
            wrap="wrap",
        ),
        rx.card(
            rx.data_list.root(
                rx.data_list.item(
                    rx.data_list.label(t("core.store.platform")),
                    rx.data_list.value(ShellState.tenant_platform_name),
                ),
                rx.data_list.item(
                    rx.data_list.label(t("core.store.code")),
                    rx.data_list.value(rx.code(ShellState.tenant_store_code)),
                ),
                rx.data_list.item(
                    rx.data_list.label(t("core.store.languages")),
                    rx.data_list.value(StoreOverviewState.languages),
                ),
            ),
            width="100%",
        ),
        width="100%",
        spacing="4",
    )
