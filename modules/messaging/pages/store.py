"""Store dashboard, E-mails: the kinds the store may reword, the editor, the reply-to address."""

import reflex as rx

from modules.messaging.pages.editor import template_editor
from modules.messaging.pages.log import store_email_log_page
from modules.messaging.state.store import StoreTemplateEditorState, StoreTemplatesState
from orion_app.ui.components import field, page, stacked_form
from orion_app.ui.i18n import t
from orion_app.ui.shell import ShellState
from orion_app.ui.tables import data_table, row

__all__ = ["store_email_log_page", "store_template_page", "store_templates_page"]


def kinds_table(rows: rx.Var) -> rx.Component:
    """The kinds a level may edit, each with the languages it has its own texts in; the
    name opens the editor."""
    return data_table(
        ["messaging.ui.templates.kind", "messaging.ui.templates.own", "messaging.ui.templates.variables"],
        rows,
        lambda r: row(
            rx.vstack(
                rx.link(r["name"], href=r["href"], weight="medium", aria_label=r["code"]),
                rx.cond(r["name"] != r["code"], rx.code(r["code"], size="1", color_scheme="gray")),
                spacing="0",
            ),
            rx.cond(
                r["overridden"] != "",
                rx.badge(r["overridden"], color_scheme="teal"),
                rx.text(t("messaging.ui.templates.none_own"), size="2", color_scheme="gray"),
            ),
            rx.text(r["variables"], size="1", color_scheme="gray"),
            data_kind=r["code"],
        ),
        empty="messaging.ui.templates.empty",
    )


def _reply_to() -> rx.Component:
    S = StoreTemplatesState
    return rx.card(
        stacked_form(
            rx.heading(t("messaging.ui.reply_to.title"), size="3", as_="h2"),
            field(
                "messaging.ui.reply_to.label",
                "reply_to",
                S.errors,
                type="email",
                default_value=S.reply_to,
                placeholder="hello@example.com",
                hint_key="messaging.ui.reply_to.hint",
            ),
            rx.hstack(rx.spacer(), rx.button(t("orion.save"), type="submit"), width="100%"),
            on_submit=S.save_reply_to,
            key=S.form_key,
        ),
        width="100%",
        max_width="32em",
    )


def store_templates_page() -> rx.Component:
    log = rx.link(rx.button(t("messaging.ui.log.title"), variant="soft"), href=ShellState.base + "emails")
    return page(
        "messaging.ui.templates.title",
        kinds_table(StoreTemplatesState.rows),
        _reply_to(),
        intro_key="messaging.ui.templates.intro",
        actions=(log,),
        spacing="4",
    )


def store_template_page() -> rx.Component:
    return template_editor(StoreTemplateEditorState, "messaging.ui.editor.title")
