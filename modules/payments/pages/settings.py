"""Payments pages: the store's methods and bank account; the admin's Stripe accounts."""

import reflex as rx

from modules.payments.state.admin import PaymentPlatformsState, PaymentPlatformState
from modules.payments.state.store import StorePaymentsState
from orion_app.registry import Frontend
from orion_app.routes import frontend_url
from orion_app.ui.components import checkbox, empty_state, field, field_error, page, stacked_form
from orion_app.ui.i18n import t
from orion_app.ui.tables import data_table, row

__all__ = ["payment_platform_page", "payment_platforms_page", "store_payments_page"]


def _save() -> rx.Component:
    return rx.hstack(rx.spacer(), rx.button(t("orion.save"), type="submit"), width="100%")


def store_payments_page() -> rx.Component:
    S = StorePaymentsState
    return page(
        "payments.ui.store.title",
        rx.card(
            stacked_form(
                rx.heading(t("payments.ui.store.methods"), size="3", as_="h2"),
                checkbox(
                    "payments.ui.store.card",
                    "payments.ui.store.card_hint",
                    name="card_enabled",
                    default_checked=S.card_enabled,
                ),
                checkbox(
                    "payments.ui.store.bank_transfer",
                    "payments.ui.store.bank_transfer_hint",
                    name="bank_transfer_enabled",
                    default_checked=S.bank_transfer_enabled,
                ),
                field_error(S.errors, "methods"),
                rx.heading(t("payments.ui.store.account"), size="3", as_="h2", margin_top="0.5em"),
                field("payments.ui.store.iban", "iban", S.errors, default_value=S.values["iban"]),
                field("payments.ui.store.bic", "bic", S.errors, default_value=S.values["bic"]),
                field(
                    "payments.ui.store.beneficiary",
                    "beneficiary",
                    S.errors,
                    default_value=S.values["beneficiary"],
                ),
                rx.heading(t("payments.ui.store.connect"), size="3", as_="h2", margin_top="0.5em"),
                field(
                    "payments.ui.store.connect_account",
                    "stripe_account_id",
                    S.errors,
                    default_value=S.values["stripe_account_id"],
                    hint_key="payments.ui.store.connect_hint",
                ),
                _save(),
                on_submit=S.save,
                key=S.form_key,
            ),
            width="100%",
            max_width="36em",
        ),
        intro_key="payments.ui.store.intro",
        spacing="3",
    )


def payment_platforms_page() -> rx.Component:
    S = PaymentPlatformsState
    return page(
        "payments.ui.admin.title",
        data_table(
            ["payments.ui.admin.platform", ""],
            S.rows,
            lambda r: row(
                rx.vstack(rx.text(r["name"], weight="medium"), rx.code(r["code"], size="1"), spacing="0"),
                rx.link(t("orion.edit"), href=r["href"], aria_label=r["code"]),
            ),
        ),
        intro_key="payments.ui.admin.intro",
        spacing="3",
    )


def _secret(label_key: str, name: str, is_set: rx.Var) -> rx.Component:
    """Write-only: the stored secret never comes back; a typed one replaces it."""
    return rx.vstack(
        rx.hstack(
            rx.text(t(label_key), size="2", weight="medium"),
            rx.cond(
                is_set,
                rx.badge(t("payments.ui.admin.set"), color_scheme="green"),
                rx.badge(t("payments.ui.admin.not_set"), color_scheme="gray"),
            ),
            align="center",
        ),
        field("payments.ui.admin.replace", name, PaymentPlatformState.errors, type="password"),
        spacing="1",
        width="100%",
    )


def payment_platform_page() -> rx.Component:
    S = PaymentPlatformState
    back = rx.link(t("payments.ui.admin.back"), href=frontend_url(Frontend.ADMIN, "payments"))
    form = rx.card(
        stacked_form(
            field(
                "payments.ui.admin.publishable_key",
                "publishable_key",
                S.errors,
                default_value=S.publishable_key,
                required=True,
            ),
            _secret("payments.ui.admin.secret_key", "secret_key", S.secret_key_set),
            _secret("payments.ui.admin.webhook_secret", "webhook_secret", S.webhook_secret_set),
            field(
                "payments.ui.admin.api_base",
                "api_base",
                S.errors,
                default_value=S.api_base,
                hint_key="payments.ui.admin.api_base_hint",
            ),
            _save(),
            on_submit=S.save,
            key=S.form_key,
            autocomplete="off",
        ),
        width="100%",
        max_width="36em",
    )
    return rx.cond(
        S.found,
        page(
            "payments.ui.admin.settings_title",
            rx.heading(S.platform_name, size="4", as_="h2"),
            form,
            actions=(back,),
            intro_key="payments.ui.admin.settings_intro",
            spacing="3",
        ),
        page("payments.ui.admin.settings_title", empty_state("orion.error.not_found"), actions=(back,)),
    )
