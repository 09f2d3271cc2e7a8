"""Store dashboard: invoices and credit notes by period, each PDF, and the ZIP for the accountant."""

import reflex as rx

from modules.orders.state.documents import DocumentsState
from orion_app.ui.backend import backend_url
from orion_app.ui.components import download_button, field_error, page
from orion_app.ui.i18n import t
from orion_app.ui.tables import data_table, row

S = DocumentsState


def _date(name: str, value: rx.Var) -> rx.Component:
    return rx.box(
        rx.el.label(
            rx.text(t(f"orders.ui.filter.{name}"), size="1", color_scheme="gray"),
            rx.input(name=name, type="date", default_value=value),
        ),
        field_error(S.errors, name),
    )


def _period() -> rx.Component:
    return rx.form(
        rx.hstack(
            _date("since", S.since),
            _date("until", S.until),
            rx.button(t("orders.ui.apply"), type="submit", variant="soft"),
            rx.button(t("orders.ui.clear"), type="button", variant="ghost", on_click=S.clear_period),
            wrap="wrap",
            spacing="2",
            align="end",
        ),
        on_submit=S.apply_period,
        reset_on_submit=False,
        key=S.form_key,
        width="100%",
    )


def _row(r: rx.Var) -> rx.Component:
    return row(
        rx.link(rx.code(r["number"]), href=backend_url(r["href"]), is_external=True),
        rx.match(
            r["kind"],
            ("invoice", rx.text(t("orders.documents.kind.invoice"), size="2")),
            rx.text(t("orders.documents.kind.credit_note"), size="2"),
        ),
        rx.table.cell(r["issued"], white_space="nowrap"),
        rx.vstack(
            rx.text(r["customer"], size="2"),
            rx.text(r["order"], size="1", color_scheme="gray"),
            spacing="0",
        ),
        rx.table.cell(r["net"], text_align="right", white_space="nowrap"),
        rx.table.cell(r["vat"], text_align="right", white_space="nowrap"),
        rx.table.cell(r["gross"], text_align="right", white_space="nowrap"),
        rx.cond(
            r["status"] == "issued",
            rx.badge(t("orders.documents.status.issued"), color_scheme="green"),
            rx.badge(t("orders.documents.status.render_failed"), color_scheme="orange"),
        ),
    )


def documents_page() -> rx.Component:
    archive = download_button("archive", "orders.documents.zip", S.zip_path, variant="soft")
    return page(
        "orders.documents.title",
        rx.text(t("orders.documents.intro"), size="2", color_scheme="gray"),
        _period(),
        data_table(
            [
                "orders.documents.column.number",
                "orders.documents.column.kind",
                "orders.documents.column.date",
                "orders.documents.column.customer",
                "orders.documents.column.net",
                "orders.documents.column.vat",
                "orders.documents.column.gross",
                "orders.documents.column.status",
            ],
            S.rows,
            _row,
            empty="orders.documents.empty",
        ),
        actions=(archive,),
        spacing="3",
    )
