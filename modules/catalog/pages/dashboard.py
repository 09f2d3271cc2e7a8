"""Store dashboard: product list."""

import reflex as rx

from modules.catalog.state.dashboard import ProductListState
from orion_app.ui.components import (
    confirm_dialog,
    flag_badge,
    options_of,
    page,
    remove_button,
    search_input,
    select,
)
from orion_app.ui.i18n import t
from orion_app.ui.pager import pager
from orion_app.ui.shell import ShellState
from orion_app.ui.tables import data_table, row

S = ProductListState


def _filters() -> rx.Component:
    return rx.form(
        rx.hstack(
            search_input(S.search, "catalog.products.search", "catalog.products.search", width="18em"),
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


def _row(r: rx.Var) -> rx.Component:
    return row(
        rx.checkbox(
            checked=S.selected.contains(r["id"]),
            on_change=lambda _v: S.toggle(r["id"]),
            aria_label="select " + r["sku"],
        ),
        rx.code(r["sku"]),
        rx.link(r["title"], href=ShellState.base + "products/" + r["id"]),
        rx.vstack(
            rx.text(r["price"]),
            rx.cond(r["sale"] != "", rx.text(r["sale"], size="1", color_scheme="red")),
            spacing="0",
        ),
        r["stock"],
        flag_badge(r["active"] != "", "catalog.products.active", "catalog.products.inactive"),
        remove_button("catalog.products.delete", S.ask_delete(r["id"], r["title"])),
    )


def _delete_dialog() -> rx.Component:
    return confirm_dialog(
        t("catalog.products.delete_title"),
        t("catalog.products.delete_text", title=S.confirm_delete_title),
        open=S.confirm_delete_id != "",
        on_cancel=S.cancel_delete,
        confirm=t("catalog.products.delete"),
        on_confirm=S.confirm_delete,
        color_scheme="red",
    )


def _bulk_actions() -> rx.Component:
    return rx.hstack(
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
    )


def products_page() -> rx.Component:
    new_product = rx.link(rx.button(t("catalog.products.new")), href=ShellState.base + "products/new")
    return page(
        "catalog.products.title",
        _filters(),
        _bulk_actions(),
        data_table(
            [
                rx.table.column_header_cell(
                    rx.checkbox(on_change=lambda _v: S.toggle_all(), aria_label="select all")
                ),
                "catalog.product.sku",
                "catalog.product.title",
                "catalog.product.price",
                "catalog.products.stock",
                "catalog.products.status",
                "",
            ],
            S.rows,
            _row,
            empty="catalog.products.empty",
        ),
        pager(S.page_number, S.page_count, S.go_to_page),
        _delete_dialog(),
        actions=(new_product,),
        spacing="3",
    )
