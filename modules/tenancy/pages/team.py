"""Store dashboard: team page."""

import reflex as rx

from modules.tenancy.state.team import TeamState
from orion_app.ui.components import field, page_heading, select_field
from orion_app.ui.i18n import t


def _add_dialog() -> rx.Component:
    s = TeamState
    return rx.dialog.root(
        rx.dialog.trigger(rx.button(t("tenancy.team.add"))),
        rx.dialog.content(
            rx.dialog.title(t("tenancy.team.add")),
            rx.dialog.description(t("tenancy.team.add_hint"), size="2"),
            rx.form(
                rx.vstack(
                    field("tenancy.user.email", "email", s.errors, type="email", required=True),
                    field("tenancy.user.name", "name", s.errors),
                    field(
                        "tenancy.user.password",
                        "password",
                        s.errors,
                        type="password",
                        hint_key="tenancy.user.password_hint",
                    ),
                    select_field(
                        "tenancy.team.role", "role", s.errors, s.role_options, default_value="staff"
                    ),
                    rx.hstack(
                        rx.dialog.close(
                            rx.button(t("orion.cancel"), variant="soft", color_scheme="gray", type="button")
                        ),
                        rx.button(t("orion.save"), type="submit"),
                        justify="end",
                        width="100%",
                    ),
                    spacing="3",
                ),
                on_submit=s.add,
                reset_on_submit=False,
            ),
        ),
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
