"""Store dashboard: one order — its lines and totals, addresses, payments, timeline and actions."""

import reflex as rx

from modules.orders.pages.common import addresses, lines_table, method_text, status_badge, status_text, totals
from modules.orders.pages.documents_section import documents_card
from modules.orders.pages.fulfilment import fulfilment_section
from modules.orders.services.detail import AMOUNT_FIELD
from modules.orders.state.merchant_detail import OrderDetailState
from orion_app.ui.components import data_item, field, section, stacked_form, text_area_field, when
from orion_app.ui.i18n import label, t
from orion_app.ui.shell import ShellState
from orion_app.ui.verdicts import not_found_view

S = OrderDetailState
PAYMENT_STATUSES = ("pending", "processing", "succeeded", "failed", "canceled")


def _heading() -> rx.Component:
    return rx.hstack(
        rx.heading(
            t("orders.ui.order_title", number=S.head["number"]), size="6", as_="h1", word_break="break-word"
        ),
        status_badge(S.head["status"], size="3"),
        rx.spacer(),
        rx.link(t("orders.ui.back"), href=ShellState.base + "orders"),
        width="100%",
        align="center",
        flex_wrap="wrap",
    )


def _actions() -> rx.Component:
    """One button per status the order may move to now (only for those who may manage)."""
    return rx.cond(
        S.can_manage & (S.moves.length() > 0),
        rx.hstack(
            rx.foreach(
                S.moves,
                lambda to: rx.button(
                    t("orders.ui.move_to", status=status_text(to)),
                    on_click=S.move_to(to),
                    variant=rx.cond(to == "cancelled", "soft", "solid"),
                    color_scheme=rx.cond(to == "cancelled", "red", "accent"),
                ),
            ),
            wrap="wrap",
            spacing="2",
        ),
    )


def _summary() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.cond(
                S.head["over_limit"] != "",
                rx.callout(
                    t("orders.ui.over_limit"), icon="triangle_alert", color_scheme="amber", width="100%"
                ),
            ),
            rx.data_list.root(
                data_item(t("orders.ui.placed"), when(S.head["created"])),
                data_item(t("orders.ui.customer"), rx.text(S.head["customer"], " · ", S.head["email"])),
                data_item(t("orders.ui.language"), S.head["language"]),
                data_item(t("orders.ui.method_label"), method_text(S.head["method"])),
                rx.cond(S.head["paid"] != "", data_item(t("orders.ui.paid_at"), when(S.head["paid"]))),
                rx.cond(
                    S.head["expires"] != "", data_item(t("orders.ui.expires_at"), when(S.head["expires"]))
                ),
                orientation=rx.breakpoints(initial="vertical", sm="horizontal"),
                size="2",
            ),
            _actions(),
            width="100%",
            spacing="3",
        ),
        width="100%",
    )


def _payment(p: rx.Var) -> rx.Component:
    return rx.hstack(
        rx.vstack(
            rx.hstack(
                rx.text(method_text(p["method"]), weight="medium", size="2"),
                rx.badge(label(p["status"], "orders.ui.payment_status", PAYMENT_STATUSES)),
                spacing="2",
                align="center",
            ),
            rx.text(p["amount"], size="2"),
            rx.cond(
                p["refunded"] != "",
                rx.text(t("orders.ui.refunded_amount", amount=p["refunded"]), size="1", color_scheme="gray"),
            ),
            spacing="1",
        ),
        rx.spacer(),
        rx.cond(
            S.can_mark_paid & (p["payable"] != ""),
            rx.button(t("orders.ui.mark_paid"), on_click=S.mark_paid(p["id"]), size="2"),
        ),
        rx.cond(
            S.can_refund & (p["refundable"] != ""),
            rx.button(t("orders.ui.refund"), on_click=S.open_refund(p["id"]), size="2", variant="soft"),
        ),
        width="100%",
        align="center",
        flex_wrap="wrap",
    )


def _refund_dialog() -> rx.Component:
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(t("orders.ui.refund_title")),
            rx.dialog.description(t("orders.ui.refund_hint", amount=S.refund_left), size="2"),
            stacked_form(
                field(
                    "orders.ui.refund_amount",
                    AMOUNT_FIELD,
                    S.errors,
                    default_value=S.refund_left,
                ),
                rx.hstack(
                    rx.dialog.close(
                        rx.button(t("orion.cancel"), variant="soft", color_scheme="gray", type="button")
                    ),
                    rx.button(t("orders.ui.refund"), type="submit", color_scheme="red"),
                    justify="end",
                    width="100%",
                ),
                on_submit=S.refund,
                key=S.form_key,
            ),
        ),
        open=S.refund_open,
        on_open_change=S.close_refund,
    )


def _event(e: rx.Var) -> rx.Component:
    return rx.hstack(
        rx.icon(
            rx.match(e["kind"], ("status", "circle_dot"), ("payment", "credit_card"), "message_square"),
            size=16,
            flex_shrink="0",
            margin_top="0.2em",
        ),
        rx.vstack(
            rx.text(e["text"], size="2"),
            rx.cond(e["note"] != "", rx.text(e["note"], size="1", color_scheme="gray")),
            rx.text(when(e["at"]), " · ", e["actor"], size="1", color_scheme="gray"),
            spacing="0",
        ),
        align="start",
        width="100%",
    )


def _timeline() -> rx.Component:
    note_form = rx.cond(
        S.can_manage,
        stacked_form(
            text_area_field("orders.ui.note", "note", S.errors),
            rx.button(t("orders.ui.add_note"), type="submit", variant="soft", width="fit-content"),
            on_submit=S.add_note,
            reset_on_submit=True,
            key=S.form_key,
        ),
    )
    return section("orders.ui.timeline", rx.foreach(S.timeline, _event), note_form)


def order_page() -> rx.Component:
    return rx.cond(
        S.found,
        rx.vstack(
            _heading(),
            _summary(),
            section("orders.ui.lines", lines_table(S.lines), totals(S.head, S.vat_lines)),
            section("orders.ui.addresses", addresses(S.billing, S.shipping, S.head["shipping_label"])),
            section("orders.ui.payments", rx.foreach(S.payments, _payment)),
            fulfilment_section(),
            documents_card(S.documents, explain_none=True),
            _timeline(),
            _refund_dialog(),
            width="100%",
            spacing="4",
        ),
        not_found_view(),
    )
