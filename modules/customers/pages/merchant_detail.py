"""Store dashboard: one customer's page."""

import reflex as rx

from modules.customers.state.merchant_detail import CustomerDetailState
from orion_app.ui.components import data_item, empty_state, field_error, section, when
from orion_app.ui.i18n import t
from orion_app.ui.shell import ShellState
from orion_app.ui.verdicts import not_found_view

S = CustomerDetailState


def _profile() -> rx.Component:
    p = S.profile
    return section(
        "customers.admin.profile",
        rx.cond(
            p["deleted"] != "",
            rx.callout(t("customers.admin.deleted_text"), icon="info", color_scheme="gray", width="100%"),
        ),
        rx.data_list.root(
            data_item(t("customers.admin.column.email"), rx.text(p["email"], word_break="break-all")),
            data_item(t("customers.admin.language"), p["language"]),
            data_item(
                t("customers.admin.column.verified"),
                rx.cond(
                    p["verified"] != "",
                    rx.hstack(
                        rx.badge(t("customers.admin.verified"), color_scheme="green"), when(p["verified"])
                    ),
                    rx.badge(t("customers.admin.not_verified"), color_scheme="gray"),
                ),
            ),
            data_item(
                t("customers.admin.column.consent"),
                rx.hstack(
                    rx.cond(
                        p["consent"] != "",
                        rx.badge(t("customers.admin.consent_yes"), color_scheme="green"),
                        rx.badge(t("customers.admin.consent_no"), color_scheme="gray"),
                    ),
                    rx.cond(p["consent_at"] != "", when(p["consent_at"])),
                    wrap="wrap",
                ),
            ),
            data_item(t("customers.admin.column.created"), when(p["created"])),
            data_item(t("customers.admin.column.last_sign_in"), when(p["last_sign_in"])),
            orientation={"initial": "vertical", "sm": "horizontal"},
        ),
    )


def _address(a: rx.Var) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.text(a["label"], weight="bold"),
                rx.cond(a["billing"] != "", rx.badge(t("customers.admin.default_billing"))),
                rx.cond(a["shipping"] != "", rx.badge(t("customers.admin.default_shipping"))),
                wrap="wrap",
            ),
            rx.text(a["name"]),
            rx.cond(a["company"] != "", rx.text(a["company"])),
            rx.cond(a["vat"] != "", rx.text(t("customers.admin.vat", vat=a["vat"]), size="2")),
            rx.text(a["street"]),
            rx.text(a["city"]),
            rx.cond(a["phone"] != "", rx.text(a["phone"], size="2")),
            spacing="1",
        ),
        width="100%",
    )


def _addresses() -> rx.Component:
    return section(
        "customers.admin.addresses",
        rx.cond(
            S.addresses.length() > 0,
            rx.grid(
                rx.foreach(S.addresses, _address),
                columns={"initial": "1", "md": "2"},
                spacing="3",
                width="100%",
            ),
            empty_state("customers.admin.no_addresses"),
        ),
    )


def _note(n: rx.Var) -> rx.Component:
    return rx.box(
        rx.hstack(
            rx.text(n["author"], weight="bold", size="2"),
            rx.text(when(n["at"]), size="1", color_scheme="gray"),
            spacing="2",
            align="baseline",
            wrap="wrap",
        ),
        rx.text(n["body"], white_space="pre-wrap", size="2"),
        border_left="3px solid var(--gray-6)",
        padding_left="0.75em",
        width="100%",
    )


def _note_form() -> rx.Component:
    return rx.form(
        rx.vstack(
            rx.el.label(
                t("customers.admin.new_note"),
                rx.text_area(name="body", rows="3", max_length=4000, margin_top="0.25em"),
                display="flex",
                flex_direction="column",
                font_size="0.9em",
                font_weight="500",
                width="100%",
            ),
            field_error(S.errors, "body"),
            rx.button(t("customers.admin.add_note"), type="submit"),
            width="100%",
            align="start",
        ),
        key=S.form_key.to_string(),
        on_submit=S.add_note,
        reset_on_submit=False,
        width="100%",
    )


def _notes() -> rx.Component:
    return section(
        "customers.admin.notes",
        rx.cond(S.can_manage, _note_form()),
        rx.cond(
            S.notes.length() > 0,
            rx.vstack(rx.foreach(S.notes, _note), spacing="3", width="100%"),
            empty_state("customers.admin.no_notes"),
        ),
        hint_key="customers.admin.notes_hint",
    )


def _orders() -> rx.Component:
    return section("customers.admin.orders", empty_state("customers.admin.orders_later"))


def customer_page() -> rx.Component:
    return rx.cond(
        S.found,
        rx.vstack(
            rx.hstack(
                rx.heading(
                    t("customers.admin.customer_heading", name=S.profile["name"]),
                    size="6",
                    as_="h1",
                    word_break="break-word",
                ),
                rx.spacer(),
                rx.link(t("customers.admin.back"), href=ShellState.base + "customers"),
                width="100%",
                align="center",
                flex_wrap="wrap",
            ),
            _profile(),
            _addresses(),
            _notes(),
            _orders(),
            width="100%",
            spacing="4",
        ),
        not_found_view(),
    )
