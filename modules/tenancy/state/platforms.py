"""Admin: the platform list, creating a platform and editing one."""

import reflex as rx

from modules.tenancy.services.platforms import (
    create_platform,
    get_platform_by_code,
    list_platforms,
    update_platform,
)
from modules.tenancy.state.forms import DialogFormMixin
from orion_app.db import session_scope
from orion_app.errors import FieldErrors
from orion_app.registry import Frontend
from orion_app.routes import frontend_url
from orion_app.ui.forms import translated_errors
from orion_app.ui.guard import current_access, guarded
from orion_app.ui.state import OrionState

PERMISSION = "tenancy.platforms.manage"


def _row(platform) -> dict[str, str]:
    return {
        "id": str(platform.id),
        "code": platform.code,
        "name": platform.name,
        "domain": platform.domain or "",
        "description": platform.description,
        "edit_href": frontend_url(Frontend.ADMIN, f"platforms/{platform.code}"),
        "modules_href": frontend_url(Frontend.ADMIN, f"platforms/{platform.code}/modules"),
    }


class PlatformsState(DialogFormMixin, OrionState):
    @rx.event
    @guarded(PERMISSION, quiet=True)
    def load(self):
        with session_scope() as session:
            self.rows = [_row(p) for p in list_platforms(session, current_access().principal)]

    @rx.event
    @guarded(PERMISSION)
    def create(self, form: dict):
        platform = self._create(create_platform, current_access().principal, form)
        if platform is None:
            return None
        self.rows = sorted([*self.rows, _row(platform)], key=lambda r: r["code"])
        return rx.toast.success(platform.name)


class PlatformEditState(OrionState):
    values: dict[str, str] = {}
    errors: dict[str, str] = {}
    saved: bool = False

    @rx.event
    @guarded(PERMISSION, quiet=True)
    def load(self):
        self.errors, self.saved = {}, False
        with session_scope() as session:
            self.values = _row(get_platform_by_code(session, current_access().principal, self._segment(2)))

    @rx.event
    @guarded(PERMISSION)
    def save(self, form: dict):
        try:
            with session_scope() as session:
                platform = update_platform(session, current_access().principal, int(self.values["id"]), form)
        except FieldErrors as error:
            self.errors = translated_errors(error, self.lang)
            self.saved = False
            return None
        self.errors, self.saved = {}, True
        self.values = _row(platform)
        if platform.code != self._segment(2):
            return rx.redirect(frontend_url(Frontend.ADMIN, f"platforms/{platform.code}"))
        return None
