"""Store dashboard: Letzshop import — upload a feed, import from a URL, scheduled feeds, history."""

import reflex as rx

from modules.marketplace.pages.categories import categories_card
from modules.marketplace.pages.common import COUNTS, live_refresh, origin_label, status_badge
from modules.marketplace.pages.feeds import feeds_card
from modules.marketplace.state.imports import UPLOAD_ID, ImportState
from orion_app.ui.components import (
    ONE_LINE,
    checkbox,
    field,
    field_error,
    page,
    section,
    select_field,
    stacked_form,
    when,
)
from orion_app.ui.i18n import t
from orion_app.ui.shell import ShellState
from orion_app.ui.tables import data_table, heading_cell, row

S = ImportState


def _choices(errors: rx.Var) -> list[rx.Component]:
    """The feed's language and the dry-run and draft boxes, the same for an upload and a URL."""
    return [
        select_field(
            "marketplace.import.language", "lang", errors, S.languages, default_value=S.default_lang
        ),
        checkbox("marketplace.import.dry_run", "marketplace.import.dry_run_hint", name="dry_run", value="1"),
        checkbox(
            "marketplace.import.as_draft", "marketplace.import.as_draft_hint", name="as_draft", value="1"
        ),
    ]


def _upload_card() -> rx.Component:
    return section(
        "marketplace.upload.title",
        stacked_form(
            rx.upload(
                rx.vstack(
                    rx.icon("file-up", size=28, color="var(--gray-10)"),
                    rx.text(t("marketplace.upload.drop"), size="2", weight="medium"),
                    rx.text(t("marketplace.upload.formats"), size="1", color_scheme="gray"),
                    rx.foreach(
                        rx.selected_files(UPLOAD_ID),
                        lambda name: rx.badge(name, variant="surface", size="2"),
                    ),
                    align="center",
                    spacing="1",
                ),
                id=UPLOAD_ID,
                multiple=False,
                max_files=1,
                border=rx.cond(
                    S.upload_errors.contains("file"),
                    "1px dashed var(--red-8)",
                    "1px dashed var(--gray-8)",
                ),
                border_radius="8px",
                padding="1.25em",
                width="100%",
                cursor="pointer",
            ),
            field_error(S.upload_errors, "file"),
            *_choices(S.upload_errors),
            rx.cond(
                S.uploading,
                rx.vstack(
                    rx.progress(value=S.upload_percent, max=100, width="100%"),
                    rx.text(t("marketplace.upload.sending", percent=S.upload_percent), size="1"),
                    width="100%",
                    spacing="1",
                ),
            ),
            rx.button(
                rx.icon("play", size=16), t("marketplace.import.start"), type="submit", loading=S.uploading
            ),
            # The form's choices travel with the file, so they cannot arrive after it.
            on_submit=lambda options: S.start_upload(
                rx.upload_files(upload_id=UPLOAD_ID, on_upload_progress=S.upload_progress), options
            ),
        ),
        hint_key="marketplace.upload.hint",
    )


def _url_card() -> rx.Component:
    return section(
        "marketplace.url.title",
        stacked_form(
            field("marketplace.url.url", "url", S.url_errors, type="url", placeholder="https://"),
            *_choices(S.url_errors),
            rx.button(rx.icon("play", size=16), t("marketplace.import.start"), type="submit"),
            on_submit=S.start_from_url,
        ),
        hint_key="marketplace.url.hint",
    )


def _import_row(r: rx.Var) -> rx.Component:
    return row(
        rx.table.cell(when(r["created"]), white_space="nowrap"),
        rx.vstack(
            rx.link(
                rx.cond(r["name"] != "", r["name"], "#" + r["id"]),
                href=r["href"],
                max_width="20em",
                **ONE_LINE,
                display="block",
            ),
            rx.text(origin_label(r["origin"]), size="1", color_scheme="gray"),
            spacing="0",
        ),
        r["lang"],
        rx.vstack(
            rx.hstack(
                status_badge(r["status"]),
                rx.cond(
                    r["dry_run"] != "",
                    rx.badge(t("marketplace.import.dry_run"), color_scheme="violet", variant="outline"),
                ),
                spacing="1",
                wrap="wrap",
            ),
            rx.cond(r["active"] != "", rx.progress(value=r["percent"], max=100, width="8em", size="1")),
            spacing="1",
        ),
        *[rx.table.cell(r[f"{name}_count"], text_align="right") for name in COUNTS],
        align="center",
    )


def _history_card() -> rx.Component:
    return section(
        "marketplace.history.title",
        data_table(
            [
                "marketplace.history.started",
                "marketplace.history.source",
                "marketplace.history.language",
                "marketplace.history.status",
                *[heading_cell(f"marketplace.count.{name}", text_align="right") for name in COUNTS],
            ],
            S.imports,
            _import_row,
            empty="marketplace.history.none",
            size="1",
        ),
    )


def import_page() -> rx.Component:
    to_export = rx.link(
        rx.button(rx.icon("download", size=16), t("marketplace.menu.export"), variant="soft"),
        href=ShellState.base + "marketplace/export",
    )
    return page(
        "marketplace.import.title",
        rx.grid(
            _upload_card(),
            _url_card(),
            columns=rx.breakpoints(initial="1", md="2"),
            spacing="4",
            width="100%",
        ),
        _history_card(),
        feeds_card(),
        categories_card(),
        live_refresh(S.any_active, S.tick),
        intro_key="marketplace.import.intro",
        actions=(to_export,),
        spacing="4",
    )
