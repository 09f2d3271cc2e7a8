"""Admin lists of merchants, stores and users, each with a creation dialog."""

import reflex as rx

from modules.tenancy.pages.labels import user_role, user_role_options
from modules.tenancy.state.directory import MerchantsState, StoresState, UsersState
from orion_app.ui.components import field, flag_badge, form_dialog, page, select_field, stacked_form, when
from orion_app.ui.i18n import t
from orion_app.ui.tables import data_table, row


def create_dialog(title_key: str, state, fields: list[rx.Component]) -> rx.Component:
    return form_dialog(
        title_key,
        fields,
        on_submit=state.create,
        open=state.dialog_open,
        on_open_change=state.set_dialog_open,
    )


def _directory_page(state, prefix: str, fields, columns: list[str], render_row, *more) -> rx.Component:
    """An admin list: its heading (`prefix`.title) with the creation dialog (`prefix`.new) of
    `fields(state)`, then the state's rows (and any dialogs)."""
    return page(
        f"{prefix}.title",
        data_table(columns, state.rows, render_row, empty="orion.empty", scroll=True),
        *more,
        actions=(create_dialog(f"{prefix}.new", state, fields(state)),),
    )


def _merchant_fields(s) -> list[rx.Component]:
    return [
        select_field("tenancy.merchant.platform", "platform_id", s.errors, s.platform_options),
        field("tenancy.merchant.name", "name", s.errors, required=True),
        field("tenancy.merchant.legal_name", "legal_name", s.errors),
        field("tenancy.merchant.contact_email", "contact_email", s.errors, type="email"),
        field("tenancy.merchant.vat_number", "vat_number", s.errors, placeholder="LU12345678"),
        field(
            "tenancy.merchant.owner_email",
            "owner_email",
            s.errors,
            type="email",
            hint_key="tenancy.merchant.owner_hint",
        ),
    ]


MERCHANT_COLUMNS = [
    "tenancy.merchant.name",
    "tenancy.merchant.legal_name",
    "tenancy.merchant.contact_email",
    "tenancy.merchant.vat_number",
    "tenancy.stores.title",
]


def merchants_page() -> rx.Component:
    return _directory_page(
        MerchantsState,
        "tenancy.merchants",
        _merchant_fields,
        MERCHANT_COLUMNS,
        lambda r: row(
            rx.link(r["name"], href=r["href"]),
            r["legal_name"],
            r["contact_email"],
            r["vat_number"],
            r["stores"],
        ),
    )


def _store_fields(s) -> list[rx.Component]:
    return [
        select_field("tenancy.store.merchant", "merchant_id", s.errors, s.merchant_options),
        select_field("tenancy.store.platform", "platform_id", s.errors, s.platform_options),
        field("tenancy.store.code", "code", s.errors, required=True, hint_key="tenancy.platform.code_hint"),
        field("tenancy.store.name", "name", s.errors, required=True),
        field("tenancy.store.subdomain", "subdomain", s.errors, hint_key="tenancy.store.subdomain_hint"),
        field("tenancy.store.languages", "languages", s.errors, default_value="fr,en,de"),
        field("tenancy.store.default_language", "default_language", s.errors, default_value="fr"),
    ]


def _store_row(r: rx.Var) -> rx.Component:
    return row(
        rx.code(r["code"]),
        rx.link(r["name"], href=r["href"]),
        r["merchant"],
        r["platforms"],
        r["languages"],
        rx.hstack(
            rx.link(t("tenancy.store.dashboard"), href=r["dashboard"]),
            rx.cond(r["storefront"] != "", rx.link(t("tenancy.store.storefront"), href=r["storefront"])),
            spacing="3",
        ),
    )


def stores_page() -> rx.Component:
    columns = ["code", "name", "merchant", "platforms", "languages", "links"]
    return _directory_page(
        StoresState, "tenancy.stores", _store_fields, [f"tenancy.store.{c}" for c in columns], _store_row
    )


def _user_fields(s) -> list[rx.Component]:
    return [
        field("tenancy.user.email", "email", s.errors, type="email", required=True),
        field("tenancy.user.name", "name", s.errors, required=True),
        select_field(
            "tenancy.user.role", "role", s.errors, user_role_options(), default_value="store_member"
        ),
        field(
            "tenancy.user.password",
            "password",
            s.errors,
            type="password",
            required=True,
            hint_key="tenancy.user.password_hint",
        ),
    ]


def user_actions(s, r: rx.Var) -> rx.Component:
    """Disable or enable the user of `r` (its `id`, `email`, `active`) and set their password."""
    return rx.hstack(
        rx.button(
            rx.cond(r["active"] == "1", t("tenancy.user.disable"), t("tenancy.user.enable")),
            on_click=s.set_active(r["id"], r["active"] != "1"),
            size="1",
            variant="soft",
        ),
        rx.button(
            t("tenancy.user.reset_password"),
            on_click=s.open_reset(r["id"], r["email"]),
            size="1",
            variant="outline",
        ),
        spacing="2",
    )


def reset_dialog(s) -> rx.Component:
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(t("tenancy.user.reset_password")),
            rx.text(s.reset_email, color_scheme="gray", size="2"),
            stacked_form(
                field(
                    "tenancy.user.new_password",
                    "new_password",
                    s.reset_errors,
                    type="password",
                    required=True,
                    hint_key="tenancy.user.reset_hint",
                ),
                rx.hstack(
                    rx.dialog.close(rx.button(t("orion.cancel"), variant="soft", type="button")),
                    rx.button(t("tenancy.user.reset_password"), type="submit"),
                    justify="end",
                    width="100%",
                ),
                on_submit=s.reset_password,
                reset_on_submit=True,
            ),
        ),
        open=s.reset_user_id != "",
        on_open_change=s.close_reset,
    )


def users_page() -> rx.Component:
    s = UsersState
    columns = ["email", "name", "role", "status", "last_login", "actions"]
    return _directory_page(
        s,
        "tenancy.users",
        _user_fields,
        [f"tenancy.user.{c}" for c in columns],
        lambda r: row(
            rx.link(r["email"], href=r["href"]),
            r["name"],
            rx.badge(user_role(r["role"])),
            flag_badge(r["active"] == "1", "tenancy.user.active", "tenancy.user.disabled"),
            when(r["last_login"]),
            rx.cond(r["self"] == "", user_actions(s, r)),
        ),
        reset_dialog(s),
    )
