"""Store dashboard, E-mails: the kinds the store may reword, the editor of one, and the
address replies go to."""

import reflex as rx
from sqlmodel import Session

from modules.messaging.services.settings import save_store_reply_to, store_reply_to
from modules.messaging.services.template_views import editable_kinds, overridden_languages
from modules.messaging.state.editor import TemplateEditorMixin
from modules.messaging.state.labels import kind_label
from orion_app.db import session_scope
from orion_app.errors import FieldErrors
from orion_app.i18n import translate
from orion_app.ui.forms import translated_errors
from orion_app.ui.guard import current_access, guarded
from orion_app.ui.state import OrionState

TEMPLATES = "messaging.templates.manage"


def store_scope() -> tuple[int, int, list[str]]:
    """The dashboard's platform and store, and the store's languages (its default first)."""
    tenant = current_access().tenant
    store = tenant.store
    languages = [
        store.default_language,
        *(lang for lang in store.languages if lang != store.default_language),
    ]
    return tenant.platform.id, store.id, languages


def kind_rows(session: Session, platform_id: int, store_id: int | None, base: str, lang: str) -> list[dict]:
    """One row per kind this level may edit: its name, code, variables, own languages, link."""
    own = overridden_languages(session, platform_id, store_id)
    rows = [
        {
            "code": kind.code,
            "name": kind_label(kind.code, lang),
            "variables": ", ".join(kind.variables),
            "overridden": " ".join(code.upper() for code in own.get(kind.code, [])),
            "href": f"{base}{kind.code}",
        }
        for kind in editable_kinds(store_level=store_id is not None)
    ]
    return sorted(rows, key=lambda r: r["name"].casefold())


class StoreTemplatesState(OrionState):
    rows: list[dict[str, str]] = []
    reply_to: str = ""
    errors: dict[str, str] = {}
    form_key: int = 0

    @rx.event
    @guarded(TEMPLATES, quiet=True)
    def load(self):
        platform_id, store_id, _languages = store_scope()
        base = f"{current_access().tenant.base}emails/templates/"
        with session_scope() as session:
            self.rows = kind_rows(session, platform_id, store_id, base, self.lang)
            self.reply_to = store_reply_to(session, store_id)
        self.errors = {}
        self.form_key += 1

    @rx.event
    @guarded(TEMPLATES)
    def save_reply_to(self, form: dict):
        _platform_id, store_id, _languages = store_scope()
        try:
            with session_scope() as session:
                self.reply_to = save_store_reply_to(session, store_id, str(form.get("reply_to", ""))).reply_to
        except FieldErrors as error:
            self.errors = translated_errors(error, self.lang)
            return None
        self.errors = {}
        return rx.toast.success(translate("orion.saved", self.lang))


class StoreTemplateEditorState(TemplateEditorMixin, OrionState):
    back_href: str = ""

    def _scope(self, session: Session) -> tuple[int, int | None, list[str]]:
        return store_scope()

    @rx.event
    @guarded(TEMPLATES, quiet=True)
    def load(self):
        self.back_href = f"{current_access().tenant.base}emails/templates"
        self._open(self._segment(4))

    @rx.event
    @guarded(TEMPLATES)
    def pick_language(self, language: str):
        self._pick(str(language))

    @rx.event
    @guarded(TEMPLATES)
    def edit(self, part: str, value: str):
        self._edit(str(part), str(value))

    @rx.event
    @guarded(TEMPLATES)
    def save(self, form: dict):
        return self._save(form)

    @rx.event
    @guarded(TEMPLATES)
    def reset_to_default(self):
        return self._reset()
