"""Marketplace's contribution to the store overview: the last imports with their outcome."""

from sqlmodel import Session

from modules.contracts.protocols import Widget, WidgetRequest, cell, widget
from modules.marketplace.models import FeedImport
from modules.marketplace.pages.common import STATUS_COLOURS
from modules.marketplace.services.imports import list_imports
from orion_app.i18n import translate
from orion_app.ui.format import iso, number

LAST_IMPORTS = 5


def _outcome(record: FeedImport, lang: str) -> str:
    counts = translate(
        "marketplace.feeds.last_counts",
        lang,
        created=number(record.created, lang),
        updated=number(record.updated, lang),
        rejected=number(record.rejected, lang),
    )
    return f"{translate('marketplace.import.dry_run', lang)} · {counts}" if record.dry_run else counts


def overview_widgets(session: Session, request: WidgetRequest) -> list[Widget]:
    """The store's last imports, each leading to its job page (for those who may import)."""
    if not request.may("marketplace.import"):
        return []
    lang = request.lang
    rows = [
        [
            cell("", time=iso(record.created_at)),
            cell(record.file_name or record.url, href=f"{request.base}marketplace/imports/{record.id}"),
            cell(
                translate(f"marketplace.status.{record.status}", lang),
                tone=STATUS_COLOURS.get(record.status, "gray"),
            ),
            cell(_outcome(record, lang)),
        ]
        for record in list_imports(session, request.store_id, limit=LAST_IMPORTS)
    ]
    columns = ("started", "source", "status")
    return [
        widget(
            "table",
            "marketplace.imports",
            50,
            translate("marketplace.overview.imports", lang),
            detail=translate("marketplace.history.none", lang),
            columns=[translate(f"marketplace.history.{c}", lang) for c in columns]
            + [translate("marketplace.overview.outcome", lang)],
            rows=rows,
        )
    ]
