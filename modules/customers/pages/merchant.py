"""Store dashboard: the customers list."""

import reflex as rx

from modules.customers.state.merchant import CustomerListState
from orion_app.ui.components import download_button, flag_badge, page, search_input, select, when
from orion_app.ui.i18n import t
from orion_app.ui.pager import pager
from orion_app.ui.shell import ShellState
from orion_app.ui.tables import data_table, row

S = CustomerListState


def _choice(name: str, value: rx.Var) -> rx.Component:
    """A yes/no/all filter posting `name` (texts `customers.admin.filter.<name>_all|yes|no`)."""
    key = f"customers.admin.filter.{name}"
    return select(
        *[rx.el.option(t(f"{key}_{choice}"), value=choice) for choice in ("all", "yes", "no")],
        name=name,
        default_value=value,
        aria_label=t(f"{key}_all"),
    )


def _filters() -> rx.Component:
    return rx.form(
        rx.hstack(
            search_input(S.search, "customers.admin.search", "customers.admin.search_label", width="18em"),
            _choice("verified", S.verified),
            _choice("orders", S.orders),
            _choice("consent", S.consent),
            rx.button(t("customers.admin.apply"), type="submit", variant="soft"),
            wrap="wrap",
            spacing="2",
        ),
        on_submit=S.apply_filters,
        reset_on_submit=False,
        width="100%",
    )


def _row(r: rx.Var) -> rx.Component:
    return row(
        rx.cond(
            r["deleted"] != "",
            rx.link(
                rx.text(r["name"], as_="span", color_scheme="gray"),
                href=ShellState.base + "customers/" + r["id"],
            ),
            rx.link(r["name"], href=ShellState.base + "customers/" + r["id"]),
        ),
        r["email"],
        flag_badge(r["verified"] != "", "customers.admin.verified", "customers.admin.not_verified"),
        flag_badge(r["consent"] != "", "customers.admin.consent_yes", "customers.admin.consent_no"),
        when(r["created"]),
        when(r["last_sign_in"]),
    )


def customers_page() -> rx.Component:
    export = download_button("download", "customers.admin.export", S.export_path, variant="soft")
    return page(
        "customers.admin.title",
        _filters(),
        rx.text(t("customers.admin.count", count=S.total), size="2", color_scheme="gray"),
        data_table(
            [
                "customers.admin.column.name",
                "customers.admin.column.email",
                "customers.admin.column.verified",
                "customers.admin.column.consent",
                "customers.admin.column.created",
                "customers.admin.column.last_sign_in",
            ],
            S.rows,
            _row,
            empty="customers.admin.empty",
        ),
        pager(S.page_number, S.page_count, S.go_to_page),
        actions=(export,),
        spacing="3",
    )
