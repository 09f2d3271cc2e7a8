"""The storefront's order pages: a shopper's own order (from My orders) and a guest's status link."""

import reflex as rx

from modules.orders.pages.common import (
    addresses,
    bank_details,
    lines_table,
    method_text,
    status_badge,
    totals,
)
from modules.orders.pages.documents_section import documents_card
from modules.orders.pages.shop_returns import return_request_card
from modules.orders.state.shop import OrderStatusState, ShopOrderBase, ShopOrderState
from modules.payments.public import card_element
from orion_app.ui.components import data_item, when
from orion_app.ui.i18n import t
from orion_app.ui.shell import ShellState


def _transfer(state: type[ShopOrderBase]) -> rx.Component:
    """How to pay a bank transfer still awaited: the store's account and the reference."""
    return rx.foreach(
        state.payments,
        lambda p: rx.cond(
            (p["method"] == "bank_transfer") & (p["payable"] != ""),
            rx.card(
                rx.vstack(
                    rx.heading(t("orders.ui.transfer_title"), size="4", as_="h2"),
                    rx.text(t("orders.ui.transfer_hint", amount=state.head["total"]), size="2"),
                    bank_details(p),
                    spacing="2",
                ),
                width="100%",
            ),
        ),
    )


def _pay_now(state: type[ShopOrderState] | type[OrderStatusState]) -> rx.Component:
    """A card order still waiting for its payment: "Pay now" opens the card form checkout uses."""
    s = state
    accepted = (s.card_status == "succeeded") | (s.card_status == "processing")
    form = rx.vstack(
        card_element(),
        rx.cond(s.card_error != "", rx.text(s.card_error, color_scheme="red", size="2", role="alert")),
        rx.button(
            t("orders.pay.pay", amount=s.head["total"]),
            on_click=s.pay,
            loading=s.card_status == "paying",
            disabled=(s.card_status != "ready") & (s.card_status != "failed"),
            width="100%",
            size="3",
        ),
        width="100%",
    )
    start = rx.vstack(
        rx.cond(s.card_error != "", rx.text(s.card_error, color_scheme="red", size="2", role="alert")),
        rx.button(
            t("orders.pay.open"),
            on_click=s.open_payment,
            width="100%",
            size="3",
        ),
        width="100%",
    )
    return rx.cond(
        s.payable,
        rx.card(
            rx.vstack(
                rx.heading(t("orders.pay.title"), size="4", as_="h2"),
                rx.cond(
                    accepted,
                    rx.callout(
                        t("orders.pay.accepted"), icon="circle_check", color_scheme="green", width="100%"
                    ),
                    rx.fragment(
                        rx.text(t("orders.pay.hint"), size="2"),
                        rx.cond(
                            (s.card_status == "") | (s.card_status == "unavailable"),
                            start,
                            form,
                        ),
                    ),
                ),
                spacing="3",
                width="100%",
            ),
            width="100%",
        ),
    )


def _order(state: type[ShopOrderBase], *above: rx.Component) -> rx.Component:
    s = state
    return rx.vstack(
        *above,
        rx.hstack(
            rx.heading(
                t("orders.ui.order_title", number=s.head["number"]),
                size="6",
                as_="h1",
                word_break="break-word",
            ),
            status_badge(s.head["status"], size="3"),
            align="center",
            flex_wrap="wrap",
        ),
        rx.data_list.root(
            data_item(t("orders.ui.placed"), when(s.head["created"])),
            data_item(t("orders.ui.method_label"), method_text(s.head["method"])),
            orientation=rx.breakpoints(initial="vertical", sm="horizontal"),
            size="2",
        ),
        _transfer(s),
        _pay_now(s),
        rx.card(rx.vstack(lines_table(s.lines), totals(s.head, s.vat_lines), width="100%"), width="100%"),
        rx.card(addresses(s.billing, s.shipping, s.head["shipping_label"]), width="100%"),
        documents_card(s.documents),
        width="100%",
        max_width="52em",
        margin_x="auto",
        spacing="4",
        padding_y="1em",
    )


def _not_found(text_key: str) -> rx.Component:
    return rx.center(
        rx.vstack(
            rx.heading(t("orders.ui.not_found_title"), size="5", as_="h1"),
            rx.text(t(text_key), color_scheme="gray"),
            rx.link(t("orders.ui.continue_shopping"), href=ShellState.base + "products"),
            align="center",
            spacing="3",
        ),
        padding="3em 1em",
        width="100%",
    )


def shopper_order_page() -> rx.Component:
    back = rx.link(t("orders.ui.my_orders"), href=ShellState.base + "account/orders", size="2")
    return rx.cond(
        ShopOrderState.found,
        rx.fragment(
            _order(ShopOrderState, back),
            rx.box(
                return_request_card(), width="100%", max_width="52em", margin_x="auto", padding_bottom="1em"
            ),
        ),
        rx.cond(ShopOrderState.loaded & ~ShopOrderState.signed_out, _not_found("orders.ui.not_yours")),
    )


def order_status_page() -> rx.Component:
    return rx.cond(
        OrderStatusState.found,
        _order(OrderStatusState),
        rx.cond(OrderStatusState.loaded, _not_found("orders.ui.bad_link")),
    )
