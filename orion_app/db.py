"""Database engine and sessions for services, jobs and the CLI (no Reflex involved).

Database calls are blocking. Code running on an event loop (Reflex's event handlers) runs
them through `run_blocking` on `DB_THREADS` worker threads, as many as the pool has
connections, so a slow query never stops the loop and waiting work queues in order.
"""

import asyncio
import contextvars
import functools
from collections.abc import AsyncIterator, Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager, contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import ARRAY, any_, bindparam, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, create_engine

from orion_app.settings import get_settings

# Worker threads for blocking database work, and connections per pool: one each, plus an
# overflow for jobs, the CLI and the worker threads' occasional second session.
DB_THREADS = 8
POOL_OVERFLOW = 8
# A connection older than this is replaced when next checked out (PostgreSQL), before
# servers or proxies drop it as idle. This replaces a ping per checkout (`pool_pre_ping`,
# ~9 % of a storefront page load); the cost: after a database restart, the first statement
# on a dead connection fails, SQLAlchemy then invalidates the whole pool, and the next
# session connects afresh.
POOL_RECYCLE_SECONDS = 300


@lru_cache(maxsize=8)
def engine_for(url: str) -> Engine:
    """One pooled engine per database URL; SQLite gets foreign keys and a busy timeout."""
    if url.startswith("sqlite"):
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": 30},
            pool_size=DB_THREADS,
            max_overflow=POOL_OVERFLOW,
        )

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record):
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            # With a write-ahead log, NORMAL loses no data on a crash of the process (only
            # on a power cut, the last commits) and skips an fsync per commit.
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        return engine
    return create_engine(
        url, pool_size=DB_THREADS, max_overflow=POOL_OVERFLOW, pool_recycle=POOL_RECYCLE_SECONDS
    )


_executor: ThreadPoolExecutor | None = None


def _threads() -> ThreadPoolExecutor:
    global _executor
    if _executor is None:
        _executor = ThreadPoolExecutor(max_workers=DB_THREADS, thread_name_prefix="orion-db")
    return _executor


async def run_blocking(function: Callable[..., Any], /, *args, **kwargs) -> Any:
    """`function(*args, **kwargs)` on a database worker thread, awaited.

    The caller's context variables go along (the access decision, a page load's shared
    session, `database_forbidden`), so the function sees what the caller sees.
    """
    context = contextvars.copy_context()
    call = functools.partial(context.run, function, *args, **kwargs)
    return await asyncio.get_running_loop().run_in_executor(_threads(), call)


def utcnow() -> datetime:
    """Now, in UTC, timezone-aware: how every timestamp is stored."""
    return datetime.now(UTC)


def get_engine() -> Engine:
    """The engine for the configured `DATABASE_URL`."""
    return engine_for(normalise_url(get_settings().database_url))


def normalise_url(url: str) -> str:
    """Accept plain `postgresql://` URLs and use the psycopg 3 driver for them."""
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


# Set while code that must not touch the database runs (a @ui_only event handler).
_forbidden_by: ContextVar[str] = ContextVar("orion_database_forbidden_by", default="")


@contextmanager
def database_forbidden(reason: str) -> Iterator[None]:
    """Inside this block `session_scope()` raises, naming `reason` (e.g. the handler)."""
    token = _forbidden_by.set(reason)
    try:
        yield
    finally:
        _forbidden_by.reset(token)


# The session of a `shared_session()` block (one page load), reused by `session_scope()`.
_shared: ContextVar[Session | None] = ContextVar("orion_shared_session", default=None)


@contextmanager
def session_scope() -> Iterator[Session]:
    """A session that commits on success and rolls back on error.

    Inside `shared_session()` it is that block's session: readers share one transaction;
    a scope that wrote commits on success, and an error rolls the shared session back.
    """
    if reason := _forbidden_by.get():
        raise RuntimeError(f"{reason} may not open a database session.")
    shared = _shared.get()
    if shared is not None:
        try:
            yield shared
            if shared.new or shared.dirty or shared.deleted:
                shared.commit()
        except Exception as error:
            if _must_roll_back(shared, error):
                shared.rollback()
            raise
        return
    with Session(get_engine(), expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except Exception:
            session.rollback()
            raise


def _must_roll_back(shared: Session, error: Exception) -> bool:
    """Whether an error inside a shared session's scope ends its transaction: when the
    database failed, or something was written (pending, flushed or executed). A refusal raised by
    code that only read (a product that is not there: NotFound) keeps the transaction, so
    the page load's next loader reads on the same connection."""
    return (
        isinstance(error, SQLAlchemyError)
        or bool(shared.new or shared.dirty or shared.deleted)
        or shared.info.get(_FLUSHED, False)
    )


_FLUSHED = "orion_flushed"


def _note_flush(session: Session, _context) -> None:
    session.info[_FLUSHED] = True


def _note_statement(state) -> None:
    """A statement run through the session that may write (insert, update, delete, text)."""
    if not state.is_select:
        state.session.info[_FLUSHED] = True


def _forget_flush(session: Session, *_args) -> None:
    session.info.pop(_FLUSHED, None)


class _SharedSession(Session):
    """A page load's one session (`shared_session`). Its listeners are the class's, set up
    once: listening on each new session instead cost ~4 % of a storefront page load's CPU."""


event.listen(_SharedSession, "after_flush", _note_flush)
event.listen(_SharedSession, "do_orm_execute", _note_statement)
event.listen(_SharedSession, "after_commit", _forget_flush)
event.listen(_SharedSession, "after_soft_rollback", _forget_flush)


@asynccontextmanager
async def shared_session() -> AsyncIterator[None]:
    """One session (and, for readers, one transaction) for every `session_scope()` inside,
    also on worker threads (`run_blocking` carries it along). The code inside runs one step
    at a time (a page load's loaders, in turn), never two threads at once.

    The session connects lazily: a block answered from caches takes no connection. Its end
    (commit or rollback, returning the connection) runs on a worker thread too.
    """
    if _shared.get() is not None or _forbidden_by.get():
        yield
        return
    session = _SharedSession(get_engine(), expire_on_commit=False)
    token = _shared.set(session)
    try:
        yield
    except BaseException:
        _shared.reset(token)
        await _finish(session, commit=False)
        raise
    _shared.reset(token)
    await _finish(session, commit=True)


def end_shared_transaction() -> None:
    """Commit the shared session's transaction now, on this worker thread, when the page load
    has nothing left to run in it (its connection goes back to the pool here, and the end of
    `shared_session` then needs no thread hop of its own). A later `session_scope()` inside
    the same `shared_session` would simply begin a new transaction."""
    session = _shared.get()
    if session is not None and session.in_transaction():
        session.commit()


async def _finish(session: Session, *, commit: bool) -> None:
    def end():
        try:
            if commit:
                session.commit()
            else:
                session.rollback()
        finally:
            session.close()

    if session.in_transaction():
        await run_blocking(end)
    else:
        session.close()


def one_of(session: Session, column, values):
    """`column IN (values)` for batch look-ups, as `column = ANY(:array)` on PostgreSQL.

    One array parameter instead of hundreds: psycopg prepares a statement after five runs,
    and a plan prepared for a 500-value IN list while a table was still small (no
    statistics yet) scans the whole store on every later batch. With an array the plan
    stays an index look-up (measured: 185 ms → 6 ms per 500-SKU batch at 20,000 products).
    """
    values = list(values)
    if session.get_bind().dialect.name == "postgresql":
        return column == any_(bindparam(None, values, type_=ARRAY(column.type)))
    return column.in_(values)
