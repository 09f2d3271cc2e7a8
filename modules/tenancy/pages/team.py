"""Store dashboard: team page."""

import reflex as rx

from modules.tenancy.pages.labels import store_role, store_role_options
from modules.tenancy.state.team import TeamState
from orion_app.ui.components import (
    confirm_dialog,
    field,
    form_dialog,
    form_error,
    page,
    remove_button,
    select,
    select_field,
    when,
)
from orion_app.ui.i18n import t
from orion_app.ui.tables import data_table, row


def _invite_dialog() -> rx.Component:
    s = TeamState
    fields = [
        field("tenancy.user.email", "email", s.errors, type="email", required=True),
        field("tenancy.user.name", "name", s.errors, required=True),
        select_field("tenancy.team.role", "role", s.errors, store_role_options(), default_value="staff"),
    ]
    return form_dialog(
        "tenancy.invitation.invite",
        fields,
        hint_key="tenancy.invitation.invite_hint",
        on_submit=s.invite,
        open=s.dialog_open,
        on_open_change=s.set_dialog_open,
    )


def _invitations() -> rx.Component:
    """Invitations nobody accepted yet, each with "re-send" and "revoke"."""
    s = TeamState
    return rx.cond(
        s.invitations.length() > 0,
        rx.vstack(
            rx.heading(t("tenancy.invitation.pending"), size="4", as_="h2"),
            data_table(
                [
                    "tenancy.user.name",
                    "tenancy.user.email",
                    "tenancy.team.role",
                    "tenancy.invitation.expires",
                    "",
                ],
                s.invitations,
                lambda r: row(
                    r["name"],
                    r["email"],
                    rx.badge(store_role(r["role"])),
                    rx.cond(
                        r["expired"] != "",
                        rx.badge(t("tenancy.invitation.expired"), color_scheme="red"),
                        when(r["expires_at"]),
                    ),
                    rx.hstack(
                        rx.button(
                            t("tenancy.invitation.resend"),
                            size="1",
                            variant="soft",
                            on_click=s.resend(r["id"]),
                        ),
                        remove_button("tenancy.invitation.revoke", s.revoke(r["id"])),
                        spacing="2",
                        wrap="wrap",
                    ),
                ),
            ),
            width="100%",
            spacing="2",
        ),
    )


def _role_cell(r: rx.Var) -> rx.Component:
    """The member's role; an owner changes it in place (never his own), a refusal says why below."""
    s = TeamState
    return rx.cond(
        s.can_manage & (r["self"] == ""),
        rx.vstack(
            select(
                *store_role_options(),
                value=r["role"],
                on_change=lambda role: s.change_role(r["id"], role),
                aria_label=t("tenancy.team.role_of", name=r["name"]),
            ),
            rx.cond(
                s.role_error_id == r["id"],
                rx.text(s.role_error, size="1", color_scheme="red", role="alert"),
            ),
            spacing="1",
        ),
        rx.badge(store_role(r["role"])),
    )


def _remove_dialog() -> rx.Component:
    s = TeamState
    return confirm_dialog(
        t("tenancy.team.remove_title"),
        rx.vstack(
            rx.text(t("tenancy.team.remove_confirm", name=s.removing_name)),
            form_error(s.remove_error),
            spacing="2",
        ),
        open=s.removing_id != "",
        on_cancel=s.cancel_remove,
        confirm=t("tenancy.team.remove"),
        on_confirm=s.remove,
        color_scheme="red",
    )


def team_page() -> rx.Component:
    s = TeamState
    return page(
        "tenancy.team.title",
        data_table(
            ["tenancy.user.name", "tenancy.user.email", "tenancy.team.role", ""],
            s.rows,
            lambda r: row(
                r["name"],
                r["email"],
                _role_cell(r),
                rx.cond(
                    s.can_manage & (r["self"] == ""),
                    remove_button("tenancy.team.remove", s.ask_remove(r["id"], r["name"])),
                ),
            ),
        ),
        _invitations(),
        _remove_dialog(),
        actions=(rx.cond(s.can_invite, _invite_dialog()),),
    )
