"""The shopper's address book: a card per address, and one form to add or edit."""

import reflex as rx

from modules.customers.pages.shop_account import account_frame
from modules.customers.state.shop_addresses import ShopAddressesState
from orion_app.ui.components import checkbox, field, select_field, stacked_form
from orion_app.ui.i18n import t

S = ShopAddressesState


def _address_card(address: rx.Var) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.text(rx.cond(address["label"] != "", address["label"], address["name"]), weight="bold"),
                rx.cond(address["billing"] != "", rx.badge(t("customers.account.default_billing"))),
                rx.cond(address["shipping"] != "", rx.badge(t("customers.account.default_shipping"))),
                flex_wrap="wrap",
                spacing="2",
            ),
            rx.text(address["name"], size="2"),
            rx.cond(address["company"] != "", rx.text(address["company"], size="2")),
            rx.cond(
                address["vat_number"] != "", rx.text(address["vat_number"], size="2", color_scheme="gray")
            ),
            rx.cond(
                address["vat_charged"] != "",
                rx.text(
                    t("customers.account.vat_not_valid", country=address["country"]),
                    size="2",
                    color_scheme="amber",
                    role="status",
                ),
            ),
            rx.text(address["line1"], size="2"),
            rx.cond(address["line2"] != "", rx.text(address["line2"], size="2")),
            rx.text(address["postal_code"], " ", address["city"], " · ", address["country"], size="2"),
            rx.hstack(
                rx.button(
                    t("customers.account.edit"), size="1", variant="soft", on_click=S.edit(address["id"])
                ),
                *[
                    rx.cond(
                        address[kind] == "",
                        rx.button(
                            t(f"customers.account.make_{kind}"),
                            size="1",
                            variant="ghost",
                            on_click=S.make_default(address["id"], kind),
                        ),
                    )
                    for kind in ("billing", "shipping")
                ],
                rx.button(
                    t("customers.account.delete_address"),
                    size="1",
                    variant="ghost",
                    color_scheme="red",
                    on_click=S.delete(address["id"]),
                ),
                flex_wrap="wrap",
                spacing="2",
            ),
            spacing="1",
            align="start",
        ),
        width="100%",
    )


def _text(label: str, name: str, required: bool = False, hint_key: str | None = None) -> rx.Component:
    return field(
        f"customers.account.address_{label}",
        name,
        S.errors,
        default_value=S.editing[name].to(str),
        required=required,
        hint_key=hint_key,
    )


def _pair(*children: rx.Component) -> rx.Component:
    """Two fields side by side, one under the other on a phone."""
    return rx.grid(*children, columns=rx.breakpoints(initial="1", sm="2"), spacing="3", width="100%")


def _form() -> rx.Component:
    return rx.card(
        stacked_form(
            _text("label", "label"),
            _text("name", "name", required=True),
            _pair(
                _text("company", "company"), _text("vat", "vat_number", hint_key="customers.account.vat_hint")
            ),
            _text("line1", "line1", required=True),
            _text("line2", "line2"),
            _pair(
                _text("postal", "postal_code", required=True, hint_key="customers.account.postal_hint"),
                _text("city", "city", required=True),
            ),
            _pair(
                select_field(
                    "customers.account.address_country",
                    "country",
                    S.errors,
                    [rx.foreach(S.countries, lambda c: rx.el.option(c, value=c))],
                    default_value=S.editing["country"].to(str),
                ),
                _text("phone", "phone"),
            ),
            checkbox(
                "customers.account.default_billing",
                name="billing",
                default_checked=S.editing["billing"] != "",
            ),
            checkbox(
                "customers.account.default_shipping",
                name="shipping",
                default_checked=S.editing["shipping"] != "",
            ),
            rx.hstack(
                rx.button(
                    t("customers.account.cancel"),
                    type="button",
                    variant="soft",
                    color_scheme="gray",
                    on_click=S.close,
                ),
                rx.button(t("customers.account.save"), type="submit"),
                justify="end",
                width="100%",
            ),
            on_submit=S.save,
            key=S.form_key,
        ),
        width="100%",
    )


def addresses_page() -> rx.Component:
    return account_frame(
        "customers.account.addresses_title",
        rx.cond(
            S.form_open,
            _form(),
            rx.button(t("customers.account.add_address"), on_click=S.new, width="fit-content"),
        ),
        rx.cond(
            S.addresses.length() == 0,
            rx.text(t("customers.account.no_addresses"), color_scheme="gray", size="2"),
        ),
        rx.grid(
            rx.foreach(S.addresses, _address_card),
            columns=rx.breakpoints(initial="1", sm="2"),
            spacing="3",
            width="100%",
        ),
    )
