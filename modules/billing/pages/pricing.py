"""The platform site's pricing page and its sign-up (plan → account → payment)."""

import reflex as rx

from modules.billing.api import SIGN_UP_PATH
from modules.billing.state.pricing import PricingState, SignUpState
from orion_app.i18n import LANGUAGE_NAMES, LANGUAGES
from orion_app.ui.backend import post_form
from orion_app.ui.components import LABEL_STYLE, field, field_error, form_error, select
from orion_app.ui.i18n import t

S = SignUpState


def _price(plan: rx.Var, yearly: rx.Var) -> rx.Component:
    return rx.cond(
        plan["on_request"].to(bool),
        rx.text(t("billing.plans.on_request", price=plan["monthly"]), weight="bold", size="5"),
        rx.cond(
            yearly,
            rx.text(t("billing.price.yearly", price=plan["yearly"]), weight="bold", size="5"),
            rx.text(t("billing.price.monthly", price=plan["monthly"]), weight="bold", size="5"),
        ),
    )


def _lines(plan: rx.Var) -> rx.Component:
    """What the plan includes: a plain list (`orion-checklist` in orion.css draws the check
    marks), which a phone hydrates far cheaper than an icon and two styled boxes per line."""
    return rx.el.ul(
        rx.foreach(plan["lines"].to(list[str]), lambda line: rx.el.li(line)),
        class_name="orion-checklist",
    )


def _interval_switch(state) -> rx.Component:
    return rx.hstack(
        rx.text(t("billing.interval.month"), size="2"),
        rx.switch(
            checked=state.show_yearly, on_change=state.set_yearly, aria_label=t("billing.plans.yearly")
        ),
        rx.text(t("billing.interval.year"), size="2"),
        align="center",
    )


def _tier(plan: rx.Var) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading(plan["name"], size="5", as_="h2"),
            _price(plan, PricingState.show_yearly),
            _lines(plan),
            rx.spacer(),
            rx.link(
                rx.button(
                    rx.cond(
                        plan["on_request"].to(bool), t("billing.pricing.contact"), t("billing.pricing.start")
                    ),
                    width="100%",
                ),
                href=plan["href"],
                width="100%",
            ),
            spacing="3",
            height="100%",
        ),
        data_testid="pricing-tier",
    )


def pricing_page() -> rx.Component:
    return rx.vstack(
        rx.heading(t("billing.pricing.title"), size="8", as_="h1", padding_top="1em"),
        rx.text(t("billing.pricing.intro"), size="4", color_scheme="gray"),
        _interval_switch(PricingState),
        rx.grid(
            rx.foreach(PricingState.plans, _tier),
            columns=rx.breakpoints(initial="1", sm="2", lg="4"),
            spacing="4",
            width="100%",
        ),
        width="100%",
        spacing="4",
    )


def _step(name: str, *children: rx.Component) -> rx.Component:
    """One step of the form: hidden, not removed, while another shows (its fields still post)."""
    return rx.vstack(*children, display=rx.cond(S.step == name, "flex", "none"), width="100%", spacing="3")


def _plan_choice(plan: rx.Var) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading(plan["name"], size="4", as_="h2"),
            _price(plan, S.show_yearly),
            _lines(plan),
            rx.button(
                rx.cond(S.plan == plan["code"], t("billing.signup.chosen"), t("billing.signup.choose")),
                type="button",
                variant=rx.cond(S.plan == plan["code"], "solid", "soft"),
                on_click=S.choose(plan["code"]),
                width="100%",
            ),
            spacing="2",
        ),
    )


def _language_box(lang: str) -> rx.Component:
    return rx.el.label(
        rx.el.input(type="checkbox", name=f"lang_{lang}", default_checked=S.languages.contains(lang)),
        " ",
        LANGUAGE_NAMES[lang],
        font_size="0.9em",
    )


def _account() -> rx.Component:
    values = S.values
    return _step(
        "account",
        rx.heading(t("billing.signup.account"), size="5", as_="h2"),
        field(
            "billing.signup.merchant_name", "merchant_name", S.errors, default_value=values["merchant_name"]
        ),
        field("billing.signup.owner_name", "owner_name", S.errors, default_value=values["owner_name"]),
        field("billing.signup.email", "email", S.errors, type="email", default_value=values["email"]),
        field(
            "billing.signup.password",
            "password",
            S.errors,
            type="password",
            hint_key="billing.signup.password_hint",
        ),
        field(
            "billing.signup.store_code",
            "store_code",
            S.errors,
            default_value=values["store_code"],
            hint_key="billing.signup.store_code_hint",
        ),
        field("billing.signup.store_name", "store_name", S.errors, default_value=values["store_name"]),
        rx.vstack(
            rx.text(t("billing.signup.languages"), size="2", weight="medium"),
            rx.flex(*(_language_box(lang) for lang in LANGUAGES), wrap="wrap", gap="1em"),
            rx.el.label(
                t("billing.signup.default_language"),
                select(
                    *(rx.el.option(LANGUAGE_NAMES[lang], value=lang) for lang in LANGUAGES),
                    name="default_language",
                    default_value="fr",
                ),
                **LABEL_STYLE,
            ),
            field_error(S.errors, "languages"),
            field_error(S.errors, "default_language"),
            spacing="2",
        ),
        rx.hstack(
            rx.button(t("billing.signup.back"), type="button", variant="soft", on_click=S.go("plan")),
            rx.button(t("billing.signup.next"), type="button", on_click=S.go("payment")),
            justify="between",
            width="100%",
        ),
    )


def _payment() -> rx.Component:
    return _step(
        "payment",
        rx.heading(t("billing.signup.payment"), size="5", as_="h2"),
        rx.text(t("billing.signup.payment_intro")),
        rx.el.label(
            rx.el.input(type="radio", name="card", value="later", default_checked=True),
            " ",
            t("billing.signup.card_later"),
        ),
        rx.el.label(rx.el.input(type="radio", name="card", value="now"), " ", t("billing.signup.card_now")),
        rx.hstack(
            rx.button(t("billing.signup.back"), type="button", variant="soft", on_click=S.go("account")),
            rx.button(t("billing.signup.submit"), type="submit"),
            justify="between",
            width="100%",
        ),
    )


def signup_page() -> rx.Component:
    return rx.vstack(
        rx.heading(t("billing.signup.title"), size="7", as_="h1", padding_top="1em"),
        form_error(S.form_error),
        post_form(
            rx.el.input(type="hidden", name="base", value=S.base),
            rx.el.input(type="hidden", name="plan", value=S.plan),
            rx.el.input(type="hidden", name="interval", value=rx.cond(S.show_yearly, "year", "month")),
            rx.el.input(type="hidden", name="ui_language", value=S.lang),
            _step(
                "plan",
                _interval_switch(S),
                rx.grid(
                    rx.foreach(S.plans, _plan_choice),
                    columns=rx.breakpoints(initial="1", sm="3"),
                    spacing="3",
                    width="100%",
                ),
            ),
            _account(),
            _payment(),
            path=SIGN_UP_PATH,
            width="100%",
        ),
        width="100%",
        max_width="60em",
        spacing="4",
    )
