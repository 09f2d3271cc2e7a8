"""The shopper's "Request a return" card on their order page (shown while the window is open)."""

import reflex as rx

from modules.orders.pages.fulfilment import units_input
from modules.orders.state.shop_returns import ShopReturnState
from orion_app.ui.components import field_error, stacked_form, text_area_field, when
from orion_app.ui.i18n import t

R = ShopReturnState


def _line(line: rx.Var) -> rx.Component:
    return units_input("ret_" + line["id"], line["title"], line["left"], R.errors)


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
