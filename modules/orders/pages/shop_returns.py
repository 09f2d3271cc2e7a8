"""The shopper's "Request a return" card on their order page (shown while the window is open)."""

import reflex as rx

from modules.orders.state.shop_returns import ShopReturnState
from orion_app.ui.components import field_error, stacked_form, text_area_field, when
from orion_app.ui.i18n import t

R = ShopReturnState


def _line(line: rx.Var) -> rx.Component:
    name = "ret_" + line["id"]
    return rx.vstack(
        rx.hstack(
            rx.text(line["title"], size="2", flex="1", min_width="8em"),
            rx.text(t("orders.fulfilment.of", units=line["left"]), size="1", color_scheme="gray"),
            rx.input(
                name=name,
                type="number",
                min="0",
                max=line["left"],
                default_value="0",
                width="5em",
                aria_label=line["title"],
            ),
            align="center",
            width="100%",
            flex_wrap="wrap",
        ),
        field_error(R.errors, name),
        spacing="0",
        width="100%",
    )


def return_request_card() -> rx.Component:
    return rx.box(
        rx.cond(
            R.sent,
            rx.callout(t("orders.returns.sent"), icon="circle_check", color_scheme="green", width="100%"),
        ),
        rx.cond(
            R.open,
            rx.card(
                rx.vstack(
                    rx.heading(t("orders.returns.request"), size="4", as_="h2"),
                    rx.text(
                        t("orders.returns.request_hint", date=""),
                        when(R.deadline),
                        size="2",
                        color_scheme="gray",
                    ),
                    stacked_form(
                        rx.foreach(R.lines, _line),
                        text_area_field("orders.returns.reason", "reason", R.errors),
                        field_error(R.errors, "lines"),
                        rx.button(t("orders.returns.send"), type="submit", width="fit-content"),
                        on_submit=R.request,
                        key=R.form_key,
                    ),
                    width="100%",
                    spacing="3",
                ),
                width="100%",
            ),
        ),
        on_mount=R.load,
        width="100%",
    )
