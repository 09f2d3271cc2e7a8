"""The page a team invitation's link opens: a new person sets a name and password, someone
with an account confirms with their password."""

import reflex as rx

from modules.tenancy.pages.labels import store_role
from modules.tenancy.state.invitation import InvitationState
from orion_app.ui.components import field, form_error, stacked_form
from orion_app.ui.i18n import t


def _form() -> rx.Component:
    s = InvitationState
    return stacked_form(
        rx.heading(t("tenancy.invitation.join", store=s.store_name), size="6", as_="h1"),
        rx.text(t("tenancy.invitation.as_role", email=s.email, role=store_role(s.role)), size="2"),
        form_error(s.error),
        rx.cond(
            s.has_account,
            rx.vstack(
                rx.text(t("tenancy.invitation.existing_hint"), size="2", color_scheme="gray"),
                field("tenancy.signin.password", "password", s.errors, type="password", required=True),
                width="100%",
            ),
            rx.vstack(
                field("tenancy.user.name", "name", s.errors, default_value=s.name, required=True),
                field(
                    "tenancy.invitation.choose_password",
                    "password",
                    s.errors,
                    type="password",
                    required=True,
                    hint_key="tenancy.user.password_hint",
                ),
                width="100%",
            ),
        ),
        rx.button(t("tenancy.invitation.accept"), type="submit", width="100%"),
        on_submit=InvitationState.accept,
    )


def invitation_page() -> rx.Component:
    return rx.card(
        rx.cond(
            InvitationState.valid,
            _form(),
            rx.vstack(
                rx.heading(t("tenancy.invitation.title"), size="6", as_="h1"),
                form_error(t("tenancy.invitation.invalid")),
                spacing="3",
            ),
        ),
        width="100%",
        padding="1.5em",
    )
