"""Admin lists of merchants, stores and users, each with a creation dialog."""

import reflex as rx

from modules.tenancy.state.directory import MerchantsState, StoresState, UsersState
from orion_app.ui.components import empty_state, field, form_dialog, page_heading, select_field
from orion_app.ui.i18n import t


def create_dialog(title_key: str, state, fields: list[rx.Component]) -> rx.Component:
    return form_dialog(
        title_key,
        fields,
        on_submit=state.create,
        open=state.dialog_open,
        on_open_change=state.set_dialog_open,
    )


def table(columns: list[str], rows: rx.Var, render_row) -> rx.Component:
    return rx.cond(
        rows.length() > 0,
        rx.box(  # a wide table scrolls sideways on a phone instead of cutting columns off
            rx.table.root(
                rx.table.header(rx.table.row(*[rx.table.column_header_cell(t(c)) for c in columns])),
                rx.table.body(rx.foreach(rows, render_row)),
                width="100%",
            ),
            overflow_x="auto",
            width="100%",
        ),
        empty_state("orion.empty"),
    )


def merchants_page() -> rx.Component:
    s = MerchantsState
    return rx.vstack(
        page_heading(
            "tenancy.merchants.title",
            create_dialog(
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
            ),
        ),
        table(
            [
                "tenancy.merchant.name",
                "tenancy.merchant.legal_name",
                "tenancy.merchant.contact_email",
                "tenancy.merchant.vat_number",
                "tenancy.stores.title",
            ],
            s.rows,
            lambda r: rx.table.row(
                rx.table.cell(r["name"]),
                rx.table.cell(r["legal_name"]),
                rx.table.cell(r["contact_email"]),
                rx.table.cell(r["vat_number"]),
                rx.table.cell(r["stores"]),
            ),
        ),
        width="100%",
    )


def stores_page() -> rx.Component:
    s = StoresState
    return rx.vstack(
        page_heading(
            "tenancy.stores.title",
            create_dialog(
                "tenancy.stores.new",
                s,
                [
                    select_field("tenancy.store.merchant", "merchant_id", s.errors, s.merchant_options),
                    select_field("tenancy.store.platform", "platform_id", s.errors, s.platform_options),
                    field(
                        "tenancy.store.code",
                        "code",
                        s.errors,
                        required=True,
                        hint_key="tenancy.platform.code_hint",
                    ),
                    field("tenancy.store.name", "name", s.errors, required=True),
                    field(
                        "tenancy.store.subdomain",
                        "subdomain",
                        s.errors,
                        hint_key="tenancy.store.subdomain_hint",
                    ),
                    field("tenancy.store.languages", "languages", s.errors, default_value="fr,en,de"),
                    field("tenancy.store.default_language", "default_language", s.errors, default_value="fr"),
                ],
            ),
        ),
        table(
            [
                "tenancy.store.code",
                "tenancy.store.name",
                "tenancy.store.merchant",
                "tenancy.store.platforms",
                "tenancy.store.languages",
                "tenancy.store.links",
            ],
            s.rows,
            lambda r: rx.table.row(
                rx.table.cell(rx.code(r["code"])),
                rx.table.cell(r["name"]),
                rx.table.cell(r["merchant"]),
                rx.table.cell(r["platforms"]),
                rx.table.cell(r["languages"]),
                rx.table.cell(
                    rx.hstack(
                        rx.link(t("tenancy.store.dashboard"), href=r["dashboard"]),
                        rx.cond(
                            r["storefront"] != "",
                            rx.link(t("tenancy.store.storefront"), href=r["storefront"]),
                        ),
                        spacing="3",
                    )
                ),
            ),
        ),
        width="100%",
    )


def users_page() -> rx.Component:
    s = UsersState
    return rx.vstack(
        page_heading(
            "tenancy.users.title",
            create_dialog(
                "tenancy.users.new",
                s,
                [
                    field("tenancy.user.email", "email", s.errors, type="email", required=True),
                    field("tenancy.user.name", "name", s.errors, required=True),
                    select_field(
                        "tenancy.user.role", "role", s.errors, s.role_options, default_value="store_member"
                    ),
                    field(
                        "tenancy.user.password",
                        "password",
                        s.errors,
                        type="password",
                        required=True,
                        hint_key="tenancy.user.password_hint",
                    ),
                ],
            ),
        ),
        table(
            [
                "tenancy.user.email",
                "tenancy.user.name",
                "tenancy.user.role",
                "tenancy.user.status",
                "tenancy.user.last_login",
                "tenancy.user.actions",
            ],
            s.rows,
            lambda r: rx.table.row(
                rx.table.cell(r["email"]),
                rx.table.cell(r["name"]),
                rx.table.cell(rx.badge(r["role"])),
                rx.table.cell(
                    rx.cond(
                        r["active"] == "1",
                        rx.badge(t("tenancy.user.active"), color_scheme="green"),
                        rx.badge(t("tenancy.user.disabled"), color_scheme="gray"),
                    )
                ),
                rx.table.cell(r["last_login"]),
                rx.table.cell(
                    rx.cond(
                        r["self"] == "",
                        rx.hstack(
                            rx.button(
                                rx.cond(
                                    r["active"] == "1", t("tenancy.user.disable"), t("tenancy.user.enable")
                                ),
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
                ),
            ),
        ),
        rx.dialog.root(
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
        ),
        width="100%",
    )
