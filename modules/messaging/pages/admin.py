"""Admin, E-mail: platforms, one platform's sending settings and texts, the full log, the
development Outbox."""

import reflex as rx

from modules.messaging.pages.editor import sandboxed_html, template_editor
from modules.messaging.pages.log import admin_email_log_page
from modules.messaging.pages.store import kinds_table
from modules.messaging.state.admin import (
    MessagingPlatformsState,
    PlatformSettingsState,
    PlatformTemplateEditorState,
)
from modules.messaging.state.outbox import OutboxState
from orion_app.registry import Frontend
from orion_app.routes import frontend_url
from orion_app.ui.components import (
    checkbox,
    empty_state,
    field,
    flag_badge,
    page,
    select_field,
    stacked_form,
    when,
)
from orion_app.ui.i18n import label, t
from orion_app.ui.tables import data_table, row

__all__ = [
    "admin_email_log_page",
    "messaging_platforms_page",
    "outbox_page",
    "platform_settings_page",
    "platform_template_page",
]

TLS = ("none", "starttls", "ssl")
PRE = {"white_space": "pre-wrap", "word_break": "break-word", "font_size": "0.85em", "margin": "0"}


def _admin_link(path: str, key: str) -> rx.Component:
    return rx.link(rx.button(t(key), variant="soft"), href=frontend_url(Frontend.ADMIN, path))


def messaging_platforms_page() -> rx.Component:
    S = MessagingPlatformsState
    return page(
        "messaging.ui.admin.title",
        data_table(
            ["messaging.ui.admin.platform", "messaging.ui.admin.settings", ""],
            S.rows,
            lambda r: row(
                rx.vstack(rx.text(r["name"], weight="medium"), rx.code(r["code"], size="1"), spacing="0"),
                flag_badge(
                    r["own"] != "", "messaging.ui.admin.own_settings", "messaging.ui.admin.server_settings"
                ),
                rx.link(t("orion.edit"), href=r["href"], aria_label=r["code"]),
            ),
        ),
        intro_key="messaging.ui.admin.intro",
        actions=(
            _admin_link("email-log", "messaging.ui.log.all_title"),
            rx.cond(S.outbox, _admin_link("outbox", "messaging.ui.outbox.title")),
        ),
        spacing="3",
    )


def _settings_form() -> rx.Component:
    S = PlatformSettingsState
    value = lambda name: S.values[name]  # noqa: E731
    return rx.card(
        stacked_form(
            rx.heading(t("messaging.ui.settings.sender"), size="3", as_="h2"),
            field(
                "messaging.ui.settings.from_address",
                "from_address",
                S.errors,
                type="email",
                default_value=value("from_address"),
                required=True,
            ),
            field("messaging.ui.settings.from_name", "from_name", S.errors, default_value=value("from_name")),
            field(
                "messaging.ui.settings.reply_to",
                "reply_to",
                S.errors,
                type="email",
                default_value=value("reply_to"),
            ),
            rx.heading(t("messaging.ui.settings.server"), size="3", as_="h2", margin_top="0.5em"),
            field(
                "messaging.ui.settings.smtp_host",
                "smtp_host",
                S.errors,
                default_value=value("smtp_host"),
                required=True,
            ),
            rx.flex(
                field(
                    "messaging.ui.settings.smtp_port",
                    "smtp_port",
                    S.errors,
                    type="number",
                    default_value=value("smtp_port"),
                ),
                select_field(
                    "messaging.ui.settings.smtp_tls",
                    "smtp_tls",
                    S.errors,
                    [rx.el.option(label(v, "messaging.ui.tls", TLS), value=v) for v in TLS],
                    default_value=value("smtp_tls"),
                ),
                gap="1em",
                width="100%",
                direction=rx.breakpoints(initial="column", sm="row"),
            ),
            field(
                "messaging.ui.settings.smtp_username",
                "smtp_username",
                S.errors,
                default_value=value("smtp_username"),
            ),
            rx.vstack(
                rx.hstack(
                    rx.text(t("messaging.ui.settings.password"), size="2", weight="medium"),
                    rx.cond(
                        S.password_stored,
                        rx.badge(t("messaging.ui.settings.password_set"), color_scheme="green"),
                        rx.badge(t("messaging.ui.settings.password_none"), color_scheme="gray"),
                    ),
                    align="center",
                ),
                # Write-only: the stored password never comes back; a typed one replaces it.
                field(
                    "messaging.ui.settings.password_replace",
                    "smtp_password",
                    S.errors,
                    type="password",
                    hint_key="messaging.ui.settings.password_hint",
                ),
                rx.cond(
                    S.password_stored,
                    checkbox("messaging.ui.settings.password_clear", name="clear_password", value="1"),
                ),
                spacing="2",
                width="100%",
            ),
            rx.hstack(rx.spacer(), rx.button(t("orion.save"), type="submit"), width="100%"),
            on_submit=S.save,
            key=S.form_key,
            autocomplete="off",
        ),
        width="100%",
        max_width="36em",
    )


def platform_settings_page() -> rx.Component:
    S = PlatformSettingsState
    back = rx.link(t("messaging.ui.editor.back"), href=frontend_url(Frontend.ADMIN, "messaging"))
    return rx.cond(
        S.found,
        page(
            "messaging.ui.settings.title",
            rx.heading(S.platform_name, size="4", as_="h2"),
            rx.cond(
                ~S.has_own,
                rx.callout(t("messaging.ui.settings.server_defaults"), icon="info", width="100%"),
            ),
            _settings_form(),
            rx.heading(t("messaging.ui.templates.platform_title"), size="4", as_="h2", margin_top="1em"),
            rx.text(t("messaging.ui.templates.platform_intro"), size="2", color_scheme="gray"),
            kinds_table(S.kinds),
            actions=(back,),
            spacing="3",
        ),
        page("messaging.ui.settings.title", empty_state("orion.error.not_found"), actions=(back,)),
    )


def platform_template_page() -> rx.Component:
    return template_editor(PlatformTemplateEditorState, "messaging.ui.editor.platform_title")


def _outbox_item(r: rx.Var) -> rx.Component:
    S = OutboxState
    is_open = S.open_key == r["key"]
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.vstack(
                    rx.text(r["subject"], weight="medium", word_break="break-word"),
                    rx.text(r["to"], size="1", color_scheme="gray", word_break="break-all"),
                    spacing="0",
                    min_width="0",
                ),
                rx.spacer(),
                rx.cond(r["language"] != "", rx.badge(r["language"])),
                when(r["time"]),
                rx.button(
                    rx.cond(is_open, t("messaging.ui.outbox.hide"), t("messaging.ui.outbox.show")),
                    size="1",
                    variant="soft",
                    on_click=S.toggle(r["key"]),
                    aria_expanded=rx.cond(is_open, "true", "false"),
                ),
                width="100%",
                align="center",
                wrap="wrap",
            ),
            rx.cond(
                is_open,
                rx.vstack(
                    rx.text(t("messaging.ui.outbox.headers"), size="2", weight="medium"),
                    rx.el.pre(rx.foreach(S.headers[r["key"]], lambda line: rx.el.div(line)), style=PRE),
                    rx.text(t("messaging.ui.outbox.text"), size="2", weight="medium"),
                    rx.el.pre(r["text"], style=PRE),
                    rx.text(t("messaging.ui.outbox.html"), size="2", weight="medium"),
                    sandboxed_html(r["html"], "messaging.ui.outbox.html"),
                    spacing="2",
                    width="100%",
                ),
            ),
            width="100%",
        ),
        width="100%",
        data_message=r["key"],
    )


def outbox_page() -> rx.Component:
    S = OutboxState
    return page(
        "messaging.ui.outbox.title",
        rx.cond(
            S.available,
            rx.cond(
                S.rows.length() > 0,
                rx.vstack(rx.foreach(S.rows, _outbox_item), width="100%", spacing="2"),
                empty_state("messaging.ui.outbox.empty"),
            ),
            empty_state("messaging.ui.outbox.unavailable"),
        ),
        intro_key="messaging.ui.outbox.intro",
        spacing="3",
    )
