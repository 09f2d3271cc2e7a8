"""The e-mail log: a store's own messages (store dashboard), every store's (admin)."""

import reflex as rx

from modules.messaging.services.log_views import LogPage, platforms_log, store_log
from modules.messaging.state.labels import kind_label, kind_options
from modules.tenancy.public import store_by_id
from orion_app.access import has_permission
from orion_app.db import session_scope
from orion_app.ui.format import iso
from orion_app.ui.guard import current_access, guarded
from orion_app.ui.state import OrionState, PagedMixin

LOG_VIEW, TEMPLATES = "messaging.log.view", "messaging.templates.manage"
PLATFORM = "messaging.platform.manage"
PER_PAGE = 25
STATUSES = ("queued", "sent", "failed")


class EmailLogMixin(PagedMixin, mixin=True):
    """A page of the log under the status and kind filters; each page state reads its scope."""

    rows: list[dict[str, str]] = []
    status: str = ""
    kind: str = ""
    kind_options: list[dict[str, str]] = []

    def _read(self, session) -> LogPage:
        raise NotImplementedError

    def _store_names(self, session, entries) -> dict[int, str]:
        return {}

    def _reload(self) -> None:
        with session_scope() as session:
            found = self._read(session)
            names = self._store_names(session, found.entries)
        self.total = found.total
        self._count_pages(PER_PAGE)
        self.kind_options = kind_options(self.lang)
        self.rows = [
            {
                "id": str(e.id),
                "recipient": e.recipient,
                "kind": kind_label(e.kind, self.lang),
                "language": e.language.upper(),
                "status": e.status,
                "attempts": str(e.attempts),
                "last_error": e.last_error,
                "message_id": e.message_id,
                "created": iso(e.created_at),
                "store": names.get(e.store_id, "") if e.store_id else "",
            }
            for e in found.entries
        ]

    def _filter(self, form: dict) -> None:
        self.status = form.get("status") if form.get("status") in STATUSES else ""
        kind = str(form.get("kind") or "")
        self.kind = kind if kind in {o["value"] for o in kind_options(self.lang)} else ""
        self.page_number = 1
        self._reload()

    def _go(self, page: int) -> None:
        self.page_number = min(max(1, int(page)), self.page_count)
        self._reload()


class StoreEmailLogState(EmailLogMixin, OrionState):
    can_edit_templates: bool = False

    def _read(self, session) -> LogPage:
        store_id = current_access().tenant.store.id
        return store_log(
            session, store_id, status=self.status, kind=self.kind, page=self.page_number, per_page=PER_PAGE
        )

    @rx.event
    @guarded(LOG_VIEW, quiet=True)
    def load(self):
        access = current_access()
        self.can_edit_templates = has_permission(access.principal, TEMPLATES, access.tenant)
        self.status, self.kind, self.page_number = "", "", 1
        self._reload()

    @rx.event
    @guarded(LOG_VIEW)
    def apply_filters(self, form: dict):
        self._filter(form)

    @rx.event
    @guarded(LOG_VIEW)
    def go_to_page(self, page: int):
        self._go(page)


class AdminEmailLogState(EmailLogMixin, OrionState):
    """Every message of the platforms the admin acts on (all of them for a super admin)."""

    def _read(self, session) -> LogPage:
        principal = current_access().principal
        platform_ids = None if principal.is_super_admin else set(principal.platform_ids)
        return platforms_log(
            session,
            platform_ids,
            status=self.status,
            kind=self.kind,
            page=self.page_number,
            per_page=PER_PAGE,
        )

    def _store_names(self, session, entries) -> dict[int, str]:
        names = {}
        for store_id in {e.store_id for e in entries if e.store_id}:
            store = store_by_id(session, store_id, active_only=False)
            names[store_id] = store.name if store else str(store_id)
        return names

    @rx.event
    @guarded(PLATFORM, quiet=True)
    def load(self):
        self.status, self.kind, self.page_number = "", "", 1
        self._reload()

    @rx.event
    @guarded(PLATFORM)
    def apply_filters(self, form: dict):
        self._filter(form)

    @rx.event
    @guarded(PLATFORM)
    def go_to_page(self, page: int):
        self._go(page)
