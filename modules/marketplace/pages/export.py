"""Store dashboard: Letzshop export — download the feed per language or write it to the folder."""

import reflex as rx

from modules.marketplace.pages.common import live_refresh, section, status_badge
from modules.marketplace.state.export import ExportState
from orion_app.ui.backend import backend_url
from orion_app.ui.components import empty_state, page_heading, when
from orion_app.ui.i18n import t

S = ExportState


def _language_card(item: rx.Var) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.heading(item["label"], size="4", as_="h3"),
                rx.spacer(),
                rx.badge(item["lang"].upper(), variant="soft"),
                width="100%",
                align="center",
            ),
            rx.button(
                rx.el.a(
                    rx.icon("download", size=16),
                    t("marketplace.export.download"),
                    href=backend_url(item["href"]),
                ),
                as_child=True,
                width="100%",
            ),
            rx.button(
                rx.icon("folder-output", size=16),
                t("marketplace.export.write"),
                variant="soft",
                width="100%",
                on_click=S.write_to_folder(item["lang"]),
            ),
            spacing="3",
            width="100%",
        ),
        role="region",
        aria_label=item["label"],
    )


def _export_row(row: rx.Var) -> rx.Component:
    return rx.table.row(
        rx.table.cell(when(row["created"]), white_space="nowrap"),
        rx.table.cell(row["lang"]),
        rx.table.cell(
            rx.vstack(
                status_badge(row["status"]),
                rx.cond(row["message"] != "", rx.text(row["message"], size="1", color_scheme="red")),
                spacing="1",
            )
        ),
        rx.table.cell(row["rows"], text_align="right"),
        rx.table.cell(rx.cond(row["file"] != "", rx.code(row["file"], size="1"), "—")),
        rx.table.cell(when(row["finished"]), white_space="nowrap"),
        align="center",
    )


def _history() -> rx.Component:
    return section(
        "marketplace.export.history",
        rx.cond(
            S.exports.length() > 0,
            rx.table.root(
                rx.table.header(
                    rx.table.row(
                        rx.table.column_header_cell(t("marketplace.history.started")),
                        rx.table.column_header_cell(t("marketplace.history.language")),
                        rx.table.column_header_cell(t("marketplace.history.status")),
                        rx.table.column_header_cell(t("marketplace.export.rows"), text_align="right"),
                        rx.table.column_header_cell(t("marketplace.export.file")),
                        rx.table.column_header_cell(t("marketplace.job.finished")),
                    )
                ),
                rx.table.body(rx.foreach(S.exports, _export_row)),
                width="100%",
                size="1",
            ),
            empty_state("marketplace.export.none"),
        ),
        hint_key="marketplace.export.folder_hint",
    )


def export_page() -> rx.Component:
    return rx.vstack(
        page_heading("marketplace.export.title"),
        rx.text(t("marketplace.export.intro"), color_scheme="gray", size="2"),
        rx.grid(
            rx.foreach(S.downloads, _language_card),
            columns=rx.breakpoints(initial="1", sm="3"),
            spacing="4",
            width="100%",
        ),
        _history(),
        live_refresh(S.any_active, S.tick),
        width="100%",
        spacing="4",
    )
