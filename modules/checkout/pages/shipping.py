"""Store dashboard: Settings → Shipping — a card per method, one form to add or change one."""

import reflex as rx

from modules.checkout.state.shipping import ShippingState
from orion_app.ui.components import (
    checkbox,
    confirm_dialog,
    empty_state,
    field,
    page,
    remove_button,
    select_field,
    stacked_form,
)
from orion_app.ui.i18n import t

S = ShippingState


def _method_card(row: rx.Var) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.text(row["label"], weight="bold"),
                rx.badge(row["kind_label"]),
                rx.cond(row["active"] == "", rx.badge(t("checkout.shipping.inactive"), color_scheme="gray")),
                flex_wrap="wrap",
                spacing="2",
            ),
            rx.text(t("checkout.shipping.zone"), ": ", row["zone"], size="2"),
            rx.text(
                row["price_text"], " · ", t("checkout.shipping.vat"), " ", row["vat_rate"], " %", size="2"
            ),
            rx.cond(
                row["free_text"] != "",
                rx.text(
                    t("checkout.shipping.free_from"), " ", row["free_text"], size="2", color_scheme="green"
                ),
            ),
            rx.cond(
                row["warehouse"] != "",
                rx.text(t("checkout.shipping.warehouse"), ": ", row["warehouse"], size="2"),
            ),
            rx.text(row["code"], size="1", color_scheme="gray"),
            rx.hstack(
                rx.button(t("checkout.shipping.edit"), size="1", variant="soft", on_click=S.edit(row["id"])),
                remove_button("checkout.shipping.delete", S.ask_delete(row["id"])),
                spacing="2",
            ),
            spacing="1",
            align="start",
        ),
        width="100%",
    )


def _text(label_key: str, name: str, **props) -> rx.Component:
    return field(label_key, name, S.errors, default_value=S.editing[name].to(str), **props)


def _pair(*children: rx.Component) -> rx.Component:
    return rx.grid(*children, columns=rx.breakpoints(initial="1", sm="2"), spacing="3", width="100%")


def _label_field(code: rx.Var) -> rx.Component:
    name = "label_" + code.to(str)
    return rx.box(
        rx.el.label(
            t("checkout.shipping.label"),
            " (",
            code,
            ")",
            rx.input(name=name, default_value=S.editing[name].to(str), margin_top="0.25em"),
            display="flex",
            flex_direction="column",
            font_size="0.9em",
            font_weight="500",
        ),
        rx.cond(
            S.errors.contains(name),
            rx.text(S.errors[name].to(str), size="1", color_scheme="red", role="alert"),
        ),
        width="100%",
    )


def _form() -> rx.Component:
    kinds = [
        rx.el.option(t("checkout.shipping.kind_flat"), value="flat"),
        rx.el.option(t("checkout.shipping.kind_collect"), value="collect"),
    ]
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(t("checkout.shipping.form_title")),
            stacked_form(
                _pair(
                    _text(
                        "checkout.shipping.code",
                        "code",
                        required=True,
                        hint_key="checkout.shipping.code_hint",
                    ),
                    select_field(
                        "checkout.shipping.kind",
                        "kind",
                        S.errors,
                        kinds,
                        default_value=S.editing["kind"].to(str),
                    ),
                ),
                rx.foreach(S.languages, _label_field),
                _text(
                    "checkout.shipping.zone", "zone", required=True, hint_key="checkout.shipping.zone_hint"
                ),
                _pair(
                    _text("checkout.shipping.price", "price", required=True),
                    select_field(
                        "checkout.shipping.vat",
                        "vat_rate",
                        S.errors,
                        [rx.foreach(S.vat_rates, lambda r: rx.el.option(r + " %", value=r))],
                        default_value=S.editing["vat_rate"].to(str),
                    ),
                ),
                _pair(
                    _text(
                        "checkout.shipping.free_above", "free_above", hint_key="checkout.shipping.free_hint"
                    ),
                    _text(
                        "checkout.shipping.warehouse",
                        "warehouse",
                        hint_key="checkout.shipping.warehouse_hint",
                    ),
                ),
                _text("checkout.shipping.position", "position", type="number"),
                checkbox(
                    "checkout.shipping.active", name="active", default_checked=S.editing["active"] != ""
                ),
                rx.hstack(
                    rx.dialog.close(
                        rx.button(t("orion.cancel"), variant="soft", color_scheme="gray", type="button")
                    ),
                    rx.button(t("orion.save"), type="submit"),
                    justify="end",
                    width="100%",
                ),
                on_submit=S.save,
                key=S.form_key,
            ),
        ),
        open=S.form_open,
        on_open_change=S.set_form_open,
    )


def shipping_page() -> rx.Component:
    return page(
        "checkout.shipping.title",
        _form(),
        rx.cond(S.rows.length() == 0, empty_state("checkout.shipping.empty")),
        rx.grid(
            rx.foreach(S.rows, _method_card),
            columns=rx.breakpoints(initial="1", md="2"),
            spacing="3",
            width="100%",
        ),
        confirm_dialog(
            t("checkout.shipping.delete_title"),
            t("checkout.shipping.delete_text"),
            open=S.confirm_id != "",
            on_cancel=S.cancel_delete,
            confirm=t("checkout.shipping.delete"),
            on_confirm=S.delete,
            color_scheme="red",
        ),
        intro_key="checkout.shipping.intro",
        actions=(rx.button(t("checkout.shipping.add"), on_click=S.new),),
    )
