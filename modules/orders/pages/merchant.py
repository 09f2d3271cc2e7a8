"""Store dashboard: the order list."""

import reflex as rx

from modules.orders.pages.common import method_text, status_badge
from modules.orders.services.listing import METHODS
from modules.orders.services.transitions import STATUSES
from modules.orders.state.merchant import OrderListState
from orion_app.ui.components import download_button, field_error, page, search_input, select, when
from orion_app.ui.i18n import t
from orion_app.ui.pager import pager
from orion_app.ui.shell import ShellState
from orion_app.ui.tables import data_table, row

S = OrderListState


def _choice(name: str, value: rx.Var, values: tuple[str, ...], prefix: str) -> rx.Component:
    """A filter posting `name`: "all" (`orders.ui.filter.<name>_all`) or one of `values`."""
    return select(
        rx.el.option(t(f"orders.ui.filter.{name}_all"), value="all"),
        *[rx.el.option(t(f"{prefix}.{v}"), value=v) for v in values],
        name=name,
        default_value=value,
        aria_label=t(f"orders.ui.filter.{name}_all"),
    )


def _date(name: str, value: rx.Var) -> rx.Component:
    return rx.box(
        rx.el.label(
            rx.text(t(f"orders.ui.filter.{name}"), size="1", color_scheme="gray"),
            rx.input(name=name, type="date", default_value=value),
        ),
        field_error(S.errors, name),
    )


def _filters() -> rx.Component:
    return rx.form(
        rx.hstack(
            search_input(
                S.search, "orders.ui.search", "orders.ui.search_label", width="18em", max_width="100%"
            ),
            _choice("status", S.status, STATUSES, "orders.domain.status"),
            _choice("method", S.method, METHODS, "orders.domain.payment"),
            _date("since", S.since),
            _date("until", S.until),
            rx.button(t("orders.ui.apply"), type="submit", variant="soft"),
            rx.button(t("orders.ui.clear"), type="button", variant="ghost", on_click=S.clear_filters),
            wrap="wrap",
            spacing="2",
            align="end",
        ),
        on_submit=S.apply_filters,
        reset_on_submit=False,
        key=S.form_key,
        width="100%",
    )


def _row(r: rx.Var) -> rx.Component:
    return row(
        rx.link(rx.code(r["number"]), href=ShellState.base + "orders/" + r["id"]),
        when(r["created"]),
        rx.vstack(
            rx.text(r["customer"], size="2"),
            rx.text(r["email"], size="1", color_scheme="gray"),
            spacing="0",
        ),
        status_badge(r["status"]),
        method_text(r["method"]),
        rx.table.cell(r["items"], text_align="right"),
        rx.table.cell(r["total"], text_align="right", white_space="nowrap"),
    )


def orders_page() -> rx.Component:
    export = download_button("download", "orders.ui.export", S.export_path, variant="soft")
    picks = (
        download_button("file_text", "orders.picklist.download_selected", S.picklist_shown, variant="soft"),
        download_button("file_text", "orders.picklist.download_all", S.picklist_all, variant="soft"),
    )
    return page(
        "orders.ui.title",
        _filters(),
        rx.text(t("orders.ui.count", count=S.total), size="2", color_scheme="gray"),
        data_table(
            [
                "orders.ui.column.number",
                "orders.ui.column.date",
                "orders.ui.column.customer",
                "orders.ui.column.status",
                "orders.ui.column.method",
                "orders.ui.column.items",
                "orders.ui.column.total",
            ],
            S.rows,
            _row,
            empty="orders.ui.empty",
        ),
        pager(S.page_number, S.page_count, S.go_to_page),
        actions=(export, *picks),
        spacing="3",
    )
