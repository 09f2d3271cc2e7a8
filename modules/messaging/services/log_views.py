"""The e-mail log as people read it: a store's own messages, or every store of the platforms
an admin acts on, filtered by status and kind, a page at a time."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, select

from modules.messaging.models import EmailLog
from modules.messaging.models.email import STATUSES
from orion_app.records import record_from


@dataclass(frozen=True)
class LogEntry:
    id: int
    platform_id: int
    store_id: int | None  # None: a platform-level mail (staff invitations, password resets)
    recipient: str
    kind: str
    language: str
    status: str
    attempts: int
    last_error: str
    message_id: str
    created_at: datetime
    sent_at: datetime | None


@dataclass(frozen=True)
class LogPage:
    entries: list[LogEntry]
    total: int


def _entry(row: EmailLog) -> LogEntry:
    return record_from(LogEntry, row)


def _page(session: Session, scope, *, status: str, kind: str, page: int, per_page: int) -> LogPage:
    """`scope` (where-clauses) narrowed by the filters; an unknown status filters nothing."""
    clauses = list(scope)
    if status in STATUSES:
        clauses.append(EmailLog.status == status)
    if kind:
        clauses.append(EmailLog.kind == kind)
    total = session.exec(select(func.count()).select_from(EmailLog).where(*clauses)).one()
    rows = session.exec(
        select(EmailLog)
        .where(*clauses)
        .order_by(EmailLog.created_at.desc(), EmailLog.id.desc())
        .offset((max(1, page) - 1) * per_page)
        .limit(per_page)
    ).all()
    return LogPage([_entry(r) for r in rows], total)


def store_log(
    session: Session, store_id: int, *, status: str = "", kind: str = "", page: int = 1, per_page: int = 25
) -> LogPage:
    """The messages of one store, newest first."""
    return _page(
        session, [EmailLog.store_id == store_id], status=status, kind=kind, page=page, per_page=per_page
    )


def platforms_log(
    session: Session,
    platform_ids: set[int] | None,
    *,
    status: str = "",
    kind: str = "",
    page: int = 1,
    per_page: int = 25,
) -> LogPage:
    """Every message of these platforms (their stores' and their own); None: every platform."""
    scope = [] if platform_ids is None else [EmailLog.platform_id.in_(sorted(platform_ids) or [-1])]
    return _page(session, scope, status=status, kind=kind, page=page, per_page=per_page)
