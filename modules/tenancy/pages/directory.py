"""Admin lists of merchants, stores and users, each with a creation dialog."""

import reflex as rx

from modules.tenancy.state.directory import MerchantsState, StoresState, UsersState
from orion_app.ui.components import field, flag_badge, form_dialog, page, select_field
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


def _directory_page(
    title_key: str,
    new_key: str,
    state,
    fields: list[rx.Component],
    columns: list[str],
    render_row,
    *more: rx.Component,
) -> rx.Component:
    """An admin list: its heading with the creation dialog, then the state's rows (and any dialogs)."""
    return page(
        title_key,
        data_table(columns, state.rows, render_row, empty="orion.empty", scroll=True),
        *more,
        actions=(create_dialog(new_key, state, fields),),
    )


def merchants_page() -> rx.Component:
    s = MerchantsState
    return _directory_page(
        "tenancy.merchants.title",
        "tenancy.merchants.new",
        s,
        [
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
        ],
        [
            "tenancy.merchant.name",
            "tenancy.merchant.legal_name",
            "tenancy.merchant.contact_email",
            "tenancy.merchant.vat_number",
            "tenancy.stores.title",
        ],
        lambda r: row(r["name"], r["legal_name"], r["contact_email"], r["vat_number"], r["stores"]),
    )


def stores_page() -> rx.Component:
    s = StoresState
    return _directory_page(
        "tenancy.stores.title",
        "tenancy.stores.new",
        s,
        [
            select_field("tenancy.store.merchant", "merchant_id", s.errors, s.merchant_options),
            select_field("tenancy.store.platform", "platform_id", s.errors, s.platform_options),
            field(
                "tenancy.store.code", "code", s.errors, required=True, hint_key="tenancy.platform.code_hint"
            ),
            field("tenancy.store.name", "name", s.errors, required=True),
            field("tenancy.store.subdomain", "subdomain", s.errors, hint_key="tenancy.store.subdomain_hint"),
            field("tenancy.store.languages", "languages", s.errors, default_value="fr,en,de"),
            field("tenancy.store.default_language", "default_language", s.errors, default_value="fr"),
        ],
        [
            "tenancy.store.code",
            "tenancy.store.name",
            "tenancy.store.merchant",
            "tenancy.store.platforms",
            "tenancy.store.languages",
            "tenancy.store.links",
        ],
        lambda r: row(
            rx.code(r["code"]),
            r["name"],
            r["merchant"],
            r["platforms"],
            r["languages"],
            rx.hstack(
                rx.link(t("tenancy.store.dashboard"), href=r["dashboard"]),
                rx.cond(r["storefront"] != "", rx.link(t("tenancy.store.storefront"), href=r["storefront"])),
                spacing="3",
            ),
        ),
    )


def _user_actions(s, r: rx.Var) -> rx.Component:
    return rx.cond(
        r["self"] == "",
        rx.hstack(
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
        ),
    )


def _reset_dialog(s) -> rx.Component:
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(t("tenancy.user.reset_password")),
            rx.text(s.reset_email, color_scheme="gray", size="2"),
            rx.form(
                rx.vstack(
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
                    spacing="3",
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
    return _directory_page(
        "tenancy.users.title",
        "tenancy.users.new",
        s,
        [
            field("tenancy.user.email", "email", s.errors, type="email", required=True),
            field("tenancy.user.name", "name", s.errors, required=True),
            select_field("tenancy.user.role", "role", s.errors, s.role_options, default_value="store_member"),
            field(
                "tenancy.user.password",
                "password",
                s.errors,
                type="password",
                required=True,
                hint_key="tenancy.user.password_hint",
            ),
        ],
        [
            "tenancy.user.email",
            "tenancy.user.name",
            "tenancy.user.role",
            "tenancy.user.status",
            "tenancy.user.last_login",
            "tenancy.user.actions",
        ],
        lambda r: row(
            r["email"],
            r["name"],
            rx.badge(r["role"]),
            flag_badge(r["active"] == "1", "tenancy.user.active", "tenancy.user.disabled"),
            r["last_login"],
            _user_actions(s, r),
        ),
        _reset_dialog(s),
    )
