"""Store dashboard: one import — live progress, counts, what happened, rejected rows."""

import reflex as rx

from modules.marketplace.pages.common import COUNTS, live_refresh, origin_label, status_badge
from modules.marketplace.pages.job_extras import apply_dry_run_button, photos_section
from modules.marketplace.state.job import ImportJobState
from orion_app.ui.components import ONE_LINE, download_button, section, stat_card, when
from orion_app.ui.i18n import t
from orion_app.ui.pager import pager
from orion_app.ui.shell import ShellState
from orion_app.ui.tables import data_table, heading_cell, row
from orion_app.ui.verdicts import not_found_view

S = ImportJobState
OUTCOMES = {
    "changed": ("circle_check", "green"),
    "nothing_changed": ("circle_check", "green"),
    "dry_run": ("flask_conical", "violet"),
    "all_rejected": ("triangle_alert", "orange"),
    "empty": ("info", "gray"),
}


def _heading() -> rx.Component:
    return rx.hstack(
        rx.heading(t("marketplace.job.heading", id=S.import_id), size="6", as_="h1"),
        status_badge(S.info["status"], size="2"),
        rx.cond(
            S.dry_run,
            rx.badge(t("marketplace.import.dry_run"), color_scheme="violet", variant="outline", size="2"),
        ),
        rx.spacer(),
        rx.cond(
            S.can_retry,
            rx.button(rx.icon("rotate_ccw", size=16), t("marketplace.job.retry"), on_click=S.retry),
        ),
        rx.link(t("marketplace.job.back"), href=ShellState.base + "marketplace/import"),
        width="100%",
        align="center",
        spacing="3",
    )


def _facts() -> rx.Component:
    def fact(label_key: str, value) -> rx.Component:
        return rx.vstack(
            rx.text(t(label_key), size="1", color_scheme="gray"),
            rx.text(value, size="2", weight="medium"),
            spacing="0",
            min_width="8em",
        )

    return rx.flex(
        rx.vstack(
            rx.text(origin_label(S.info["origin"]), size="1", color_scheme="gray"),
            rx.text(S.info["name"], size="2", weight="medium", word_break="break-all"),
            spacing="0",
            flex="1",
            min_width="14em",
        ),
        fact("marketplace.import.language", S.info["lang"]),
        fact("marketplace.history.started", when(S.info["created"])),
        fact("marketplace.job.finished", when(S.info["finished"])),
        wrap="wrap",
        spacing="5",
        width="100%",
    )


def _messages() -> rx.Component:
    failed = (S.info["status"] == "failed") | (S.info["status"] == "abandoned")
    return rx.vstack(
        rx.cond(
            S.message != "",
            rx.callout(
                S.message,
                icon=rx.cond(failed, "circle_x", "info"),
                color_scheme=rx.cond(failed, "red", "amber"),
                role="alert",
                width="100%",
            ),
        ),
        rx.foreach(
            S.notices,
            lambda notice: rx.callout(notice, icon="info", color_scheme="blue", size="1", width="100%"),
        ),
        width="100%",
        spacing="2",
    )


def _progress() -> rx.Component:
    return section(
        "marketplace.job.progress",
        rx.hstack(
            rx.progress(
                value=S.percent, max=100, size="3", width="100%", aria_label=t("marketplace.job.progress")
            ),
            rx.text(S.percent, " %", weight="bold", size="3", min_width="3.5em", text_align="right"),
            width="100%",
            align="center",
        ),
        rx.hstack(
            rx.cond(
                S.progress_text != "",
                rx.text(S.progress_text, size="2", data_testid="rows-done"),
                rx.match(
                    S.info["status"],
                    ("queued", rx.text(t("marketplace.job.waiting"), size="2", color_scheme="gray")),
                    ("running", rx.text(t("marketplace.job.reading"), size="2", color_scheme="gray")),
                    rx.fragment(),
                ),
            ),
            rx.spacer(),
            rx.cond(S.rate_text != "", rx.text(S.rate_text, size="2", color_scheme="gray")),
            rx.cond(S.eta_text != "", rx.text(S.eta_text, size="2", color_scheme="gray")),
            width="100%",
            spacing="4",
            wrap="wrap",
        ),
        rx.cond(
            S.active,
            rx.hstack(
                rx.text(t("marketplace.job.keeps_running"), size="1", color_scheme="gray"),
                rx.spacer(),
                rx.button(t("marketplace.job.cancel"), variant="soft", color_scheme="red", on_click=S.cancel),
                width="100%",
                align="center",
            ),
        ),
    )


def _counts() -> rx.Component:
    return rx.grid(
        *[
            stat_card(
                rx.cond(S.dry_run, t(f"marketplace.count.would_{name}"), t(f"marketplace.count.{name}")),
                S.counts[name],
            )
            for name in COUNTS
        ],
        columns=rx.breakpoints(initial="2", md="4"),
        spacing="3",
        width="100%",
    )


def _outcome() -> rx.Component:
    return rx.match(
        S.outcome,
        *[
            (
                name,
                rx.callout(
                    t(f"marketplace.outcome.{name}"),
                    icon=icon,
                    color_scheme=colour,
                    width="100%",
                    data_testid="outcome",
                ),
            )
            for name, (icon, colour) in OUTCOMES.items()
        ],
        rx.fragment(),
    )


def _error_row(r: rx.Var) -> rx.Component:
    return row(
        rx.table.cell(r["line"], text_align="right"),
        rx.cond(r["column"] != "", rx.code(r["column"], size="1"), ""),
        rx.table.cell(r["message"], min_width="16em"),
        rx.text(
            r["raw"],
            font_family="var(--code-font-family)",
            size="1",
            color_scheme="gray",
            max_width="28em",
            title=r["raw"],
            **ONE_LINE,
        ),
        align="center",
    )


def _rejected() -> rx.Component:
    return rx.cond(
        S.error_total > 0,
        section(
            "marketplace.rejected.title",
            rx.hstack(
                rx.text(t("marketplace.rejected.count", count=S.error_total), size="2", color_scheme="gray"),
                rx.spacer(),
                download_button("file-down", "marketplace.rejected.download", S.errors_href, variant="soft"),
                width="100%",
                align="center",
            ),
            data_table(
                [
                    heading_cell("marketplace.rejected.line", text_align="right"),
                    *[f"marketplace.rejected.{name}" for name in ("column", "problem", "row")],
                ],
                S.error_rows,
                _error_row,
                size="1",
            ),
            pager(S.error_page, S.error_pages, S.go_to_errors_page),
        ),
    )


def import_job_page() -> rx.Component:
    return rx.cond(
        S.found,
        rx.vstack(
            _heading(),
            _facts(),
            _messages(),
            _outcome(),
            apply_dry_run_button(),
            rx.cond(S.active | S.has_rows, _progress()),
            rx.cond(S.has_rows, _counts()),
            _rejected(),
            photos_section(S.active),
            live_refresh(S.active, S.tick),
            width="100%",
            spacing="4",
        ),
        not_found_view(),
    )
