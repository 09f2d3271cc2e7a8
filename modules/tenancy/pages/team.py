"""Store dashboard: team page."""

import reflex as rx

from modules.tenancy.state.team import TeamState
from orion_app.ui.components import field, form_dialog, page, select_field
from orion_app.ui.tables import data_table, row


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
    return page(
        "tenancy.team.title",
        data_table(
            ["tenancy.user.name", "tenancy.user.email", "tenancy.team.role"],
            TeamState.rows,
            lambda r: row(r["name"], r["email"], rx.badge(r["role"])),
        ),
        actions=(rx.cond(TeamState.can_manage, _add_dialog()),),
    )
