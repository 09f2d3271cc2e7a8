"""Storefront: the checkout page — the cart's lines, then one step at a time; a step already
done shows as a line with a way back to it."""

import reflex as rx

from modules.checkout.state.checkout import STEPS, CheckoutState
from modules.payments.public import card_element
from orion_app.ui.components import field, field_error, form_error, select, stacked_form
from orion_app.ui.i18n import t
from orion_app.ui.shell import ShellState

S = CheckoutState
ADDRESS_TEXT = (
    ("name", True),
    ("company", False),
    ("vat_number", False),
    ("line1", True),
    ("line2", False),
    ("postal_code", True),
    ("city", True),
    ("phone", False),
)


def _progress() -> rx.Component:
    return rx.hstack(
        *[
            rx.badge(
                f"{i + 1}. ",
                t(f"checkout.step.{step}"),
                variant=rx.cond(S.step == step, "solid", "soft"),
                color_scheme=rx.cond(S.step == step, "indigo", "gray"),
                on_click=S.go_to(step),
                cursor="pointer",
            )
            for i, step in enumerate(STEPS[:-1])
        ],
        flex_wrap="wrap",
        spacing="1",
        aria_label=t("checkout.shop.steps"),
    )


def _lines() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.foreach(
                S.lines,
                lambda line: rx.hstack(
                    rx.vstack(
                        rx.text(line["title"], size="2", weight="medium"),
                        rx.cond(
                            line["options"] != "", rx.text(line["options"], size="1", color_scheme="gray")
                        ),
                        rx.cond(
                            line["notice"] != "", rx.text(line["notice"], size="1", color_scheme="amber")
                        ),
                        spacing="0",
                        min_width="0",
                    ),
                    rx.spacer(),
                    rx.text("× ", line["quantity"], size="2", white_space="nowrap"),
                    rx.vstack(
                        rx.text(line["total"], size="2", white_space="nowrap"),
                        rx.cond(line["vat"] != "", rx.text(line["vat"], size="1", color_scheme="gray")),
                        spacing="0",
                        align="end",
                    ),
                    width="100%",
                    align="start",
                ),
            ),
            rx.divider(),
            rx.hstack(
                rx.text(t("checkout.shop.subtotal")), rx.spacer(), rx.text(S.subtotal_text), width="100%"
            ),
            width="100%",
            spacing="2",
        ),
        width="100%",
    )


def _next(label_key: str = "checkout.shop.continue") -> rx.Component:
    return rx.button(t(label_key), type="submit", width="100%", size="3")


def _contact() -> rx.Component:
    return stacked_form(
        rx.cond(
            S.signed_in,
            rx.text(t("checkout.shop.signed_in_as"), " ", S.email, size="2", word_break="break-all"),
            rx.vstack(
                field(
                    "checkout.shop.email",
                    "email",
                    S.errors,
                    type="email",
                    default_value=S.email,
                    required=True,
                ),
                rx.link(
                    t("checkout.shop.sign_in"), href=ShellState.base + "account/login?next=checkout", size="2"
                ),
                width="100%",
            ),
        ),
        _next(),
        on_submit=S.submit_contact,
    )


def _address_choice(address: rx.Var) -> rx.Component:
    return rx.el.label(
        rx.el.input(
            type="radio",
            name="address_id",
            value=address["id"],
            default_checked=address["id"] == S.address_id,
        ),
        " ",
        rx.text(address["label"], weight="medium", as_="span"),
        rx.text(address["text"], size="1", color_scheme="gray", display="block"),
        display="block",
        font_size="0.9em",
    )


def _address_form() -> rx.Component:
    return rx.vstack(
        *[
            field(
                f"checkout.address.{name}",
                name,
                S.errors,
                default_value=S.address[name].to(str),
                required=needed,
            )
            for name, needed in ADDRESS_TEXT
        ],
        rx.box(
            rx.el.label(
                t("checkout.address.country"),
                select(
                    rx.foreach(S.countries, lambda c: rx.el.option(c, value=c)),
                    name="country",
                    default_value=S.address["country"].to(str),
                ),
                display="flex",
                flex_direction="column",
                font_size="0.9em",
                font_weight="500",
            ),
            field_error(S.errors, "country"),
            width="100%",
        ),
        width="100%",
        spacing="3",
    )


def _address() -> rx.Component:
    return stacked_form(
        rx.cond(
            S.addresses.length() > 0,
            rx.vstack(
                rx.foreach(S.addresses, _address_choice),
                rx.el.label(
                    rx.el.input(
                        type="radio", name="address_id", value="", default_checked=S.address_id == ""
                    ),
                    " ",
                    t("checkout.shop.new_address"),
                    font_size="0.9em",
                ),
                field_error(S.errors, "address_id"),
                width="100%",
            ),
        ),
        _address_form(),
        _next(),
        on_submit=S.submit_address,
    )


def _shipping() -> rx.Component:
    return stacked_form(
        rx.cond(
            S.methods.length() == 0, rx.text(t("checkout.shop.no_shipping"), color_scheme="red", size="2")
        ),
        rx.foreach(
            S.methods,
            lambda m: rx.el.label(
                rx.el.input(
                    type="radio",
                    name="shipping",
                    value=m["code"],
                    default_checked=m["code"] == S.shipping_code,
                ),
                " ",
                rx.text(m["label"], as_="span"),
                " — ",
                rx.text(m["price"], as_="span", weight="medium"),
                display="block",
                font_size="0.9em",
            ),
        ),
        field_error(S.errors, "shipping"),
        _next(),
        on_submit=S.submit_shipping,
    )


def _payment() -> rx.Component:
    return stacked_form(
        *[
            rx.el.label(
                rx.el.input(
                    type="radio", name="payment", value=code, default_checked=S.payment_method == code
                ),
                " ",
                t(f"checkout.pay.{code}"),
                display="block",
                font_size="0.9em",
            )
            for code in ("card", "bank_transfer")
        ],
        field_error(S.errors, "payment"),
        _next(),
        on_submit=S.submit_payment,
    )


def _legal_links() -> rx.Component:
    return rx.cond(
        ShellState.legal_pages.length() > 0,
        rx.hstack(
            rx.foreach(
                ShellState.legal_pages,
                lambda p: rx.link(p["label"], href=p["href"], size="1", is_external=True),
            ),
            flex_wrap="wrap",
            spacing="3",
        ),
    )


def _review() -> rx.Component:
    return stacked_form(
        rx.text(t("checkout.shop.ship_with"), " ", S.shipping_text, size="2"),
        rx.text(
            t("checkout.shop.pay_with"),
            " ",
            rx.cond(S.payment_method == "card", t("checkout.pay.card"), t("checkout.pay.bank_transfer")),
            size="2",
        ),
        rx.hstack(
            rx.text(t("checkout.shop.total"), size="4", weight="bold"),
            rx.spacer(),
            rx.text(S.total_text, size="4", weight="bold"),
            width="100%",
        ),
        rx.foreach(S.vat_rows, lambda row: rx.text(row, size="2", color_scheme="gray")),
        rx.cond(S.vat_mention != "", rx.text(S.vat_mention, size="2")),
        rx.cond(
            S.vat_message != "",
            rx.callout(
                S.vat_message, icon="triangle_alert", color_scheme="amber", width="100%", role="alert"
            ),
        ),
        rx.text(t("checkout.shop.total_hint"), size="1", color_scheme="gray"),
        rx.el.label(
            rx.el.input(type="checkbox", name="terms"), " ", t("checkout.shop.terms"), font_size="0.9em"
        ),
        _legal_links(),
        field_error(S.errors, "terms"),
        _next("checkout.shop.place"),
        on_submit=S.place_order,
    )


def _card_payment() -> rx.Component:
    return rx.vstack(
        rx.heading(t("checkout.pay.card_title"), size="4", as_="h2"),
        rx.cond(
            (S.card_status == "succeeded") | (S.card_status == "processing"),
            rx.callout(t("checkout.pay.accepted"), icon="circle_check", color_scheme="green", width="100%"),
            rx.vstack(
                card_element(),
                rx.cond(
                    S.card_error != "", rx.text(S.card_error, color_scheme="red", size="2", role="alert")
                ),
                rx.cond(
                    S.card_status == "unavailable",
                    rx.text(t("checkout.pay.unavailable"), color_scheme="red", size="2"),
                ),
                rx.button(
                    t("checkout.pay.pay"),
                    " ",
                    S.order_total,
                    on_click=S.pay,
                    loading=S.card_status == "paying",
                    disabled=(S.card_status != "ready") & (S.card_status != "failed"),
                    width="100%",
                    size="3",
                ),
                width="100%",
            ),
        ),
        width="100%",
    )


def _bank_transfer() -> rx.Component:
    return rx.vstack(
        rx.heading(t("checkout.pay.bank_title"), size="4", as_="h2"),
        rx.text(t("checkout.pay.bank_intro"), " ", S.order_total, size="2"),
        rx.data_list.root(
            *[
                rx.data_list.item(
                    rx.data_list.label(t(f"checkout.bank.{name}")),
                    rx.data_list.value(S.instructions[name].to(str), word_break="break-all"),
                )
                for name in ("beneficiary", "iban", "bic", "reference")
            ],
            orientation=rx.breakpoints(initial="vertical", sm="horizontal"),
        ),
        width="100%",
    )


def _done() -> rx.Component:
    return rx.vstack(
        rx.callout.root(
            rx.callout.icon(rx.icon("circle_check")),
            rx.callout.text(t("checkout.done.thanks"), " ", rx.el.strong(S.order_number)),
            width="100%",
        ),
        rx.cond(S.instructions.contains("iban"), _bank_transfer(), _card_payment()),
        rx.link(t("checkout.done.status"), href=S.status_href, size="2"),
        width="100%",
        spacing="3",
    )


def _step(name: str, body: rx.Component) -> rx.Component:
    return rx.cond(
        S.step == name,
        rx.vstack(rx.heading(t(f"checkout.step.{name}"), size="4", as_="h2"), body, width="100%"),
    )


def checkout_page() -> rx.Component:
    return rx.box(
        rx.vstack(
            rx.heading(t("checkout.shop.title"), size="6", as_="h1"),
            rx.cond(
                S.empty,
                rx.vstack(
                    rx.text(t("checkout.shop.empty"), color_scheme="gray"),
                    rx.link(t("checkout.shop.to_cart"), href=ShellState.base + "cart"),
                ),
                rx.cond(
                    S.step == "done",
                    _done(),
                    rx.vstack(
                        _progress(),
                        _lines(),
                        form_error(S.form_error),
                        _step("contact", _contact()),
                        _step("address", _address()),
                        _step("shipping", _shipping()),
                        _step("payment", _payment()),
                        _step("review", _review()),
                        width="100%",
                        spacing="3",
                    ),
                ),
            ),
            width="100%",
            spacing="4",
        ),
        width="100%",
        max_width="40em",
        margin_x="auto",
        padding="1em",
    )
