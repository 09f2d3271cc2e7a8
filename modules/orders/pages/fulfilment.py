"""Store dashboard, one order: the fulfilment section (parcels, returns, refund by line) and
its dialogs. Included by `merchant_detail.order_page`; loads itself when it mounts."""

import reflex as rx

from modules.orders.state.fulfilment import FulfilmentState
from orion_app.ui.components import (
    download_button,
    field,
    field_error,
    section,
    select,
    select_field,
    stacked_form,
    when,
)
from orion_app.ui.i18n import t

F = FulfilmentState


def units_input(name: rx.Var, title: rx.Var, most: rx.Var, errors: rx.Var) -> rx.Component:
    """A line's title, "of <most>" and a whole-number field `name` (0 to most), its error below."""
    return rx.vstack(
        rx.hstack(
            rx.text(title, size="2", flex="1", min_width="8em"),
            rx.text(t("orders.fulfilment.of", units=most), size="1", color_scheme="gray"),
            rx.input(
                name=name, type="number", min="0", max=most, default_value="0", width="5em", aria_label=title
            ),
            align="center",
            width="100%",
            flex_wrap="wrap",
        ),
        field_error(errors, name),
        spacing="0",
        width="100%",
    )


def _units_input(prefix: str, line: rx.Var, most: rx.Var) -> rx.Component:
    return units_input(prefix + line["id"], line["title"], most, F.errors)


def _dialog(which: str, title_key: str, *body: rx.Component, on_submit, submit_key: str) -> rx.Component:
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(t(title_key)),
            stacked_form(
                *body,
                field_error(F.errors, "lines"),
                rx.hstack(
                    rx.dialog.close(
                        rx.button(t("orion.cancel"), variant="soft", color_scheme="gray", type="button")
                    ),
                    rx.button(t(submit_key), type="submit"),
                    justify="end",
                    width="100%",
                ),
                on_submit=on_submit,
                key=F.form_key,
            ),
            max_width="min(32em, 95vw)",
        ),
        open=F.dialog == which,
        on_open_change=F.close_dialog,
    )


def _ship_dialog() -> rx.Component:
    return _dialog(
        "ship",
        "orders.fulfilment.ship_title",
        rx.foreach(
            F.lines, lambda line: rx.cond(line["to_ship"] != "0", _units_input("qty_", line, line["to_ship"]))
        ),
        select_field(
            "orders.fulfilment.carrier",
            "carrier",
            F.errors,
            F.carriers,
            default_value=F.carrier,
            on_change=F.choose_carrier,
        ),
        field("orders.fulfilment.tracking_number", "tracking_number", F.errors, required=True),
        rx.cond(
            F.carrier == "other",
            field("orders.fulfilment.tracking_url", "tracking_url", F.errors, type="url"),
        ),
        on_submit=F.ship,
        submit_key="orders.fulfilment.ship",
    )


def _refund_dialog() -> rx.Component:
    return _dialog(
        "refund",
        "orders.refunds.title",
        rx.text(t("orders.refunds.hint"), size="2", color_scheme="gray"),
        rx.foreach(
            F.lines,
            lambda line: rx.cond(line["to_refund"] != "0", _units_input("ref_", line, line["to_refund"])),
        ),
        on_submit=F.refund_lines,
        submit_key="orders.refunds.submit",
    )


def _receive_dialog() -> rx.Component:
    def choice(line: rx.Var) -> rx.Component:
        name = "ret_" + line["id"]
        return rx.vstack(
            rx.text(line["units"], " × ", line["title"], size="2"),
            select(
                rx.el.option(t("orders.returns.choose"), value=""),
                rx.el.option(t("orders.returns.restock"), value="restock"),
                rx.el.option(t("orders.returns.write_off"), value="write_off"),
                name=name,
                aria_label=line["title"],
            ),
            field_error(F.errors, name),
            spacing="1",
            width="100%",
        )

    return _dialog(
        "receive",
        "orders.returns.receive_title",
        rx.foreach(F.receiving, choice),
        on_submit=F.receive,
        submit_key="orders.returns.receive",
    )


def _shipment(s: rx.Var) -> rx.Component:
    return rx.hstack(
        rx.vstack(
            rx.text(
                s["carrier"],
                " · ",
                rx.cond(s["link"] != "", rx.link(s["number"], href=s["link"], is_external=True), s["number"]),
                size="2",
                weight="medium",
            ),
            rx.text(s["lines"], size="1"),
            rx.text(
                t("orders.fulfilment.shipped_at"), " ", when(s["shipped"]), size="1", color_scheme="gray"
            ),
            rx.cond(
                s["delivered"] != "",
                rx.text(
                    t("orders.fulfilment.delivered_at"),
                    " ",
                    when(s["delivered"]),
                    size="1",
                    color_scheme="gray",
                ),
            ),
            spacing="0",
        ),
        rx.spacer(),
        rx.cond(
            F.can_manage & (s["delivered"] == ""),
            rx.button(
                t("orders.fulfilment.mark_delivered"), on_click=F.delivered(s["id"]), size="2", variant="soft"
            ),
        ),
        width="100%",
        align="center",
        flex_wrap="wrap",
    )


def _return(r: rx.Var) -> rx.Component:
    return rx.hstack(
        rx.vstack(
            rx.hstack(
                rx.badge(r["status_text"]),
                rx.text(when(r["created"]), size="1", color_scheme="gray"),
                align="center",
            ),
            rx.text(r["lines"], size="2"),
            rx.text(r["reason"], size="1", color_scheme="gray"),
            spacing="1",
        ),
        rx.spacer(),
        rx.cond(
            F.can_manage & (r["status"] == "requested"),
            rx.hstack(
                rx.button(t("orders.returns.accept"), on_click=F.decide(r["id"], True), size="2"),
                rx.button(
                    t("orders.returns.refuse"),
                    on_click=F.decide(r["id"], False),
                    size="2",
                    variant="soft",
                    color_scheme="red",
                ),
            ),
        ),
        rx.cond(
            F.can_manage & (r["status"] == "accepted"),
            rx.button(t("orders.returns.receive"), on_click=F.open_receive(r["id"]), size="2"),
        ),
        width="100%",
        align="center",
        flex_wrap="wrap",
    )


def fulfilment_section() -> rx.Component:
    """Parcels and returns of the order, with the merchant's actions."""
    actions = rx.hstack(
        rx.cond(F.partial, rx.badge(t("orders.fulfilment.partially_shipped"), color_scheme="amber")),
        rx.cond(
            F.can_manage & F.shippable, rx.button(t("orders.fulfilment.ship"), on_click=F.open_dialog("ship"))
        ),
        rx.cond(
            F.can_refund,
            rx.button(t("orders.refunds.open"), on_click=F.open_dialog("refund"), variant="soft"),
        ),
        download_button("file_text", "orders.picklist.download", F.picklist, variant="soft"),
        spacing="3",
        align="center",
        flex_wrap="wrap",
    )
    return rx.box(
        rx.cond(
            F.found,
            rx.vstack(
                section(
                    "orders.fulfilment.title",
                    actions,
                    rx.cond(
                        F.shipments.length() == 0,
                        rx.text(t("orders.fulfilment.none"), size="2", color_scheme="gray"),
                    ),
                    rx.foreach(F.shipments, _shipment),
                ),
                rx.cond(
                    F.returns.length() > 0, section("orders.returns.title", rx.foreach(F.returns, _return))
                ),
                _ship_dialog(),
                _refund_dialog(),
                _receive_dialog(),
                width="100%",
                spacing="4",
            ),
        ),
        on_mount=F.load,
        width="100%",
    )
