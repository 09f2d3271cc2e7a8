"""In-app notifications for staff: raised by modules, read by each user in their language.

A module declares `NotificationKind`s (modules/contracts/protocols.py) and contributes them
as "notification_kinds". `notify` writes one row per staff member of the store whose role
holds the kind's permission; the reader's functions take a `Reader` built from the access
decision (the signed-in user, and the store of the dashboard), so an id sent by a browser
only ever picks among that user's own rows.
"""

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, update
from sqlmodel import Session, select

from modules.contracts.protocols import NotificationKind
from modules.messaging.models import Notification
from modules.tenancy.public import home_platform_id, store_by_id, store_staff
from orion_app.access import store_role_holds
from orion_app.db import utcnow
from orion_app.errors import NotFound
from orion_app.i18n import translate
from orion_app.redirects import safe_next
from orion_app.registry import Frontend, get_registry
from orion_app.routes import frontend_url
from orion_app.ui.format import iso

CONTRIBUTION_POINT = "notification_kinds"
BELL_SIZE = 10  # notifications the bell lists
_UNITS = (("days", 86400), ("hours", 3600), ("minutes", 60))


@dataclass(frozen=True)
class Reader:
    """Whose notifications: a user's in one store's dashboard, or (store_id None, the admin
    dashboard) in every store."""

    user_id: int
    store_id: int | None


@dataclass(frozen=True)
class NotificationView:
    """A notification as its reader sees it: texts in their language, time as ISO UTC."""

    id: int
    kind: str
    icon: str
    title: str
    body: str
    link: str
    created_at: str  # ISO UTC
    ago: str  # "5 min ago", in the reader's language
    unread: bool


def kinds() -> dict[str, NotificationKind]:
    """Every notification kind the installed modules declare, by code."""
    return {
        kind.code: kind
        for _, declared in get_registry().contributions(CONTRIBUTION_POINT)
        for kind in declared
    }


def notify(
    session: Session,
    *,
    kind: str,
    store_id: int,
    params: dict | None = None,
    link: str = "",
    permission: str | None = None,
) -> int:
    """Tell the store's staff who hold the kind's permission (or `permission`, when given).

    `link` is a page of the store's dashboard (`"marketplace/imports/12"`). Flushes only: the
    caller's transaction commits it with the change it reports. Returns how many were written.
    """
    declared = kinds().get(kind)
    if declared is None:
        raise ValueError(f"No module declares the notification kind '{kind}'.")
    store = store_by_id(session, store_id, active_only=False)
    if store is None:
        raise ValueError(f"There is no store {store_id}.")
    needed = permission or declared.permission
    readers = [m.user_id for m in store_staff(session, store_id) if store_role_holds(m.role, needed)]
    if not readers:
        return 0
    target = frontend_url(Frontend.STORE, link, store=store.code) if link else ""
    platform_id = home_platform_id(session, store_id)
    session.add_all(
        Notification(
            user_id=user_id,
            store_id=store_id,
            platform_id=platform_id,
            kind=kind,
            params=dict(params or {}),
            link=target,
        )
        for user_id in readers
    )
    session.flush()
    return len(readers)


def _mine(reader: Reader):
    query = select(Notification).where(Notification.user_id == reader.user_id)
    if reader.store_id is not None:
        query = query.where(Notification.store_id == reader.store_id)
    return query


def unread_count(session: Session, reader: Reader) -> int:
    """The number on the bell: one indexed count."""
    query = _mine(reader).where(Notification.read_at.is_(None))
    return session.exec(select(func.count()).select_from(query.subquery())).one()


def total(session: Session, reader: Reader) -> int:
    """How many the reader has, read or not (for the notifications page's pager)."""
    return session.exec(select(func.count()).select_from(_mine(reader).subquery())).one()


def latest(session: Session, reader: Reader, lang: str, *, offset: int = 0, limit: int = BELL_SIZE) -> list:
    """The reader's notifications, newest first, rendered in `lang`."""
    rows = session.exec(_mine(reader).order_by(Notification.id.desc()).offset(offset).limit(limit)).all()
    known = kinds()
    return [_view(row, known.get(row.kind), lang) for row in rows]


def _view(row: Notification, kind: NotificationKind | None, lang: str) -> NotificationView:
    if kind is None:  # its module is gone: the code still says what it was
        title, body, icon = row.kind, "", "bell"
    else:
        title, body, icon = (
            _text(kind.title_key, lang, row.params),
            _text(kind.body_key, lang, row.params),
            kind.icon,
        )
    return NotificationView(
        id=row.id,
        kind=row.kind,
        icon=icon,
        title=title,
        body=body,
        link=safe_next(row.link, ""),
        created_at=iso(row.created_at),
        ago=ago(row.created_at, lang),
        unread=row.read_at is None,
    )


def _text(key: str, lang: str, params: dict) -> str:
    """The text with its params; a text whose placeholders changed since the row was
    written shows unformatted rather than breaking the reader's list."""
    try:
        return translate(key, lang, **params)
    except (KeyError, IndexError, ValueError):
        return translate(key, lang)


def ago(moment: datetime, lang: str, now: datetime | None = None) -> str:
    """How long ago, the way the bell says it: "just now", "5 min ago", "3 h ago", "2 days ago"."""
    if moment.tzinfo is None:  # SQLite hands back naive UTC times
        moment = moment.replace(tzinfo=UTC)
    seconds = max(0, int(((now or utcnow()) - moment).total_seconds()))
    if seconds < 60:
        return translate("messaging.notifications.ago.now", lang)
    unit, size = next((unit, size) for unit, size in _UNITS if seconds >= size)
    return translate(f"messaging.notifications.ago.{unit}", lang, count=seconds // size)


def mark_read(session: Session, reader: Reader, notification_id: int) -> str:
    """Mark one of the reader's notifications read and commit; returns its link ("" if none).
    Another user's (or another store's) id is "not found"."""
    row = session.exec(_mine(reader).where(Notification.id == notification_id)).first()
    if row is None:
        raise NotFound()
    if row.read_at is None:
        row.read_at = utcnow()
        session.add(row)
        session.commit()
    return safe_next(row.link, "")


def mark_all_read(session: Session, reader: Reader) -> int:
    """Mark every unread notification of the reader read and commit; returns how many."""
    query = update(Notification).where(Notification.user_id == reader.user_id, Notification.read_at.is_(None))
    if reader.store_id is not None:
        query = query.where(Notification.store_id == reader.store_id)
    result = session.execute(query.values(read_at=utcnow()).execution_options(synchronize_session=False))
    session.commit()
    return result.rowcount
