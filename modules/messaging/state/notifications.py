"""The notifications bell in the dashboards' header, and the notifications page.

Whose notifications is always the access decision's: the signed-in user, and in a store's
dashboard that store. An id from the browser only picks among those (another's is "not
found"). The bell's count is read with every page load, by the page guard (it runs
`BellState.load` with the page's own loaders, in the same decision and session); the list
is read when the bell is opened.
"""

import reflex as rx

from modules.messaging.services.notifications import (
    NotificationView,
    Reader,
    latest,
    mark_all_read,
    mark_read,
    total,
    unread_count,
)
from orion_app.access import Access
from orion_app.db import session_scope
from orion_app.errors import NotFound
from orion_app.registry import Frontend
from orion_app.ui.guard import current_access, guarded
from orion_app.ui.state import OrionState, PagedMixin

STAFF = (Frontend.ADMIN, Frontend.STORE)
PAGE_SIZE = 20
PAGE_PATH = "notifications"


def _reader(access: Access) -> Reader:
    store = access.tenant.store if access.tenant.frontend == Frontend.STORE else None
    return Reader(access.principal.user_id, store.id if store else None)


def _id(value) -> int:
    """A notification id from the browser, or "not found"."""
    text = str(value)
    if not text.isdigit():
        raise NotFound()
    return int(text)


def _row(view: NotificationView) -> dict[str, str]:
    return {
        "id": str(view.id),
        "icon": view.icon,
        "title": view.title,
        "body": view.body,
        "link": view.link,
        "time": view.created_at,
        "ago": view.ago,
        "unread": "1" if view.unread else "",
    }


def _follow(notification_id) -> str:
    """Mark the reader's notification read; its link ("" for none)."""
    with session_scope() as session:
        return mark_read(session, _reader(current_access()), _id(notification_id))


class BellState(OrionState):
    unread: int = 0
    items: list[dict[str, str]] = []
    page_href: str = ""

    @rx.event
    @guarded(frontends=STAFF, quiet=True)
    def load(self):
        """With every page: the unread count only (one indexed count)."""
        access = current_access()
        self.page_href = access.tenant.base + PAGE_PATH
        with session_scope() as session:
            self.unread = unread_count(session, _reader(access))

    @rx.event
    @guarded(frontends=STAFF, quiet=True)
    def set_open(self, open: bool):
        """Opening the bell reads the newest notifications and the count afresh."""
        if not open:
            return
        reader = _reader(current_access())
        with session_scope() as session:
            self.unread = unread_count(session, reader)
            self.items = [_row(view) for view in latest(session, reader, self.lang)]

    @rx.event
    @guarded(frontends=STAFF)
    def follow(self, notification_id: str):
        """A click on a notification: read, and off to what it is about."""
        link = _follow(notification_id)
        for item in self.items:
            if item["id"] == str(notification_id) and item["unread"]:
                item["unread"] = ""
                self.unread = max(0, self.unread - 1)
        return rx.redirect(link) if link else None

    @rx.event
    @guarded(frontends=STAFF)
    def mark_all(self):
        with session_scope() as session:
            mark_all_read(session, _reader(current_access()))
        self.unread = 0
        self.items = [item | {"unread": ""} for item in self.items]


class NotificationsState(PagedMixin, OrionState):
    rows: list[dict[str, str]] = []

    def _reload(self) -> None:
        reader = _reader(current_access())
        with session_scope() as session:
            self.total = total(session, reader)
            self._count_pages(PAGE_SIZE)
            self.page_number = min(self.page_number, self.page_count)
            offset = (self.page_number - 1) * PAGE_SIZE
            views = latest(session, reader, self.lang, offset=offset, limit=PAGE_SIZE)
        self.rows = [_row(view) for view in views]

    @rx.event
    @guarded(frontends=STAFF, quiet=True)
    def load(self):
        self.page_number = 1
        self._reload()

    @rx.event
    @guarded(frontends=STAFF)
    def go_to_page(self, page: int):
        self.page_number = max(1, int(page)) if str(page).isdigit() else 1
        self._reload()

    @rx.event
    @guarded(frontends=STAFF)
    def follow(self, notification_id: str):
        link = _follow(notification_id)
        if link:
            return rx.redirect(link)
        self._reload()
        return BellState.load

    @rx.event
    @guarded(frontends=STAFF)
    def mark_read(self, notification_id: str):
        _follow(notification_id)
        self._reload()
        return BellState.load

    @rx.event
    @guarded(frontends=STAFF)
    def mark_all(self):
        with session_scope() as session:
            mark_all_read(session, _reader(current_access()))
        self._reload()
        return BellState.load
