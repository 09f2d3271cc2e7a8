"""Store dashboard: product list."""

import reflex as rx

from modules.catalog.state.dashboard import ProductListState
from orion_app.ui.components import empty_state, options_of, page_heading, select
from orion_app.ui.i18n import t
from orion_app.ui.pager import pager
from orion_app.ui.shell import ShellState

S = ProductListState


def _filters() -> rx.Component:
    return rx.form(
        rx.hstack(
            rx.input(
                name="q",
                placeholder=t("catalog.products.search"),
                default_value=S.search,
                type="search",
                aria_label=t("catalog.products.search"),
                width="18em",
            ),
            select(
                rx.el.option(t("catalog.products.all"), value="all"),
                rx.el.option(t("catalog.products.active_only"), value="active"),
                rx.el.option(t("catalog.products.inactive_only"), value="inactive"),
                name="status",
                default_value=S.status,
                aria_label=t("catalog.products.status"),
            ),
            select(
                rx.el.option(t("catalog.products.all_categories"), value=""),
                options_of(S.category_options),
                name="category",
                default_value=S.category,
                aria_label=t("catalog.product.category"),
            ),
            select(
                *[
                    rx.el.option(t(f"catalog.sort.{k}"), value=k)
                    for k in ("newest", "oldest", "sku", "price_asc", "price_desc")
                ],
                name="sort",
                default_value=S.sort,
                aria_label=t("catalog.products.sort"),
            ),
            rx.button(t("catalog.products.apply"), type="submit", variant="soft"),
            wrap="wrap",
            spacing="2",
        ),
        on_submit=S.apply_filters,
        reset_on_submit=False,
        width="100%",
    )


def _row(row: rx.Var) -> rx.Component:
    return rx.table.row(
        rx.table.cell(
            rx.checkbox(
                checked=S.selected.contains(row["id"]),
                on_change=lambda _v: S.toggle(row["id"]),
                aria_label="select " + row["sku"],
            )
        ),
        rx.table.cell(rx.code(row["sku"])),
        rx.table.cell(rx.link(row["title"], href=ShellState.base + "products/" + row["id"])),
        rx.table.cell(
            rx.vstack(
                rx.text(row["price"]),
                rx.cond(row["sale"] != "", rx.text(row["sale"], size="1", color_scheme="red")),
                spacing="0",
            )
        ),
        rx.table.cell(row["stock"]),
        rx.table.cell(
            rx.cond(
                row["active"] != "",
                rx.badge(t("catalog.products.active"), color_scheme="green"),
                rx.badge(t("catalog.products.inactive"), color_scheme="gray"),
            )
        ),
        rx.table.cell(
            rx.button(
                t("catalog.products.delete"),
                size="1",
                variant="ghost",
                color_scheme="red",
                on_click=S.ask_delete(row["id"], row["title"]),
            )
        ),
    )


def _delete_dialog() -> rx.Component:
    return rx.alert_dialog.root(
        rx.alert_dialog.content(
            rx.alert_dialog.title(t("catalog.products.delete_title")),
            rx.alert_dialog.description(t("catalog.products.delete_text", title=S.confirm_delete_title)),
            rx.hstack(
                rx.alert_dialog.cancel(
                    rx.button(
                        t("orion.cancel"), variant="soft", color_scheme="gray", on_click=S.cancel_delete
                    )
                ),
                rx.alert_dialog.action(
                    rx.button(t("catalog.products.delete"), color_scheme="red", on_click=S.confirm_delete)
                ),
                justify="end",
                spacing="3",
                margin_top="1em",
            ),
        ),
        open=S.confirm_delete_id != "",
    )


def products_page() -> rx.Component:
    return rx.vstack(
        page_heading(
            "catalog.products.title",
            rx.link(rx.button(t("catalog.products.new")), href=ShellState.base + "products/new"),
        ),
        _filters(),
        rx.hstack(
            rx.text(t("catalog.products.count", count=S.total), size="2", color_scheme="gray"),
            rx.spacer(),
            rx.cond(
                S.selected.length() > 0,
                rx.hstack(
                    rx.text(t("catalog.products.selected", count=S.selected.length()), size="2"),
                    rx.button(t("catalog.products.activate"), size="1", on_click=S.bulk_set_active(True)),
                    rx.button(
                        t("catalog.products.deactivate"),
                        size="1",
                        variant="soft",
                        on_click=S.bulk_set_active(False),
                    ),
                    align="center",
                ),
            ),
            width="100%",
            align="center",
        ),
        rx.cond(
            S.rows.length() > 0,
            rx.table.root(
                rx.table.header(
                    rx.table.row(
                        rx.table.column_header_cell(
                            rx.checkbox(on_change=lambda _v: S.toggle_all(), aria_label="select all")
                        ),
                        *[
                            rx.table.column_header_cell(t(k))
                            for k in (
                                "catalog.product.sku",
                                "catalog.product.title",
                                "catalog.product.price",
                                "catalog.products.stock",
                                "catalog.products.status",
                            )
                        ],
                        rx.table.column_header_cell(""),
                    )
                ),
                rx.table.body(rx.foreach(S.rows, _row)),
                width="100%",
            ),
            empty_state("catalog.products.empty"),
        ),
        pager(S.page_number, S.page_count, S.go_to_page),
        _delete_dialog(),
        width="100%",
        spacing="3",
    )
