"""What the marketplace states share: the store as the services want it, and display rows."""

from dataclasses import dataclass

from modules.marketplace.models import ACTIVE, FeedImport
from modules.marketplace.services.imports import ImportScope, progress
from orion_app.access import Access
from orion_app.i18n import LANGUAGE_NAMES, LANGUAGES
from orion_app.ui.format import iso, number

IMPORT, EXPORT = "marketplace.import", "marketplace.export"


def store_ref(access: Access) -> ImportScope:
    """The guard's store (never one the browser names)."""
    store = access.tenant.store
    return ImportScope(store.id, store.merchant_id, access.tenant.platform.id)


def language_options(access: Access) -> list[dict[str, str]]:
    """The store's languages, its default first, as select options."""
    store = access.tenant.store
    codes = sorted(
        (c for c in store.languages if c in LANGUAGES), key=lambda c: (c != store.default_language, c)
    )
    return [{"value": code, "label": LANGUAGE_NAMES[code]} for code in codes or LANGUAGES]


@dataclass(frozen=True)
class ImportRow:
    """One import as the recent-imports table shows it: texts, and the percent as a number,
    since a progress bar's value must be one."""

    id: str
    href: str
    created: str
    origin: str
    name: str
    lang: str
    dry_run: str
    status: str
    active: str
    percent: int
    created_count: str
    updated_count: str
    unchanged_count: str
    deactivated_count: str
    rejected_count: str


def import_row(record: FeedImport, base: str, lang: str) -> ImportRow:
    """One import as the recent-imports table shows it."""
    return ImportRow(
        id=str(record.id),
        href=f"{base}marketplace/imports/{record.id}",
        created=iso(record.created_at),
        origin=record.origin,
        name=record.file_name or record.url,
        lang=record.lang.upper(),
        dry_run="1" if record.dry_run else "",
        status=record.status,
        active="1" if record.status in ACTIVE else "",
        percent=progress(record)["percent"],
        created_count=number(record.created, lang),
        updated_count=number(record.updated, lang),
        unchanged_count=number(record.unchanged, lang),
        deactivated_count=number(record.deactivated, lang),
        rejected_count=number(record.rejected, lang),
    )
