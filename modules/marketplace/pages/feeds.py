"""Store dashboard: the scheduled feeds card of the import page (list, add/change, run, delete)."""

import reflex as rx

from modules.marketplace.pages.common import section, status_badge
from modules.marketplace.state.imports import SCHEDULE_OPTIONS, ImportState
from orion_app.ui.components import checkbox, empty_state, field, form_error, select_field, when
from orion_app.ui.i18n import t

S = ImportState


def _source_row(row: rx.Var) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.badge(row["lang_label"], variant="soft")),
        rx.table.cell(
            rx.text(
                row["url"],
                size="2",
                max_width="22em",
                overflow="hidden",
                text_overflow="ellipsis",
                white_space="nowrap",
            ),
            title=row["url"],
        ),
        rx.table.cell(
            rx.vstack(
                rx.text(row["schedule"], size="2"),
                rx.cond(
                    row["enabled"] != "",
                    rx.text(
                        t("marketplace.feeds.next_run"),
                        " ",
                        when(row["next_run"]),
                        size="1",
                        color_scheme="gray",
                    ),
                    rx.badge(t("marketplace.feeds.paused"), color_scheme="gray"),
                ),
                spacing="1",
            )
        ),
        rx.table.cell(
            rx.cond(
                row["last_href"] != "",
                rx.link(
                    rx.vstack(
                        rx.hstack(
                            status_badge(row["last_status"]),
                            when(row["last_when"]),
                            spacing="2",
                            align="center",
                        ),
                        rx.text(row["last_counts"], size="1", color_scheme="gray"),
                        spacing="1",
                    ),
                    href=row["last_href"],
                    underline="none",
                    color="inherit",
                ),
                rx.text(t("marketplace.feeds.never"), size="1", color_scheme="gray"),
            )
        ),
        rx.table.cell(
            rx.hstack(
                rx.button(
                    t("marketplace.feeds.run_now"),
                    size="1",
                    variant="soft",
                    on_click=S.run_source_now(row["id"]),
                ),
                rx.button(t("orion.edit"), size="1", variant="ghost", on_click=S.edit_source(row["id"])),
                rx.button(
                    t("marketplace.feeds.delete"),
                    size="1",
                    variant="ghost",
                    color_scheme="red",
                    on_click=S.ask_delete_source(row["id"]),
                ),
                spacing="2",
                wrap="wrap",
            )
        ),
        align="center",
    )


def _source_form() -> rx.Component:
    editing = S.source_values["id"] != ""
    return rx.form(
        rx.vstack(
            rx.heading(
                rx.cond(editing, t("marketplace.feeds.edit_title"), t("marketplace.feeds.add_title")),
                size="3",
                as_="h3",
            ),
            field(
                "marketplace.url.url",
                "url",
                S.source_errors,
                type="url",
                placeholder="https://",
                default_value=S.source_values["url"],
            ),
            rx.grid(
                select_field(
                    "marketplace.import.language",
                    "lang",
                    S.source_errors,
                    S.languages,
                    default_value=S.source_values["lang"],
                ),
                select_field(
                    "marketplace.feeds.schedule",
                    "schedule",
                    S.source_errors,
                    [rx.el.option(t(f"marketplace.schedule.{n}"), value=n) for n in SCHEDULE_OPTIONS],
                    default_value=S.source_schedule,
                    on_change=S.set_source_schedule,  # only shows or hides the expression field
                ),
                rx.cond(
                    S.source_schedule == "custom",
                    field(
                        "marketplace.feeds.cron",
                        "cron",
                        S.source_errors,
                        placeholder="30 4 * * *",
                        default_value=S.source_values["cron"],
                        hint_key="marketplace.feeds.cron_hint",
                    ),
                ),
                columns=rx.breakpoints(initial="1", md="3"),
                spacing="3",
                width="100%",
            ),
            checkbox(
                "marketplace.feeds.enabled",
                "marketplace.feeds.enabled_hint",
                name="enabled",
                value="1",
                default_checked=S.source_values["enabled"] == "1",
            ),
            rx.hstack(
                rx.button(t("orion.save"), type="submit"),
                rx.cond(
                    editing,
                    rx.button(
                        t("orion.cancel"),
                        type="button",
                        variant="soft",
                        color_scheme="gray",
                        on_click=S.new_source,
                    ),
                ),
                spacing="2",
            ),
            spacing="3",
            width="100%",
            align="start",
        ),
        on_submit=S.save_source,
        reset_on_submit=False,
        key=S.source_form_key,
        width="100%",
    )


def feeds_card() -> rx.Component:
    return section(
        "marketplace.feeds.title",
        form_error(S.source_message),
        rx.cond(
            S.sources.length() > 0,
            rx.table.root(
                rx.table.header(
                    rx.table.row(
                        *[
                            rx.table.column_header_cell(t(key))
                            for key in (
                                "marketplace.history.language",
                                "marketplace.url.url",
                                "marketplace.feeds.schedule",
                                "marketplace.feeds.last_run",
                            )
                        ],
                        rx.table.column_header_cell(""),
                    )
                ),
                rx.table.body(rx.foreach(S.sources, _source_row)),
                width="100%",
                size="1",
            ),
            empty_state("marketplace.feeds.none"),
        ),
        rx.divider(),
        _source_form(),
        _delete_dialog(),
        hint_key="marketplace.feeds.hint",
    )


def _delete_dialog() -> rx.Component:
    return rx.alert_dialog.root(
        rx.alert_dialog.content(
            rx.alert_dialog.title(t("marketplace.feeds.delete_title")),
            rx.alert_dialog.description(t("marketplace.feeds.delete_text")),
            rx.hstack(
                rx.alert_dialog.cancel(
                    rx.button(
                        t("orion.cancel"),
                        variant="soft",
                        color_scheme="gray",
                        on_click=S.cancel_delete_source,
                    )
                ),
                rx.alert_dialog.action(
                    rx.button(t("marketplace.feeds.delete"), color_scheme="red", on_click=S.confirm_delete)
                ),
                justify="end",
                spacing="3",
                margin_top="1em",
            ),
        ),
        open=S.confirm_delete_source != "",
    )
