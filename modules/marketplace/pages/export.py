"""Store dashboard: Letzshop export — download the feed per language or write it to the folder."""

import reflex as rx

from modules.marketplace.pages.common import live_refresh, status_badge
from modules.marketplace.state.export import ExportState
from orion_app.ui.components import download_button, page, section, when
from orion_app.ui.i18n import t
from orion_app.ui.tables import data_table, heading_cell, row

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
            download_button("download", "marketplace.export.download", item["href"], width="100%"),
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


def _export_row(r: rx.Var) -> rx.Component:
    return row(
        rx.table.cell(when(r["created"]), white_space="nowrap"),
        r["lang"],
        rx.vstack(
            status_badge(r["status"]),
            rx.cond(r["message"] != "", rx.text(r["message"], size="1", color_scheme="red")),
            spacing="1",
        ),
        rx.table.cell(r["rows"], text_align="right"),
        rx.cond(r["file"] != "", rx.code(r["file"], size="1"), "—"),
        rx.table.cell(when(r["finished"]), white_space="nowrap"),
        align="center",
    )


def _history() -> rx.Component:
    return section(
        "marketplace.export.history",
        data_table(
            [
                "marketplace.history.started",
                "marketplace.history.language",
                "marketplace.history.status",
                heading_cell("marketplace.export.rows", text_align="right"),
                "marketplace.export.file",
                "marketplace.job.finished",
            ],
            S.exports,
            _export_row,
            empty="marketplace.export.none",
            size="1",
        ),
        hint_key="marketplace.export.folder_hint",
    )


def export_page() -> rx.Component:
    downloads = rx.grid(
        rx.foreach(S.downloads, _language_card),
        columns=rx.breakpoints(initial="1", sm="3"),
        spacing="4",
        width="100%",
    )
    return page(
        "marketplace.export.title",
        downloads,
        _history(),
        live_refresh(S.any_active, S.tick),
        intro_key="marketplace.export.intro",
        spacing="4",
    )
