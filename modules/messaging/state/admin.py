"""Admin, E-mail: the platforms an admin sends for, one platform's sender and SMTP server,
and its own template texts (every kind)."""

import reflex as rx
from sqlmodel import Session

from modules.messaging.config import messaging_config
from modules.messaging.services.settings import platform_settings, save_platform_settings
from modules.messaging.state.editor import TemplateEditorMixin
from modules.messaging.state.outbox import outbox_available
from modules.messaging.state.store import kind_rows
from modules.tenancy.public import administered_platform, platforms_administered
from orion_app.db import session_scope
from orion_app.errors import FieldErrors, NotFound
from orion_app.i18n import LANGUAGES, translate
from orion_app.registry import Frontend
from orion_app.routes import frontend_url
from orion_app.ui.forms import translated_errors
from orion_app.ui.guard import current_access, guarded
from orion_app.ui.state import OrionState

PLATFORM = "messaging.platform.manage"
SETTINGS_FIELDS = (
    "from_address",
    "from_name",
    "reply_to",
    "smtp_host",
    "smtp_port",
    "smtp_tls",
    "smtp_username",
)


def admin_href(path: str) -> str:
    return frontend_url(Frontend.ADMIN, path)


def settings_values(session: Session, platform_id: int) -> tuple[dict[str, str], bool, bool]:
    """The form's values (never the password), whether a password is stored, and whether the
    platform has settings of its own (else the server's MESSAGING_* ones apply)."""
    row = platform_settings(session, platform_id)
    source = row if row is not None else messaging_config()
    # The server's settings have no reply-to of their own.
    values = {name: str(getattr(source, name, "")) for name in SETTINGS_FIELDS}
    stored = bool(row.smtp_password_encrypted) if row is not None else False
    return values, stored, row is not None


class MessagingPlatformsState(OrionState):
    rows: list[dict[str, str]] = []
    outbox: bool = False

    @rx.event
    @guarded(PLATFORM, quiet=True)
    def load(self):
        access = current_access()
        with session_scope() as session:
            platforms = platforms_administered(session, access.principal)
            own = {p.id for p in platforms if platform_settings(session, p.id) is not None}
        self.rows = [
            {
                "code": p.code,
                "name": p.name,
                "own": "1" if p.id in own else "",
                "href": admin_href(f"messaging/{p.code}"),
            }
            for p in platforms
        ]
        self.outbox = outbox_available(access)


class PlatformSettingsState(OrionState):
    found: bool = True
    platform_name: str = ""
    values: dict[str, str] = {}
    password_stored: bool = False
    has_own: bool = False
    errors: dict[str, str] = {}
    kinds: list[dict[str, str]] = []
    form_key: int = 0
    _platform_id: int = 0

    def _platform(self, session: Session):
        try:
            platform = administered_platform(session, current_access().principal, self._segment(2))
        except NotFound:
            self.found = False
            return None
        self.found, self._platform_id, self.platform_name = True, platform.id, platform.name
        return platform

    def _fill(self, session: Session) -> None:
        platform = self._platform(session)
        if platform is None:
            return
        self.values, self.password_stored, self.has_own = settings_values(session, platform.id)
        base = admin_href(f"messaging/{platform.code}/templates/")
        self.kinds = kind_rows(session, platform.id, None, base, self.lang)
        self.form_key += 1

    @rx.event
    @guarded(PLATFORM, quiet=True)
    def load(self):
        self.errors = {}
        with session_scope() as session:
            self._fill(session)

    @rx.event
    @guarded(PLATFORM)
    def save(self, form: dict):
        """Save the sender and server; the password only when a new one is typed (or cleared)."""
        data = {name: str(form.get(name, "")).strip() for name in SETTINGS_FIELDS}
        port = data.pop("smtp_port")
        new_password = str(form.get("smtp_password", ""))
        password = "" if form.get("clear_password") else (new_password or None)
        try:
            with session_scope() as session:
                if self._platform(session) is None:
                    return None
                if not port.isdigit():
                    raise FieldErrors({"smtp_port": "messaging.error.smtp_port"})
                save_platform_settings(
                    session, self._platform_id, **data, smtp_port=int(port), smtp_password=password
                )
                self._fill(session)
        except FieldErrors as error:
            self.errors = translated_errors(error, self.lang)
            return rx.toast.error(translate("orion.error.invalid_input", self.lang))
        self.errors = {}
        return rx.toast.success(translate("orion.saved", self.lang))


class PlatformTemplateEditorState(TemplateEditorMixin, OrionState):
    back_href: str = ""
    platform_name: str = ""

    def _scope(self, session: Session) -> tuple[int, int | None, list[str]]:
        platform = administered_platform(session, current_access().principal, self._segment(2))
        self.platform_name = platform.name
        self.back_href = admin_href(f"messaging/{platform.code}")
        return platform.id, None, list(LANGUAGES)

    @rx.event
    @guarded(PLATFORM, quiet=True)
    def load(self):
        try:
            self._open(self._segment(4))
        except NotFound:
            self.found = False

    @rx.event
    @guarded(PLATFORM)
    def pick_language(self, language: str):
        self._pick(str(language))

    @rx.event
    @guarded(PLATFORM)
    def edit(self, part: str, value: str):
        self._edit(str(part), str(value))

    @rx.event
    @guarded(PLATFORM)
    def save(self, form: dict):
        return self._save(form)

    @rx.event
    @guarded(PLATFORM)
    def reset_to_default(self):
        return self._reset()
