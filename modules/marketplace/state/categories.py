"""Store dashboard, import page: the feed-category table (google_product_category → category)."""

import reflex as rx

from modules.catalog.public import category_options
from modules.marketplace.services.categories import list_mappings, save_mapping
from modules.marketplace.state.common import IMPORT
from orion_app.db import session_scope
from orion_app.errors import FieldErrors
from orion_app.i18n import translate
from orion_app.ui.forms import translated_errors
from orion_app.ui.guard import current_access, guarded
from orion_app.ui.state import OrionState


class CategoryMappingState(OrionState):
    mappings: list[dict[str, str]] = []
    category_choices: list[dict[str, str]] = []
    errors: dict[str, str] = {}
    form_key: int = 0

    def _reload(self) -> None:
        store = current_access().tenant.store
        with session_scope() as session:
            self.category_choices = category_options(session, store.id, self.lang, store.default_language)
            rows = list_mappings(session, store.id)
        self.mappings = [
            {"feed_category": row.feed_category, "category_id": str(row.category_id or "")} for row in rows
        ]

    def _save(self, feed_category: str, category_id: str) -> None:
        with session_scope() as session:
            save_mapping(
                session,
                current_access().tenant.store.id,
                feed_category,
                int(category_id) if category_id.isdigit() else None,
                self.lang,
            )

    @rx.event
    @guarded(IMPORT, quiet=True)
    def load(self):
        self.errors = {}
        self._reload()

    @rx.event
    @guarded(IMPORT)
    def choose(self, feed_category: str, category_id: str):
        """One row's category picked in the table: saved at once."""
        try:
            self._save(feed_category, category_id)
        except FieldErrors as error:
            return rx.toast.error(next(iter(translated_errors(error, self.lang).values())))
        self._reload()
        return rx.toast.success(translate("marketplace.categories.saved", self.lang))

    @rx.event
    @guarded(IMPORT)
    def add(self, form: dict):
        """A feed category typed by the merchant before any feed brought it."""
        try:
            self._save(form.get("feed_category") or "", form.get("category_id") or "")
        except FieldErrors as error:
            self.errors = translated_errors(error, self.lang)
            return None
        self.errors = {}
        self.form_key += 1
        self._reload()
        return rx.toast.success(translate("marketplace.categories.saved", self.lang))
