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

import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import BinaryIO

from rq import Retry, get_current_job
from sqlalchemy import func, insert, text, update
from sqlmodel import Session, select

from modules.catalog.services.bulk import Item, upsert_products
from modules.marketplace.models import ACTIVE, FeedImport, FeedImportError
from modules.marketplace.services.feed import Feed, FeedProblem, FeedRow, open_feed
from modules.marketplace.services.fetch import check_url, fetch
from orion_app.db import get_engine, utcnow
from orion_app.enablement import module_config
from orion_app.errors import FieldErrors, NotFound, ServiceError
from orion_app.i18n import LANGUAGES
from orion_app.jobs import get_queue
from orion_app.settings import get_settings

SOURCE = "letzshop"
JOB_TIMEOUT = 6 * 60 * 60  # seconds; a 1M-row feed fits comfortably
LOCK_SPACE = 0x4D4B  # first key of the advisory locks marketplace takes ("MK")


class ImportCancelled(Exception):
    pass


@dataclass(frozen=True)
class StoreRef:
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
    store: StoreRef,
    *,
    lang: str,
    dry_run: bool = False,
    user_id: int | None = None,
    upload: BinaryIO | None = None,
    file_name: str = "",
    url: str = "",
    origin: str | None = None,
    source_id: int | None = None,
) -> FeedImport:
    """Record an import from an uploaded file or a URL and queue it on `long_running`."""
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


def enqueue(session: Session, record: FeedImport) -> None:
    cfg = config(record.platform_id)
    job = get_queue("long_running").enqueue(
        "modules.marketplace.jobs.run_import",
        record.id,
        job_id=f"{get_settings().redis_prefix.replace(':', '-')}import-{record.id}-{secrets.token_hex(4)}",
        job_timeout=JOB_TIMEOUT,
        retry=Retry(max=cfg.retry_max, interval=cfg.retry_intervals) if cfg.retry_max else None,
        description=f"Letzshop feed import {record.id} (store {record.store_id})",
    )
    record.rq_job_id = job.id
    session.add(record)
    session.commit()


# ---------------------------------------------------------------- running


def _claim(session: Session, import_id: int, worker: str, stale_before) -> bool:
    """Take the import for this worker, unless another live worker has it or it has ended."""
    now = utcnow()
    result = session.execute(
        update(FeedImport)
        .where(
            FeedImport.id == import_id,
            (FeedImport.status.in_(("queued", "abandoned")))
            | ((FeedImport.status == "running") & (FeedImport.heartbeat_at < stale_before)),
        )
        .values(
            status="running",
            worker=worker[:120],
            attempts=FeedImport.attempts + 1,
            started_at=now,
            heartbeat_at=now,
            rows_at_start=FeedImport.rows_done,
            message_key="",
            message_params={},
        )
        .execution_options(synchronize_session=False)
    )
    session.commit()
    return result.rowcount == 1


def run_import(import_id: int) -> str:
    """The job: claim, read the feed, import it batch by batch; returns the final status."""
    worker = f"{os.uname().nodename}:{os.getpid()}"
    with Session(get_engine(), expire_on_commit=False) as session:
        record = session.get(FeedImport, import_id)
        if record is None:
            return "missing"
        cfg = config(record.platform_id)
        if not _claim(session, import_id, worker, utcnow() - timedelta(seconds=cfg.stale_after_seconds)):
            return "skipped"
        session.refresh(record)
        try:
            feed = _open(session, record, cfg)
            _import_rows(session, record, feed, cfg.batch_size, cfg.stock_warehouse)
        except FeedProblem as problem:
            session.rollback()
            return _finish(session, record, "failed", problem.message_key, problem.params)
        except ImportCancelled:
            session.rollback()
            return _finish(session, record, "cancelled")
        except Exception:
            session.rollback()
            rq_job = get_current_job()
            retries_left = bool(rq_job and rq_job.retries_left)
            session.refresh(record)
            record.status = "queued" if retries_left else "failed"
            record.message_key = (
                "marketplace.feed.crashed_retrying" if retries_left else "marketplace.feed.crashed"
            )
            record.heartbeat_at = utcnow()
            if not retries_left:
                record.finished_at = utcnow()
            session.add(record)
            session.commit()
            raise
        return _finish(session, record, "succeeded")


def _open(session: Session, record: FeedImport, cfg) -> Feed:
    if record.origin != "upload" and not (record.file_path and Path(record.file_path).exists()):
        # Fetched once into `.part`, renamed when complete; a retry reuses a complete file
        # (so it reads what the first attempt read) and fetches again after a broken one.
        target = Path(record.file_path or _feed_path(record.platform_id, record.store_id))
        record.file_path = str(target)  # saved first, so the file is removed whatever happens
        session.add(record)
        session.commit()
        partial = target.with_suffix(".part")
        fetch(record.url, partial, max_bytes=cfg.feed_max_bytes, timeout=cfg.feed_timeout_seconds)
        partial.replace(target)
    path = Path(record.file_path)
    if not path.exists():
        raise FeedProblem("marketplace.feed.file_gone")
    feed = open_feed(path)
    if not record.rows_total:
        record.rows_total = feed.count_rows()
        record.notices = feed.notices
    record.heartbeat_at = utcnow()
    session.add(record)
    session.commit()
    return feed


def _import_rows(session: Session, record: FeedImport, feed: Feed, batch_size: int, warehouse: str) -> None:
    seen: dict[str, int] = {}  # SKU -> line of its first good row, to reject later duplicates
    skip = record.rows_done
    batch: list[FeedRow] = []
    sku_column = feed.column_name("sku")
    for row in feed.rows():
        if not row.errors:
            if row.sku in seen:
                row.errors.append((sku_column, "marketplace.row.duplicate_sku", {"line": seen[row.sku]}))
            else:
                seen[row.sku] = row.line
        if skip:  # done by an earlier attempt; read only to know its SKUs
            skip -= 1
            continue
        batch.append(row)
        if len(batch) >= batch_size:
            _apply(session, record, feed, batch, warehouse)
            batch = []
    if batch:
        _apply(session, record, feed, batch, warehouse)


def _lock_store(session: Session, record: FeedImport) -> None:
    """Serialise batches of one store across workers until this transaction ends.

    PostgreSQL: a transaction-scoped advisory lock, released at commit or when a killed
    worker's connection drops. SQLite: the heartbeat write takes the database's write
    lock first, so the batch reads the products only once no other batch is writing.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text("SELECT pg_advisory_xact_lock(:space, :store)"),
            {"space": LOCK_SPACE, "store": record.store_id},
        )
    session.execute(
        update(FeedImport)
        .where(FeedImport.id == record.id)
        .values(heartbeat_at=utcnow())
        .execution_options(synchronize_session=False)
    )


def _apply(session: Session, record: FeedImport, feed: Feed, batch: list[FeedRow], warehouse: str) -> None:
    """One batch in one transaction: products, row errors and the checkpoint together."""
    good = [row for row in batch if not row.errors]
    items = [
        Item(
            sku=row.sku,
            fields={
                k: v for k, v in row.values.items() if k not in ("sku", "title", "description", "quantity")
            },
            texts={k: row.values[k] for k in ("title", "description") if k in row.values},
            quantity=row.values.get("quantity"),
        )
        for row in good
    ]
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    _lock_store(session, record)
    outcomes = upsert_products(
        session,
        record.store_id,
        record.merchant_id,
        record.platform_id,
        record.lang,
        items,
        source=SOURCE,
        warehouse=warehouse,
        dry_run=record.dry_run,
        pending_created=record.created if record.dry_run else 0,
        user_id=record.created_by,
    )
    for row, outcome in zip(good, outcomes, strict=True):
        if outcome.result == "rejected":
            row.errors.append((_column(feed, outcome.about), outcome.key, outcome.params))
        else:
            counts[outcome.result] += 1
    errors = [
        {
            "import_id": record.id,
            "line": row.line,
            "column": column[:80],
            "message_key": message,
            "message_params": params,
            "raw": row.raw,
        }
        for row in batch
        for column, message, params in row.errors
    ]
    if errors:
        session.execute(insert(FeedImportError).execution_options(render_nulls=True), errors)
    session.execute(
        update(FeedImport)
        .where(FeedImport.id == record.id)
        .values(
            rows_done=FeedImport.rows_done + len(batch),
            created=FeedImport.created + counts["created"],
            updated=FeedImport.updated + counts["updated"],
            unchanged=FeedImport.unchanged + counts["unchanged"],
            rejected=FeedImport.rejected + sum(1 for row in batch if row.errors),
            heartbeat_at=utcnow(),
        )
        .execution_options(synchronize_session=False)
    )
    session.commit()
    session.refresh(record)
    if record.cancel_requested:
        raise ImportCancelled()


_FIELD_COLUMNS = {"price_cents": "price", "sale_price_cents": "sale_price"}


def _column(feed: Feed, product_field: str) -> str:
    return feed.column_name(_FIELD_COLUMNS.get(product_field, product_field))


def _finish(session: Session, record: FeedImport, status: str, message_key: str = "", params=None) -> str:
    session.refresh(record)
    record.status = status
    record.message_key = message_key
    record.message_params = params or {}
    record.finished_at = utcnow()
    record.heartbeat_at = utcnow()
    _remove_file(record)  # an ended import needs its file no more (its errors keep the bad rows)
    session.add(record)
    session.commit()
    return status


def _remove_file(record: FeedImport) -> None:
    if record.file_path:
        Path(record.file_path).unlink(missing_ok=True)
        Path(record.file_path).with_suffix(".part").unlink(missing_ok=True)
        record.file_path = ""


# ---------------------------------------------------------------- people's actions


def get_import(session: Session, store_id: int, import_id: int) -> FeedImport:
    record = session.exec(
        select(FeedImport).where(FeedImport.id == import_id, FeedImport.store_id == store_id)
    ).first()
    if record is None:
        raise NotFound()
    return record


def list_imports(session: Session, store_id: int, limit: int = 20) -> list[FeedImport]:
    return list(
        session.exec(
            select(FeedImport)
            .where(FeedImport.store_id == store_id)
            .order_by(FeedImport.created_at.desc(), FeedImport.id.desc())
            .limit(limit)
        ).all()
    )


def cancel_import(session: Session, store_id: int, import_id: int) -> FeedImport:
    """Stop after the current batch; a queued import ends at once. Batches done stay done."""
    record = get_import(session, store_id, import_id)
    if record.status not in ACTIVE:
        raise ServiceError("marketplace.error.not_active")
    if record.status == "queued":
        record.status = "cancelled"
        record.finished_at = utcnow()
        _remove_file(record)
    record.cancel_requested = True
    session.add(record)
    session.commit()
    return record


def can_retry(record: FeedImport) -> bool:
    """Failed or abandoned, and (for an upload) its file is still kept to read again."""
    if record.status not in ("failed", "abandoned"):
        return False
    return record.origin != "upload" or bool(record.file_path and Path(record.file_path).exists())


def retry_import(session: Session, store_id: int, import_id: int) -> FeedImport:
    """Run a failed or abandoned import again; it resumes after its last finished batch."""
    record = get_import(session, store_id, import_id)
    if record.status not in ("failed", "abandoned"):
        raise ServiceError("marketplace.error.not_retryable")
    if not can_retry(record):
        raise ServiceError("marketplace.error.file_gone")
    record.status = "queued"
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
    result = session.execute(
        update(FeedImport)
        .where(FeedImport.status == "running", FeedImport.heartbeat_at < utcnow() - timedelta(seconds=stale))
        .values(status="abandoned", message_key="marketplace.feed.abandoned", finished_at=utcnow())
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
    if record.started_at and record.status == "running":
        elapsed = (now - record.started_at).total_seconds()
        if elapsed > 0.5:
            rate = (done - record.rows_at_start) / elapsed
    elif record.started_at and record.finished_at:
        elapsed = (record.finished_at - record.started_at).total_seconds()
        rate = (done - record.rows_at_start) / elapsed if elapsed > 0 else 0.0
    eta = int((total - done) / rate) if rate > 0 and record.status == "running" else None
    percent = int(done * 100 / total) if total else (100 if record.status == "succeeded" else 0)
    return {"done": done, "total": total, "percent": percent, "rate": rate, "eta": eta}
