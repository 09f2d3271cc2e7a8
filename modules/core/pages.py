"""Admin dashboard and store dashboard overview."""

import reflex as rx

from modules.core.state import AdminDashboardState, StoreOverviewState
from orion_app.ui.components import data_item, page, stat_card
from orion_app.ui.i18n import t
from orion_app.ui.shell import ShellState

ADMIN_CARDS = ("core.admin.platforms", "core.admin.merchants", "core.admin.stores")


def _stat_cards(cards: rx.Var, label) -> rx.Component:
    return rx.hstack(
        rx.foreach(cards, lambda card: stat_card(label(card), card["value"])), spacing="4", wrap="wrap"
    )


def admin_dashboard_page() -> rx.Component:
    return page(
        "core.admin.title",
        rx.text(t("core.admin.welcome", name=ShellState.user_name), color_scheme="gray"),
        _stat_cards(
            AdminDashboardState.cards,
            lambda card: rx.match(card["key"], *[(k, t(k)) for k in ADMIN_CARDS], t("core.admin.users")),
        ),
        spacing="4",
    )


def store_overview_page() -> rx.Component:
    return page(
        "core.store.title",
        rx.text(
            t("core.store.welcome", name=ShellState.user_name, store=ShellState.tenant_store_name),
            color_scheme="gray",
        ),
        _stat_cards(StoreOverviewState.metrics, lambda m: m["label"]),
        rx.card(
            rx.data_list.root(
                data_item(t("core.store.platform"), ShellState.tenant_platform_name),
                data_item(t("core.store.code"), rx.code(ShellState.tenant_store_code)),
                data_item(t("core.store.languages"), StoreOverviewState.languages),
            ),
            width="100%",
        ),
        actions=(rx.link(t("core.store.open_storefront"), href=StoreOverviewState.storefront_url),),
        spacing="4",
    )
