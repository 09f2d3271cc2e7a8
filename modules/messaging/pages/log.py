"""The e-mail log: a store's messages on its dashboard, every store's in the admin."""

import reflex as rx

from modules.messaging.state.log import STATUSES, AdminEmailLogState, StoreEmailLogState
from orion_app.ui.components import ONE_LINE, options_of, page, select, when
from orion_app.ui.i18n import label, t
from orion_app.ui.pager import pager
from orion_app.ui.shell import ShellState
from orion_app.ui.tables import data_table, row

STATUS_COLORS = (("queued", "amber"), ("sent", "green"), ("failed", "red"))


def status_badge(status: rx.Var) -> rx.Component:
    return rx.badge(
        label(status, "messaging.ui.status", STATUSES), color_scheme=rx.match(status, *STATUS_COLORS, "gray")
    )


def _filters(S) -> rx.Component:
    return rx.form(
        rx.hstack(
            select(
                rx.el.option(t("messaging.ui.log.all_statuses"), value=""),
                *[rx.el.option(label(s, "messaging.ui.status", STATUSES), value=s) for s in STATUSES],
                name="status",
                default_value=S.status,
                aria_label=t("messaging.ui.log.status"),
            ),
            select(
                rx.el.option(t("messaging.ui.log.all_kinds"), value=""),
                options_of(S.kind_options),
                name="kind",
                default_value=S.kind,
                aria_label=t("messaging.ui.log.kind"),
                style={"max_width": "100%"},
            ),
            rx.button(t("messaging.ui.log.apply"), type="submit", variant="soft"),
            wrap="wrap",
            spacing="2",
        ),
        on_submit=S.apply_filters,
        reset_on_submit=False,
        width="100%",
    )


def _cut(text: rx.Var, width: str, **props) -> rx.Component:
    """A long value on one line, whole in its tooltip."""
    return rx.text(text, title=text, as_="span", display="block", max_width=width, style=ONE_LINE, **props)


def _log(S, *, with_store: bool) -> list[rx.Component]:
    # Time and status first: on a phone they are what shows before the table scrolls.
    columns = [
        "messaging.ui.log.time",
        "messaging.ui.log.status",
        *(["messaging.ui.log.store"] if with_store else []),
        "messaging.ui.log.recipient",
        "messaging.ui.log.kind",
        "messaging.ui.log.language",
        "messaging.ui.log.attempts",
        "messaging.ui.log.last_error",
        "messaging.ui.log.message_id",
    ]

    def render(r: rx.Var) -> rx.Component:
        return row(
            when(r["created"]),
            status_badge(r["status"]),
            *(
                [rx.cond(r["store"] != "", r["store"], t("messaging.ui.log.platform_mail"))]
                if with_store
                else []
            ),
            _cut(r["recipient"], "16em"),
            _cut(r["kind"], "14em"),
            r["language"],
            r["attempts"],
            _cut(r["last_error"], "16em", size="1", color_scheme="red"),
            _cut(r["message_id"], "10em", size="1", color_scheme="gray"),
            data_status=r["status"],
        )

    return [
        _filters(S),
        rx.text(t("messaging.ui.log.count", count=S.total), size="2", color_scheme="gray"),
        data_table(columns, S.rows, render, empty="messaging.ui.log.empty"),
        pager(S.page_number, S.page_count, S.go_to_page),
    ]


def store_email_log_page() -> rx.Component:
    S = StoreEmailLogState
    templates = rx.cond(
        S.can_edit_templates,
        rx.link(
            rx.button(t("messaging.ui.templates.title"), variant="soft"),
            href=ShellState.base + "emails/templates",
        ),
    )
    return page("messaging.ui.log.title", *_log(S, with_store=False), actions=(templates,), spacing="3")


def admin_email_log_page() -> rx.Component:
    return page(
        "messaging.ui.log.all_title",
        *_log(AdminEmailLogState, with_store=True),
        intro_key="messaging.ui.log.all_intro",
        spacing="3",
    )
