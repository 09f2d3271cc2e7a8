"""Store dashboard: the scheduled feeds card of the import page (list, add/change, run, delete)."""

import reflex as rx

from modules.marketplace.pages.common import status_badge
from modules.marketplace.state.imports import SCHEDULE_OPTIONS, ImportState
from orion_app.ui.components import (
    ONE_LINE,
    checkbox,
    confirm_dialog,
    field,
    form_error,
    remove_button,
    section,
    select_field,
    stacked_form,
    when,
)
from orion_app.ui.i18n import label, t
from orion_app.ui.tables import data_table, row

S = ImportState


def _last_run(r: rx.Var) -> rx.Component:
    return rx.cond(
        r["last_href"] != "",
        rx.link(
            rx.vstack(
                rx.hstack(status_badge(r["last_status"]), when(r["last_when"]), spacing="2", align="center"),
                rx.text(r["last_counts"], size="1", color_scheme="gray"),
                spacing="1",
            ),
            href=r["last_href"],
            underline="none",
            color="inherit",
        ),
        rx.text(t("marketplace.feeds.never"), size="1", color_scheme="gray"),
    )


def _source_row(r: rx.Var) -> rx.Component:
    return row(
        rx.badge(r["lang_label"], variant="soft"),
        rx.table.cell(rx.text(r["url"], size="2", max_width="22em", **ONE_LINE), title=r["url"]),
        rx.vstack(
            rx.text(r["schedule"], size="2"),
            rx.cond(
                r["enabled"] != "",
                rx.text(
                    t("marketplace.feeds.next_run"), " ", when(r["next_run"]), size="1", color_scheme="gray"
                ),
                rx.badge(t("marketplace.feeds.paused"), color_scheme="gray"),
            ),
            spacing="1",
        ),
        _last_run(r),
        rx.hstack(
            rx.button(
                t("marketplace.feeds.run_now"), size="1", variant="soft", on_click=S.run_source_now(r["id"])
            ),
            rx.button(t("orion.edit"), size="1", variant="ghost", on_click=S.edit_source(r["id"])),
            remove_button("marketplace.feeds.delete", S.ask_delete_source(r["id"])),
            spacing="2",
            wrap="wrap",
        ),
        align="center",
    )


def _source_form() -> rx.Component:
    editing = S.source_values["id"] != ""
    return stacked_form(
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
                [
                    rx.el.option(label(n, "marketplace.schedule", SCHEDULE_OPTIONS), value=n)
                    for n in SCHEDULE_OPTIONS
                ],
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
        on_submit=S.save_source,
        key=S.source_form_key,
    )


def feeds_card() -> rx.Component:
    return section(
        "marketplace.feeds.title",
        form_error(S.source_message),
        data_table(
            [
                "marketplace.history.language",
                "marketplace.url.url",
                "marketplace.feeds.schedule",
                "marketplace.feeds.last_run",
                "",
            ],
            S.sources,
            _source_row,
            empty="marketplace.feeds.none",
            size="1",
        ),
        rx.divider(),
        _source_form(),
        confirm_dialog(
            t("marketplace.feeds.delete_title"),
            t("marketplace.feeds.delete_text"),
            open=S.confirm_delete_source != "",
            on_cancel=S.cancel_delete_source,
            confirm=t("marketplace.feeds.delete"),
            on_confirm=S.confirm_delete,
            color_scheme="red",
        ),
        hint_key="marketplace.feeds.hint",
    )
