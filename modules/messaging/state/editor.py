"""The template editor both levels share: a kind's subject, HTML and text body in one
language at a time, a live preview with sample values, save and "reset to default".

Each page state (the store's, the platform's) says which texts it edits (`_scope`) and puts
its own policy on the handlers, which only call the `_…` methods here.
"""

import reflex as rx
from sqlmodel import Session

from modules.messaging.kinds import COMMON_VARIABLES, PARTS, get_kind
from modules.messaging.services.templates import (
    delete_override,
    effective_texts,
    get_override,
    preview,
    save_override,
)
from modules.messaging.state.labels import kind_label
from orion_app.db import session_scope
from orion_app.errors import FieldErrors, ServiceError
from orion_app.i18n import translate
from orion_app.ui.forms import translated_errors
from orion_app.ui.guard import current_access


class TemplateEditorMixin(rx.State, mixin=True):
    found: bool = True
    kind: str = ""
    kind_name: str = ""
    variables: list[str] = []
    common_variables: list[str] = list(COMMON_VARIABLES)
    languages: list[str] = []
    language: str = ""
    texts: dict[str, str] = {"subject": "", "body_html": "", "body_text": ""}
    # Where the texts shown come from: "store", "platform" or "default" (the module's).
    source: str = ""
    has_override: bool = False  # this level has its own texts in this language
    errors: dict[str, str] = {}
    preview_subject: str = ""
    preview_html: str = ""
    preview_text: str = ""
    form_key: int = 0

    def _scope(self, session: Session) -> tuple[int, int | None, list[str]]:
        """(platform id, store id or None, the languages edited here) from the guard's tenant."""
        raise NotImplementedError

    def _open(self, code: str) -> None:
        """The kind `code` (from the URL) in the first language; `found` False when unknown
        or not editable at this level."""
        self.found, self.errors = True, {}
        with session_scope() as session:
            platform_id, store_id, languages = self._scope(session)
            try:
                kind = get_kind(code)
            except ServiceError:
                self.found = False
                return
            if store_id is not None and not kind.store_overridable:
                self.found = False
                return
            self.kind, self.kind_name = code, kind_label(code, self.lang)
            self.variables = list(kind.variables)
            self.languages = languages
            self.language = languages[0] if languages else "en"
            self._read(session, platform_id, store_id)

    def _read(self, session: Session, platform_id: int, store_id: int | None) -> None:
        """The texts this level shows in `language`: its own, else the ones it inherits."""
        chosen = effective_texts(
            session, kind=self.kind, platform_id=platform_id, store_id=store_id, language=self.language
        )
        own = get_override(
            session, kind=self.kind, platform_id=platform_id, store_id=store_id, language=self.language
        )
        self.has_override = own is not None
        self.source = chosen.source
        self.texts = {part: chosen.texts.part(part) for part in PARTS}
        self.errors = {}
        self.form_key += 1
        self._render(session, platform_id, store_id)

    def _render(self, session: Session, platform_id: int, store_id: int | None) -> None:
        """The preview of `texts`; a refused text leaves the last preview and shows why."""
        try:
            shown = preview(session, kind=self.kind, platform_id=platform_id, store_id=store_id, **self.texts)
        except FieldErrors as error:
            self.errors = translated_errors(error, self.lang)
            return
        except ServiceError as error:  # a text that checks out but cannot render
            self.errors = {"body_html": translate(error.message_key, self.lang, **error.params)}
            return
        self.errors = {}
        self.preview_subject, self.preview_html, self.preview_text = (
            shown.subject,
            shown.body_html,
            shown.body_text,
        )

    def _pick(self, language: str) -> None:
        with session_scope() as session:
            platform_id, store_id, languages = self._scope(session)
            if language not in languages or not self.kind:
                return
            self.language = language
            self._read(session, platform_id, store_id)

    def _edit(self, part: str, value: str) -> None:
        if part not in PARTS or not self.kind:
            return
        self.texts = {**self.texts, part: str(value)}
        with session_scope() as session:
            platform_id, store_id, _languages = self._scope(session)
            self._render(session, platform_id, store_id)

    def _save(self, form: dict):
        if not self.kind:
            return None
        self.texts = {part: str(form.get(part, self.texts.get(part, ""))) for part in PARTS}
        try:
            with session_scope() as session:
                platform_id, store_id, _languages = self._scope(session)
                save_override(
                    session,
                    kind=self.kind,
                    platform_id=platform_id,
                    store_id=store_id,
                    language=self.language,
                    user_id=current_access().principal.user_id,
                    **self.texts,
                )
                self._read(session, platform_id, store_id)
        except FieldErrors as error:
            self.errors = translated_errors(error, self.lang)
            return rx.toast.error(translate("orion.error.invalid_input", self.lang))
        return rx.toast.success(translate("orion.saved", self.lang))

    def _reset(self):
        if not self.kind:
            return None
        with session_scope() as session:
            platform_id, store_id, _languages = self._scope(session)
            delete_override(
                session, kind=self.kind, platform_id=platform_id, store_id=store_id, language=self.language
            )
            self._read(session, platform_id, store_id)
        return rx.toast.success(translate("messaging.ui.editor.reset_done", self.lang))
