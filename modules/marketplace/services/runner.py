"""The import job's body: claim, read the feed, write it batch by batch, finish.

See `imports.py` for why an import stays exact when workers die or jobs are delivered
twice: claim, heartbeat, a checkpoint committed with every batch, one store at a time.
"""

import os
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

from rq import get_current_job
from sqlalchemy import insert, text, update
from sqlmodel import Session

from modules.catalog.public import Item, upsert_products
from modules.marketplace.models import FeedImport, FeedImportError, JobStatus
from modules.marketplace.notifications import report_import_outcome
from modules.marketplace.services.feed import Feed, FeedProblem, FeedRow, open_feed
from modules.marketplace.services.fetch import fetch
from modules.marketplace.services.imports import _feed_path, _remove_file, config
from modules.marketplace.services.photos import queue_photos
from modules.marketplace.services.row_extras import after_batch
from modules.marketplace.services.variant_groups import GROUP_COLUMN, Unit, Units, has_groups
from modules.marketplace.services.variant_writes import write_groups
from orion_app.db import get_engine, utcnow

SOURCE = "letzshop"
LOCK_SPACE = 0x4D4B  # first key of the advisory locks marketplace takes ("MK")


class ImportCancelled(Exception):
    pass


def _claim(session: Session, import_id: int, worker: str, stale_before) -> bool:
    """Take the import for this worker, unless another live worker has it or it has ended."""
    now = utcnow()
    result = session.execute(
        update(FeedImport)
        .where(
            FeedImport.id == import_id,
            (FeedImport.status.in_((JobStatus.QUEUED, JobStatus.ABANDONED)))
            | ((FeedImport.status == JobStatus.RUNNING) & (FeedImport.heartbeat_at < stale_before)),
        )
        .values(
            status=JobStatus.RUNNING,
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
            return _finish(session, record, JobStatus.FAILED, problem.message_key, problem.params)
        except ImportCancelled:
            session.rollback()
            return _finish(session, record, JobStatus.CANCELLED)
        except Exception:
            session.rollback()
            rq_job = get_current_job()
            retries_left = bool(rq_job and rq_job.retries_left)
            session.refresh(record)
            record.status = JobStatus.QUEUED if retries_left else JobStatus.FAILED
            record.message_key = (
                "marketplace.feed.crashed_retrying" if retries_left else "marketplace.feed.crashed"
            )
            record.heartbeat_at = utcnow()
            if not retries_left:
                record.finished_at = utcnow()
            session.add(record)
            report_import_outcome(session, record)
            session.commit()
            if not retries_left:
                queue_photos(session, record)  # the batches done stay, and so do their photos
            raise
        return _finish(session, record, JobStatus.SUCCEEDED)


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


def _checked(feed: Feed, sku_column: str) -> Iterator[FeedRow]:
    """The feed's rows, a SKU already imported from an earlier row refused."""
    seen: dict[str, int] = {}  # SKU -> line of its first good row
    for row in feed.rows():
        if not row.errors:
            if row.sku in seen:
                row.errors.append((sku_column, *feed.duplicate_error(seen[row.sku])))
            else:
                seen[row.sku] = row.line
        yield row


def _import_rows(session: Session, record: FeedImport, feed: Feed, batch_size: int, warehouse: str) -> None:
    """Batches of whole units (a row, or every row of one `item_group_id`: variant_groups.py).

    `rows_done` counts the rows of the units done; the unit order is fixed by the file, so
    a resumed import skips exactly those units."""
    sku_column = feed.column_name("sku")
    skip = record.rows_done
    batch: list[Unit] = []
    size = 0
    with Units(Path(record.file_path), feed.column_name(GROUP_COLUMN)) as grouper:
        if has_groups(feed):
            grouper.count(feed.rows())
        for unit in grouper.units(_checked(feed, sku_column)):
            if skip > 0:  # done by an earlier attempt; read only to know its SKUs
                skip -= len(unit.rows)
                continue
            batch.append(unit)
            size += len(unit.rows)
            if size >= batch_size:
                _apply(session, record, feed, batch, warehouse)
                batch, size = [], 0
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


def _apply(session: Session, record: FeedImport, feed: Feed, units: list[Unit], warehouse: str) -> None:
    """One batch in one transaction: its groups (variant_writes.py), then the other rows, the
    row errors and the checkpoint."""
    batch = [row for unit in units for row in unit.rows]
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    deactivated = 0
    singles = [unit.rows[0] for unit in units if not unit.group]
    grouped = [(unit.group, unit.rows) for unit in units if unit.group]
    if grouped:
        _lock_store(session, record)
        for result in write_groups(
            session,
            record,
            grouped,
            warehouse=warehouse,
            sku_column=feed.column_name("sku"),
            group_column=feed.column_name(GROUP_COLUMN),
        ):
            if result.single is not None:
                singles.append(result.single)
            for name, count in result.counts.items():
                counts[name] += count
            deactivated += result.deactivated
    good = [row for row in singles if not row.errors]
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
    after_batch(session, record, good, outcomes)
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
            deactivated=FeedImport.deactivated + deactivated,
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
    if not (record.dry_run and status == JobStatus.SUCCEEDED):  # a dry run's file may be applied
        _remove_file(record)  # an ended import needs its file no more (its errors keep the bad rows)
    session.add(record)
    report_import_outcome(session, record)
    session.commit()
    queue_photos(session, record)  # after the commit: the job reads the tasks it planned
    return status
