"""Feed imports: start, run (the RQ job's body), cancel, retry, reap, and read them back.

How an import stays correct when things go wrong:
- Each batch of rows is one transaction holding the products, the row errors and the
  import's counters (`rows_done` is the checkpoint). A retried import skips the rows
  already done, so products and counts are exact, never doubled.
- Only one worker runs an import at a time: it is claimed with a conditional UPDATE
  (queued/abandoned → running), and the worker reports a heartbeat every batch.
- A worker that dies (kill -9, lost machine) stops reporting; `reap_abandoned` marks its
  import abandoned, and `retry_import` (or RQ's own retry) resumes it from the checkpoint.
- Batches of one store are serialised by a Redis lock, so two imports into the same
  store never race on the same SKU.
- A file that is not an importable feed fails the import at once with one sentence and
  writes nothing; bad rows are recorded and never stop the good ones.
"""

import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import BinaryIO

from rq import Retry
from sqlalchemy import func, update
from sqlmodel import Session, select

from modules.marketplace.models import ACTIVE, FeedImport, FeedImportError, JobStatus
from modules.marketplace.services.fetch import check_url
from orion_app.db import utcnow
from orion_app.enablement import module_config
from orion_app.errors import FieldErrors, ServiceError
from orion_app.i18n import LANGUAGES
from orion_app.jobs import get_queue
from orion_app.scoped import get_in_store, list_in_store
from orion_app.settings import get_settings

JOB_TIMEOUT = 6 * 60 * 60  # seconds; a 1M-row feed fits comfortably


@dataclass(frozen=True)
class ImportScope:
    """The store an import is for, as the caller has resolved it (never from the client)."""

    id: int
    merchant_id: int
    platform_id: int


def config(platform_id: int):
    return module_config("marketplace", platform_id)


def files_dir(platform_id: int) -> Path:
    return Path(config(platform_id).files_dir)


def _feed_path(platform_id: int, store_id: int) -> Path:
    folder = files_dir(platform_id) / str(store_id) / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{secrets.token_hex(12)}.feed"


# ---------------------------------------------------------------- starting


def start_import(
    session: Session,
    store: ImportScope,
    *,
    lang: str,
    dry_run: bool = False,
    as_draft: bool = False,
    user_id: int | None = None,
    upload: BinaryIO | None = None,
    file_name: str = "",
    url: str = "",
    origin: str | None = None,
    source_id: int | None = None,
) -> FeedImport:
    """Record an import from an uploaded file or a URL and queue it on `long_running`.

    `as_draft`: the products it creates start inactive (existing products keep theirs).
    """
    errors: dict[str, str] = {}
    if lang not in LANGUAGES:
        errors["lang"] = "marketplace.error.lang"
    if upload is None and not url.strip():
        errors["file"] = "marketplace.error.file_or_url"
    if upload is None and url.strip() and (problem := check_url(url)):
        errors["url"] = problem
    if errors:
        raise FieldErrors(errors)
    path = ""
    if upload is not None:
        target = _feed_path(store.platform_id, store.id)
        limit = config(store.platform_id).feed_max_bytes
        written = _copy_limited(upload, target, limit)
        if written is None:
            raise FieldErrors({"file": "marketplace.error.too_large"})
        path = str(target)
    record = FeedImport(
        store_id=store.id,
        platform_id=store.platform_id,
        merchant_id=store.merchant_id,
        created_by=user_id,
        origin=origin or ("upload" if upload is not None else "url"),
        source_id=source_id,
        file_name=(file_name or (url.rsplit("/", 1)[-1] if url else ""))[:255],
        url="" if upload is not None else url.strip(),
        file_path=path,
        lang=lang,
        dry_run=dry_run,
        as_draft=as_draft,
    )
    session.add(record)
    session.commit()
    session.refresh(record)
    enqueue(session, record)
    return record


def _copy_limited(upload: BinaryIO, target: Path, limit: int) -> int | None:
    written = 0
    with target.open("wb") as out:
        while chunk := upload.read(1024 * 1024):
            written += len(chunk)
            if written > limit:
                break
            out.write(chunk)
    if written > limit:
        target.unlink(missing_ok=True)
        return None
    return written


def queue_job(function: str, *args, kind: str, record_id: int, platform_id: int, timeout: int) -> str:
    """Queue a marketplace job on `long_running` with the platform's retries; its RQ id."""
    cfg = config(platform_id)
    job = get_queue("long_running").enqueue(
        f"modules.marketplace.jobs.{function}",
        *args,
        job_id=f"{get_settings().redis_prefix.replace(':', '-')}{kind}-{record_id}-{secrets.token_hex(4)}",
        job_timeout=timeout,
        retry=Retry(max=cfg.retry_max, interval=cfg.retry_intervals) if cfg.retry_max else None,
        description=f"Letzshop feed {kind} {record_id}",
    )
    return job.id


def queue_record_job(
    session: Session, record, function: str, *args, kind: str, platform_id: int, timeout: int
) -> None:
    """Queue the job for `record` (an import or export row) and keep its RQ id on the row; commits."""
    record.rq_job_id = queue_job(
        function, *args, kind=kind, record_id=record.id, platform_id=platform_id, timeout=timeout
    )
    session.add(record)
    session.commit()


def enqueue(session: Session, record: FeedImport) -> None:
    queue_record_job(
        session,
        record,
        "run_import",
        record.id,
        kind="import",
        platform_id=record.platform_id,
        timeout=JOB_TIMEOUT,
    )


def _remove_file(record: FeedImport) -> None:
    if record.file_path:
        Path(record.file_path).unlink(missing_ok=True)
        Path(record.file_path).with_suffix(".part").unlink(missing_ok=True)
        Path(record.file_path).with_suffix(".groups").unlink(missing_ok=True)  # variant_groups.py
        record.file_path = ""


# ---------------------------------------------------------------- people's actions


def get_import(session: Session, store_id: int, import_id: int) -> FeedImport:
    return get_in_store(session, FeedImport, store_id, id=import_id)


def list_imports(session: Session, store_id: int, limit: int = 20) -> list[FeedImport]:
    """The store's latest imports, newest first."""
    return list_in_store(
        session, FeedImport, store_id, FeedImport.created_at.desc(), FeedImport.id.desc(), limit=limit
    )


def cancel_import(session: Session, store_id: int, import_id: int) -> FeedImport:
    """Stop after the current batch; a queued import ends at once. Batches done stay done."""
    record = get_import(session, store_id, import_id)
    if record.status not in ACTIVE:
        raise ServiceError("marketplace.error.not_active")
    if record.status == JobStatus.QUEUED:
        record.status = JobStatus.CANCELLED
        record.finished_at = utcnow()
        _remove_file(record)
    record.cancel_requested = True
    session.add(record)
    session.commit()
    return record


def can_retry(record: FeedImport) -> bool:
    """Failed or abandoned, and (for an upload) its file is still kept to read again."""
    if record.status not in (JobStatus.FAILED, JobStatus.ABANDONED):
        return False
    return record.origin != "upload" or bool(record.file_path and Path(record.file_path).exists())


def retry_import(session: Session, store_id: int, import_id: int) -> FeedImport:
    """Run a failed or abandoned import again; it resumes after its last finished batch."""
    record = get_import(session, store_id, import_id)
    if record.status not in (JobStatus.FAILED, JobStatus.ABANDONED):
        raise ServiceError("marketplace.error.not_retryable")
    if not can_retry(record):
        raise ServiceError("marketplace.error.file_gone")
    record.status = JobStatus.QUEUED
    record.finished_at = None
    record.message_key = ""
    record.message_params = {}
    session.add(record)
    session.commit()
    enqueue(session, record)
    return record


def reap_abandoned(session: Session, stale_after_seconds: int | None = None) -> int:
    """Mark running imports whose worker stopped reporting as abandoned; how many."""
    stale = stale_after_seconds or config(None).stale_after_seconds
    return end_stale_runs(
        session, FeedImport.heartbeat_at, stale, JobStatus.ABANDONED, "marketplace.feed.abandoned"
    )


def end_stale_runs(session: Session, since, seconds: int, status: str, message_key: str) -> int:
    """Set `status` on the table's rows still running with `since` older than `seconds`; commits; how many."""
    model = since.class_
    result = session.execute(
        update(model)
        .where(model.status == JobStatus.RUNNING, since < utcnow() - timedelta(seconds=seconds))
        .values(status=status, message_key=message_key, finished_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    session.commit()
    return result.rowcount


def errors_page(
    session: Session, store_id: int, import_id: int, offset: int = 0, limit: int = 50
) -> tuple[list[FeedImportError], int]:
    get_import(session, store_id, import_id)
    total = session.exec(
        select(func.count(FeedImportError.id)).where(FeedImportError.import_id == import_id)
    ).one()
    rows = session.exec(
        select(FeedImportError)
        .where(FeedImportError.import_id == import_id)
        .order_by(FeedImportError.line, FeedImportError.id)
        .offset(offset)
        .limit(limit)
    ).all()
    return list(rows), total


def iter_errors(
    session: Session, store_id: int, import_id: int, chunk: int = 1000
) -> Iterator[FeedImportError]:
    """Every error of the import, in line order, read in chunks (for the download)."""
    get_import(session, store_id, import_id)
    last = (0, 0)
    while True:
        rows = session.exec(
            select(FeedImportError)
            .where(
                FeedImportError.import_id == import_id,
                (FeedImportError.line > last[0])
                | ((FeedImportError.line == last[0]) & (FeedImportError.id > last[1])),
            )
            .order_by(FeedImportError.line, FeedImportError.id)
            .limit(chunk)
        ).all()
        if not rows:
            return
        yield from rows
        last = (rows[-1].line, rows[-1].id)


def progress(record: FeedImport) -> dict:
    """Rows done/total, percent, rows per second and seconds left, for the live view."""
    now = utcnow()
    done, total = record.rows_done, max(record.rows_total, record.rows_done)
    rate = 0.0
    if record.started_at and record.status == JobStatus.RUNNING:
        elapsed = (now - record.started_at).total_seconds()
        if elapsed > 0.5:
            rate = (done - record.rows_at_start) / elapsed
    elif record.started_at and record.finished_at:
        elapsed = (record.finished_at - record.started_at).total_seconds()
        rate = (done - record.rows_at_start) / elapsed if elapsed > 0 else 0.0
    eta = int((total - done) / rate) if rate > 0 and record.status == JobStatus.RUNNING else None
    percent = int(done * 100 / total) if total else (100 if record.status == JobStatus.SUCCEEDED else 0)
    return {"done": done, "total": total, "percent": percent, "rate": rate, "eta": eta}
