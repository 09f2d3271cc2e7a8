"""Store dashboard: invoices and credit notes by period, each PDF, and the ZIP for the accountant."""

import reflex as rx

from modules.orders.state.documents import DocumentsState
from orion_app.ui.backend import backend_url
from orion_app.ui.components import (
    download_button,
    field,
    field_error,
    page,
    section,
    select_field,
    stacked_form,
    text_area_field,
)
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


def _settings() -> rx.Component:
    """How the store invoices, the seller details tenancy does not keep, and the return
    window (managers only)."""
    when_options = [
        rx.el.option(t("orders.documents.invoice_on.payment"), value="payment"),
        rx.el.option(t("orders.documents.invoice_on.shipment"), value="shipment"),
    ]
    form = stacked_form(
        select_field(
            "orders.documents.field.invoice_on",
            "invoice_on",
            S.settings_errors,
            when_options,
            default_value=S.settings["invoice_on"],
        ),
        text_area_field(
            "orders.documents.field.seller_address",
            "seller_address",
            S.settings_errors,
            default_value=S.settings["seller_address"],
        ),
        field(
            "orders.documents.field.registration_number",
            "registration_number",
            S.settings_errors,
            default_value=S.settings["registration_number"],
        ),
        field(
            "orders.documents.field.return_days",
            "return_days",
            S.settings_errors,
            type="number",
            default_value=S.settings["return_days"],
        ),
        rx.hstack(
            rx.button(t("orders.documents.save"), type="submit"),
            rx.cond(S.settings_saved, rx.text(t("orders.documents.saved"), size="2", color_scheme="green")),
            align="center",
            spacing="3",
        ),
        on_submit=S.save_settings,
        key=S.settings["invoice_on"] + S.settings["registration_number"] + S.settings["return_days"],
    )
    return rx.cond(
        S.can_manage,
        section("orders.documents.settings", form, hint_key="orders.documents.settings_hint"),
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
        _settings(),
        actions=(archive,),
        spacing="3",
    )
