"""What every orders page shows the same way: the status badge, the payment method, lines,
totals per VAT rate, addresses and bank-transfer details (merchant, shopper and guest pages)."""

import reflex as rx

from modules.orders.services.listing import METHODS
from modules.orders.services.transitions import STATUSES
from orion_app.ui.components import data_item
from orion_app.ui.i18n import label, t
from orion_app.ui.tables import data_table, row

TONES = {
    "pending_payment": "amber",
    "paid": "green",
    "processing": "blue",
    "shipped": "indigo",
    "delivered": "teal",
    "cancelled": "gray",
    "refunded": "red",
    "partially_refunded": "orange",
}


def status_text(status: rx.Var) -> rx.Var:
    return label(status, "orders.domain.status", STATUSES)


def status_badge(status: rx.Var, **props) -> rx.Component:
    """The status in the reader's language, coloured by how far along the order is."""
    return rx.badge(
        status_text(status),
        color_scheme=rx.match(status, *TONES.items(), "gray"),
        white_space="nowrap",
        **props,
    )


def method_text(method: rx.Var) -> rx.Var:
    return label(method, "orders.domain.payment", METHODS)


def lines_table(lines: rx.Var) -> rx.Component:
    """The order's lines: what, how many, unit price, VAT rate and line total."""
    return data_table(
        [
            "orders.ui.column.item",
            "orders.ui.column.quantity",
            "orders.ui.column.unit",
            "orders.ui.column.rate",
            "orders.ui.column.line_total",
        ],
        lines,
        lambda line: row(
            rx.vstack(
                rx.text(line["title"], size="2", weight="medium"),
                rx.text(rx.code(line["sku"]), " ", line["options"], size="1", color_scheme="gray"),
                spacing="0",
            ),
            rx.table.cell(line["quantity"], text_align="right"),
            rx.table.cell(line["unit"], text_align="right", white_space="nowrap"),
            rx.table.cell(line["rate"], text_align="right", white_space="nowrap"),
            rx.table.cell(line["total"], text_align="right", white_space="nowrap"),
        ),
    )


def _amount(key: str, value: rx.Var, **props) -> rx.Component:
    return rx.hstack(
        rx.text(t(key), size="2", **props), rx.spacer(), rx.text(value, size="2", **props), width="100%"
    )


def totals(head: rx.Var, vat_lines: rx.Var) -> rx.Component:
    """Subtotal, shipping, the VAT per rate (net, VAT, gross) and the total."""
    return rx.vstack(
        _amount("orders.ui.subtotal", head["subtotal"]),
        _amount("orders.ui.shipping_total", head["shipping_total"]),
        data_table(
            [
                "orders.ui.column.rate",
                "orders.ui.column.net",
                "orders.ui.column.vat",
                "orders.ui.column.gross",
            ],
            vat_lines,
            lambda v: row(
                v["rate"],
                rx.table.cell(v["net"], white_space="nowrap"),
                rx.table.cell(v["vat"], white_space="nowrap"),
                rx.table.cell(v["gross"], white_space="nowrap"),
            ),
            size="1",
        ),
        _amount("orders.ui.vat_included", head["vat"], color_scheme="gray"),
        _amount("orders.ui.total", head["total"], weight="bold"),
        width="100%",
        spacing="2",
    )


def address_block(title_key: str, lines: rx.Var, empty_key: str) -> rx.Component:
    return rx.box(
        rx.text(t(title_key), size="1", weight="bold", color_scheme="gray", text_transform="uppercase"),
        rx.cond(
            lines.length() > 0,
            rx.vstack(rx.foreach(lines, lambda line: rx.text(line, size="2")), spacing="0"),
            rx.text(t(empty_key), size="2"),
        ),
        min_width="14em",
        flex="1",
    )


def addresses(billing: rx.Var, shipping: rx.Var, shipping_label: rx.Var) -> rx.Component:
    """Billing and shipping addresses as they were copied into the order, and the shipping method."""
    return rx.flex(
        address_block("orders.ui.billing", billing, "orders.ui.no_address"),
        rx.box(
            address_block("orders.ui.shipping", shipping, "orders.ui.collect"),
            rx.text(shipping_label, size="1", color_scheme="gray", margin_top="0.3em"),
            min_width="14em",
            flex="1",
        ),
        gap="1em",
        wrap="wrap",
        width="100%",
    )


def bank_details(payment: rx.Var) -> rx.Component:
    """What a shopper needs to pay by bank transfer: IBAN, BIC, beneficiary, reference."""
    return rx.data_list.root(
        data_item(t("orders.ui.beneficiary"), payment["beneficiary"]),
        data_item(t("orders.ui.iban"), rx.code(payment["iban"])),
        data_item(t("orders.ui.bic"), rx.code(payment["bic"])),
        data_item(t("orders.ui.reference"), rx.code(payment["reference"])),
        orientation=rx.breakpoints(initial="vertical", sm="horizontal"),
        size="2",
    )
