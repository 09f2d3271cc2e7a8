"""Admin dashboard and store dashboard overview."""

import reflex as rx

from modules.core.state import AdminDashboardState, StoreOverviewState
from orion_app.ui.components import ONE_LINE, data_item, page, stat_card, when
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


def _tile(title: rx.Var, *children: rx.Component) -> rx.Component:
    """A card titled by a module's (already translated) text; the title names the region."""
    return rx.card(
        rx.vstack(rx.heading(title, size="3", as_="h2"), *children, spacing="2", width="100%"),
        role="region",
        aria_label=title,
        width="100%",
        min_width="0",
    )


def _stat(stat: rx.Var) -> rx.Component:
    return _tile(
        stat["title"],
        rx.text(stat["value"], size="7", weight="bold", style={"overflow_wrap": "anywhere"}),
        rx.text(stat["detail"], size="1", color_scheme="gray"),
    )


def _cell(cell: rx.Var) -> rx.Component:
    """A table cell as the provider described it: a time, a status badge, a link or text."""
    return rx.table.cell(
        rx.cond(
            cell["time"] != "",
            when(cell["time"]),
            rx.cond(
                cell["tone"] != "",
                rx.badge(cell["text"], color_scheme=cell["tone"]),
                rx.cond(
                    cell["href"] != "",
                    rx.link(
                        cell["text"],
                        href=cell["href"],
                        title=cell["text"],
                        max_width="16em",
                        display="block",
                        style=ONE_LINE,
                    ),
                    rx.text(cell["text"]),
                ),
            ),
        ),
    )


def _table(table: rx.Var) -> rx.Component:
    grid = rx.table.root(
        rx.table.header(rx.table.row(rx.foreach(table.columns, rx.table.column_header_cell))),
        rx.table.body(rx.foreach(table.rows, lambda cells: rx.table.row(rx.foreach(cells, _cell)))),
        size="1",
        width="100%",
    )
    return _tile(
        table.title,
        rx.cond(
            table.rows.length() > 0,
            rx.box(grid, overflow_x="auto", width="100%"),
            rx.text(table.empty, color_scheme="gray", size="2"),
        ),
    )


def _chart(chart: rx.Var) -> rx.Component:
    """Two bars a day (units in, units out), as wide as the card: it fits a 390 px phone."""
    return _tile(
        chart.title,
        rx.recharts.bar_chart(
            rx.recharts.cartesian_grid(stroke_dasharray="3 3", vertical=False),
            rx.recharts.x_axis(data_key="x", min_tick_gap=8),
            rx.recharts.y_axis(allow_decimals=False, width=56),  # room for "1,800"
            rx.recharts.graphing_tooltip(),
            rx.recharts.legend(),
            rx.recharts.bar(data_key="y1", name=chart.y1, fill=rx.color("grass", 9)),
            rx.recharts.bar(data_key="y2", name=chart.y2, fill=rx.color("tomato", 9)),
            data=chart.points,
            width="100%",
            height=260,
            margin={"left": 0, "right": 8, "top": 8, "bottom": 0},
        ),
        rx.text(chart.detail, size="1", color_scheme="gray"),
    )


def store_overview_page() -> rx.Component:
    state = StoreOverviewState
    return page(
        "core.store.title",
        rx.text(
            t("core.store.welcome", name=ShellState.user_name, store=ShellState.tenant_store_name),
            color_scheme="gray",
        ),
        rx.grid(
            rx.foreach(state.stats, _stat),
            columns=rx.breakpoints(initial="1", xs="2", lg="4"),
            spacing="4",
            width="100%",
        ),
        rx.foreach(state.charts, _chart),
        rx.foreach(state.tables, _table),
        rx.card(
            rx.data_list.root(
                data_item(t("core.store.platform"), ShellState.tenant_platform_name),
                data_item(t("core.store.code"), rx.code(ShellState.tenant_store_code)),
                data_item(t("core.store.languages"), state.languages),
            ),
            width="100%",
        ),
        actions=(rx.link(t("core.store.open_storefront"), href=state.storefront_url),),
        spacing="4",
    )
