"""Scheduled feed sync: a store's feed URL per language, fetched on a cron schedule.

RQ's cron scheduler runs `run_due` every minute (the schedule a module declares is fixed
at start-up, while stores change theirs at any time); `run_due` starts an import for each
source whose `next_run_at` has come, unless that source's previous import is still going.
"""

from datetime import datetime

from croniter import croniter
from sqlmodel import Session, select

from modules.contracts.public import feature_limit
from modules.marketplace.models import ACTIVE, FeedImport, FeedSource
from modules.marketplace.services.fetch import check_url
from modules.marketplace.services.imports import ImportScope, start_import
from modules.tenancy.public import store_by_id
from orion_app import enablement
from orion_app.db import utcnow
from orion_app.errors import FieldErrors, ServiceError
from orion_app.i18n import LANGUAGES
from orion_app.scoped import get_in_store

# What the dashboard offers; any crontab expression (UTC) is accepted too.
PRESETS = {
    "hourly": "15 * * * *",
    "every_6_hours": "15 */6 * * *",
    "daily": "0 3 * * *",
    "weekly": "0 3 * * 1",
}


def _sync_allowed(store: ImportScope) -> bool:
    limit = feature_limit(store.merchant_id, store.platform_id, "letzshop_sync")
    return limit is None or limit >= 1


def next_run(schedule: str, after: datetime) -> datetime:
    return croniter(schedule, after).get_next(datetime)


def save_source(
    session: Session,
    store: ImportScope,
    *,
    lang: str,
    url: str,
    schedule: str,
    enabled: bool = True,
    user_id: int | None = None,
) -> FeedSource:
    """Create or change the store's feed for `lang`; every bad field reported at once."""
    if not _sync_allowed(store):
        raise ServiceError("marketplace.error.sync_not_in_plan")
    errors: dict[str, str] = {}
    if lang not in LANGUAGES:
        errors["lang"] = "marketplace.error.lang"
    if problem := check_url(url):
        errors["url"] = problem
    cron = PRESETS.get(schedule, schedule.strip())
    if not croniter.is_valid(cron) or len(cron) > 60:
        errors["schedule"] = "marketplace.error.schedule"
    if errors:
        raise FieldErrors(errors)
    source = session.exec(
        select(FeedSource).where(FeedSource.store_id == store.id, FeedSource.lang == lang)
    ).first() or FeedSource(store_id=store.id, platform_id=store.platform_id, lang=lang, url="", schedule="")
    source.url = url.strip()
    source.schedule = cron
    source.enabled = enabled
    source.next_run_at = next_run(cron, utcnow()) if enabled else None
    source.updated_by = user_id
    source.updated_at = utcnow()
    session.add(source)
    session.commit()
    session.refresh(source)
    return source


def list_sources(session: Session, store_id: int) -> list[tuple[FeedSource, FeedImport | None]]:
    """The store's feeds with their last import (None before the first run)."""
    sources = session.exec(
        select(FeedSource).where(FeedSource.store_id == store_id).order_by(FeedSource.lang)
    ).all()
    ids = [s.last_import_id for s in sources if s.last_import_id]
    last = {i.id: i for i in session.exec(select(FeedImport).where(FeedImport.id.in_(ids)))} if ids else {}
    return [(source, last.get(source.last_import_id)) for source in sources]


def get_source(session: Session, store_id: int, source_id: int) -> FeedSource:
    return get_in_store(session, FeedSource, store_id, id=source_id)


def delete_source(session: Session, store_id: int, source_id: int) -> None:
    session.delete(get_source(session, store_id, source_id))
    session.commit()


def run_source(
    session: Session, store: ImportScope, source: FeedSource, user_id: int | None = None
) -> FeedImport:
    """Start the source's import now (the schedule, or a person pressing "Run now")."""
    if source.last_import_id:
        last = session.get(FeedImport, source.last_import_id)
        if last is not None and last.status in ACTIVE:
            raise ServiceError("marketplace.error.already_running")
    record = start_import(
        session,
        store,
        lang=source.lang,
        url=source.url,
        origin="schedule" if user_id is None else "url",
        source_id=source.id,
        user_id=user_id,
    )
    source.last_import_id = record.id
    session.add(source)
    session.commit()
    return record


def run_due(session: Session, now: datetime | None = None) -> int:
    """Start every due feed whose module is enabled on its platform; how many started."""
    now = now or utcnow()
    started = 0
    due = session.exec(
        select(FeedSource).where(FeedSource.enabled.is_(True), FeedSource.next_run_at <= now)
    ).all()
    for source in due:
        source.next_run_at = next_run(source.schedule, now)
        session.add(source)
        session.commit()
        if "marketplace" not in enablement.enabled_modules(source.platform_id):
            continue
        store = _store_ref(session, source)
        if store is None or not _sync_allowed(store):
            continue
        try:
            run_source(session, store, source)
            started += 1
        except ServiceError:
            continue  # the previous run is still going; the next slot will try again
    return started


def _store_ref(session: Session, source: FeedSource) -> ImportScope | None:
    store = store_by_id(session, source.store_id)
    return ImportScope(store.id, store.merchant_id, source.platform_id) if store else None
