"""The import page's feed photos section (live counts, failed URLs) and "Apply this dry run"."""

import reflex as rx

from modules.marketplace.pages.common import live_refresh
from modules.marketplace.state.job_extras import ImportExtrasState
from orion_app.ui.components import ONE_LINE, section, stat_card
from orion_app.ui.i18n import t
from orion_app.ui.tables import data_table, heading_cell, row

S = ImportExtrasState


def apply_dry_run_button() -> rx.Component:
    """Shown on a finished dry run whose file is still kept; a sentence when it is not."""
    return rx.fragment(
        rx.cond(
            S.can_apply,
            rx.button(rx.icon("play", size=16), t("marketplace.dry_run.apply"), on_click=S.apply),
        ),
        rx.cond(S.apply_message != "", rx.callout(S.apply_message, icon="info", color_scheme="amber")),
    )


def _failure_columns() -> list:
    line = heading_cell("marketplace.rejected.line", text_align="right")
    return [line, "marketplace.photos.sku", "marketplace.photos.url", "marketplace.photos.problem"]


def _failure_row(r: rx.Var) -> rx.Component:
    return row(
        rx.table.cell(r["line"], text_align="right"),
        rx.code(r["sku"], size="1"),
        rx.text(r["url"], size="1", max_width="24em", title=r["url"], **ONE_LINE),
        rx.table.cell(r["message"], min_width="16em"),
        align="center",
    )


def photos_section(import_active: rx.Var) -> rx.Component:
    """Counts of the import's photos as the job fetches them, and each failed URL with why."""
    return rx.fragment(
        rx.cond(
            S.photos_total > 0,
            section(
                "marketplace.photos.title",
                rx.hstack(
                    rx.progress(
                        value=S.photos_percent,
                        max=100,
                        width="100%",
                        aria_label=t("marketplace.photos.title"),
                    ),
                    rx.text(S.photos_percent, " %", size="2", min_width="3.5em", text_align="right"),
                    width="100%",
                    align="center",
                ),
                rx.grid(
                    *[
                        stat_card(t(f"marketplace.photos.{name}"), S.photo_counts[name])
                        for name in ("total", "done", "failed", "waiting")
                    ],
                    columns=rx.breakpoints(initial="2", md="4"),
                    spacing="3",
                    width="100%",
                    data_testid="photo-counts",
                ),
                data_table(_failure_columns(), S.photo_failures, _failure_row, size="1", scroll=True),
                hint_key="marketplace.photos.hint",
            ),
        ),
        rx.box(on_mount=S.load, display="none"),
        live_refresh(import_active | S.photos_fetching, S.tick),
    )
