"""Store dashboard: team page."""

import reflex as rx

from modules.tenancy.state.team import TeamState
from orion_app.ui.components import field, form_dialog, page_heading, select_field
from orion_app.ui.i18n import t


def _add_dialog() -> rx.Component:
    s = TeamState
    fields = [
        field("tenancy.user.email", "email", s.errors, type="email", required=True),
        field("tenancy.user.name", "name", s.errors),
        field(
            "tenancy.user.password",
            "password",
            s.errors,
            type="password",
            hint_key="tenancy.user.password_hint",
        ),
        select_field("tenancy.team.role", "role", s.errors, s.role_options, default_value="staff"),
    ]
    return form_dialog(
        "tenancy.team.add",
        fields,
        hint_key="tenancy.team.add_hint",
        on_submit=s.add,
        open=s.dialog_open,
        on_open_change=s.set_dialog_open,
    )


def team_page() -> rx.Component:
    return rx.vstack(
        page_heading("tenancy.team.title", rx.cond(TeamState.can_manage, _add_dialog())),
        rx.table.root(
            rx.table.header(
                rx.table.row(
                    rx.table.column_header_cell(t("tenancy.user.name")),
                    rx.table.column_header_cell(t("tenancy.user.email")),
                    rx.table.column_header_cell(t("tenancy.team.role")),
                )
            ),
            rx.table.body(
                rx.foreach(
                    TeamState.rows,
                    lambda r: rx.table.row(
                        rx.table.cell(r["name"]),
                        rx.table.cell(r["email"]),
                        rx.table.cell(rx.badge(r["role"])),
                    ),
                )
            ),
            width="100%",
        ),
        width="100%",
    )
