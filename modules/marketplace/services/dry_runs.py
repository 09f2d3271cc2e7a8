"""Applying a dry run: the file it checked is kept for a while, and an import reads it again.

A dry run that succeeded keeps its file (`MARKETPLACE_DRY_RUN_KEEP_HOURS`, default 24);
"Apply this dry run" hands the file to a new import, so what is written is exactly what
was checked, without uploading or fetching it again. The scheduled reaper removes files
older than that; applying after that says so in one sentence.
"""

from datetime import timedelta
from pathlib import Path

from sqlmodel import Session, select

from modules.marketplace.models import FeedImport, JobStatus
from modules.marketplace.services.imports import (
    ImportScope,
    _feed_path,
    _remove_file,
    config,
    enqueue,
    get_import,
)
from orion_app.db import utcnow
from orion_app.errors import ServiceError


def can_apply(record: FeedImport) -> bool:
    """A dry run that succeeded and whose file is still kept."""
    return (
        record.dry_run
        and record.status == JobStatus.SUCCEEDED
        and bool(record.file_path and Path(record.file_path).exists())
    )


def apply_dry_run(
    session: Session, store: ImportScope, import_id: int, user_id: int | None = None
) -> FeedImport:
    """A new import of the dry run's own file (moved to it, so it is applied once)."""
    dry_run = get_import(session, store.id, import_id)
    if not (dry_run.dry_run and dry_run.status == JobStatus.SUCCEEDED):
        raise ServiceError("marketplace.error.not_a_dry_run")
    if not can_apply(dry_run):
        raise ServiceError("marketplace.error.dry_run_file_gone")
    target = _feed_path(store.platform_id, store.id)
    Path(dry_run.file_path).replace(target)
    dry_run.file_path = ""
    record = FeedImport(
        store_id=store.id,
        platform_id=store.platform_id,
        merchant_id=store.merchant_id,
        created_by=user_id,
        origin=dry_run.origin,
        source_id=dry_run.source_id,
        file_name=dry_run.file_name,
        url=dry_run.url,
        file_path=str(target),
        lang=dry_run.lang,
        as_draft=dry_run.as_draft,
    )
    session.add(dry_run)
    session.add(record)
    session.commit()
    session.refresh(record)
    enqueue(session, record)
    return record


def expire_dry_run_files(session: Session) -> int:
    """Remove the files of dry runs older than the platform's keep time; how many."""
    kept = session.exec(
        select(FeedImport).where(
            FeedImport.dry_run, FeedImport.status == JobStatus.SUCCEEDED, FeedImport.file_path != ""
        )
    ).all()
    expired = 0
    for record in kept:
        hours = config(record.platform_id).dry_run_keep_hours
        if record.finished_at and record.finished_at < utcnow() - timedelta(hours=hours):
            _remove_file(record)
            session.add(record)
            expired += 1
    session.commit()
    return expired
