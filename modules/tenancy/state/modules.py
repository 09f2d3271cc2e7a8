"""Admin: switch modules on and off for one platform, after previewing the impact."""

import reflex as rx

from modules.tenancy.services.enablement_view import module_rows
from modules.tenancy.services.platform_modules import change_module, preview_module_change
from modules.tenancy.services.platforms import get_platform_by_code
from orion_app.db import session_scope
from orion_app.i18n import translate
from orion_app.observability import MODULE_CHANGES
from orion_app.registry import ModuleRuleError
from orion_app.ui.guard import current_access, guarded, ui_only
from orion_app.ui.state import OrionState

PERMISSION = "tenancy.platforms.manage"


class PlatformModulesState(OrionState):
    platform_name: str = ""
    rows: list[dict[str, str]] = []
    # The change waiting for confirmation: module, direction and what else it touches.
    pending_code: str = ""
    pending_enable: bool = False
    pending_also: list[str] = []
    dialog_open: bool = False
    _platform_id: int = 0

    def _load_platform(self) -> None:
        with session_scope() as session:
            platform = get_platform_by_code(session, current_access().principal, self._segment(2))
        self._platform_id = platform.id
        self.platform_name = platform.name
        self.rows = [
            {
                "code": row.code,
                "description": row.description,
                "tier": row.tier,
                "requires": ", ".join(_name(code, self.lang) for code in row.requires),
                "enabled": "1" if row.enabled else "",
                "planned": "1" if row.planned else "",
            }
            for row in module_rows(platform.id, self.lang)
        ]

    @rx.event
    @guarded(PERMISSION, quiet=True)
    def load(self):
        self.dialog_open = False
        self._load_platform()

    @rx.event
    @guarded(PERMISSION)
    def preview(self, code: str, enable: bool):
        """Show what else the change pulls in (enable) or takes down (disable); save nothing."""
        self._load_platform()
        try:
            with session_scope() as session:
                plan = preview_module_change(
                    session, current_access().principal, self._platform_id, str(code), bool(enable)
                )
        except ModuleRuleError as error:
            return rx.toast.error(str(error))
        self.pending_code, self.pending_enable = code, enable
        self.pending_also = [_name(c, self.lang) for c in plan.also_changed]
        self.dialog_open = True
        return None

    @rx.event
    @ui_only
    def cancel(self):
        self.dialog_open = False
        self.pending_code = ""

    @rx.event
    @guarded(PERMISSION)
    def confirm(self):
        if not self.pending_code:
            return None
        self._load_platform()
        try:
            with session_scope() as session:
                plan = change_module(
                    session,
                    current_access().principal,
                    self._platform_id,
                    self.pending_code,
                    self.pending_enable,
                )
        except ModuleRuleError as error:
            self.dialog_open = False
            return rx.toast.error(str(error))
        MODULE_CHANGES.labels(action="enable" if plan.enable else "disable").inc(
            len(plan.to_enable or plan.to_disable)
        )
        self.dialog_open = False
        self.pending_code = ""
        self._load_platform()
        key = "tenancy.modules.enabled_toast" if plan.enable else "tenancy.modules.disabled_toast"
        return rx.toast.success(translate(key, self.lang, count=len(plan.to_enable or plan.to_disable)))


def _name(code: str, lang: str) -> str:
    """A module as people know it: its translated name, never its code."""
    return translate(f"{code}.module.name", lang)
