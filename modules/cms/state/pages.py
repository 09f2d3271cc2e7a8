"""The store's content pages: the list (its own pages and the platform's defaults it shows),
and the editor (a tab per language, blocks, live preview, status and schedule, revisions).

The draft being edited lives in `_drafts` (every language) and the current tab's fields in
public vars; only saving, previewing and restoring touch the database, always re-scoped to
the store the guard resolved."""

from datetime import datetime
from zoneinfo import ZoneInfo

import reflex as rx

from modules.cms.services import media
from modules.cms.services.grids import grid_categories, grid_sources
from modules.cms.services.legal import fill, store_fields
from modules.cms.services.pages import (
    BLOCK_KINDS,
    PageInput,
    blank_block,
    delete_page,
    page_of,
    pages_of,
    restore_revision,
    revisions,
    save_page,
)
from modules.cms.services.resolve import STOREFRONT_PAGE_PATH, Visitor, preview_html
from modules.cms.services.scope import Owner
from modules.cms.state.site import visitor_of
from orion_app.db import session_scope
from orion_app.errors import FieldErrors, NotFound, ServiceError
from orion_app.i18n import translate
from orion_app.ui.forms import translated_errors
from orion_app.ui.guard import current_access, guarded, ui_only
from orion_app.ui.state import OrionState

MANAGE = "cms.pages.manage"
# Scheduled times are entered and shown in Luxembourg time and stored in UTC.
ZONE = ZoneInfo("Europe/Luxembourg")
TEXT_FIELDS = ("slug", "title", "description")
BLOCK_FIELDS = ("text", "media_id", "category", "skus", "limit", "label", "href")


def _status_label(status: str, lang: str) -> str:
    return translate(f"cms.status.{status}", lang)


class PagesState(OrionState):
    rows: list[dict[str, str]] = []
    defaults: list[dict[str, str]] = []  # the platform's defaults this store shows as they are
    editing: bool = False
    page_id: int = 0
    key: str = ""
    placement: str = "none"
    position: str = "0"
    status: str = "draft"
    publish_at: str = ""  # datetime-local text, Luxembourg time
    languages: list[str] = []
    tab: str = ""
    slug: str = ""
    title: str = ""
    description: str = ""
    blocks: list[dict[str, str]] = []
    block_kinds: list[str] = list(BLOCK_KINDS)
    images: list[dict[str, str]] = []  # {"id", "label"}: the store's media library
    grids: bool = False  # product grids possible (catalog enabled)
    categories: list[dict[str, str]] = []  # {"value": slug, "label"}: what a grid may show
    category_slugs: list[str] = []  # the same slugs: a grid's category not among them is gone
    preview: str = ""
    errors: dict[str, str] = {}
    other_tab_errors: str = ""
    history: list[dict[str, str]] = []
    form_key: int = 0
    _drafts: dict[str, dict] = {}

    # ------------------------------------------------------------------ list

    @rx.event
    @guarded(MANAGE, quiet=True)
    def load(self):
        self.editing = False
        self._reload()

    # What a subclass (the admin's platform pages) changes: whose pages, which level, where.
    def _owner(self, session) -> Owner:
        return Owner.store(current_access().tenant.store.id)

    def _level(self) -> str:
        return "store_page"

    def _visitor(self, session) -> Visitor:
        return visitor_of(current_access(), self.tab)

    def _prefix(self) -> str:
        return STOREFRONT_PAGE_PATH

    def _reload(self) -> None:
        access = current_access()
        store = access.tenant.store
        self.languages = list(store.languages)
        enabled = frozenset(access.enabled)
        self.grids = bool(grid_sources(enabled))
        with session_scope() as session:
            self.categories = (
                grid_categories(session, store.id, self.lang, store.default_language, enabled)
                if self.grids
                else []
            )
            self.category_slugs = [c["value"] for c in self.categories]
            own = pages_of(session, self._owner(session))
            defaults = pages_of(session, Owner.platform(access.tenant.platform.id), "store_default")
            fields = store_fields(session, store.id, access.tenant.platform.id, frozenset(access.enabled))
            self.images = [
                {"id": str(m.id), "label": m.filename} for m in media.media_of(session, self._owner(session))
            ]
        overridden = {p.key for p in own if p.key}
        self.rows = [self._row(p) for p in own]
        self.defaults = [
            {
                "id": str(p.id),
                "title": fill(self._text(p).title, fields, ""),
                "status": _status_label(p.status, self.lang),
            }
            for p in defaults
            if p.key not in overridden and p.texts
        ]

    def _text(self, page):
        return (
            page.texts.get(self.lang)
            or page.texts.get(self.languages[0] if self.languages else "")
            or next(iter(page.texts.values()))
        )

    def _row(self, page) -> dict[str, str]:
        text = self._text(page)
        return {
            "id": str(page.id),
            "title": text.title,
            "slug": self._prefix() + text.slug,
            "status": _status_label(page.status, self.lang),
            "placement": translate(f"cms.placement.{page.placement}", self.lang),
            "languages": ", ".join(sorted(page.texts)).upper(),
        }

    # ------------------------------------------------------------------ open

    @rx.event
    @ui_only
    def new_page(self):
        if self.languages:  # the list has loaded
            self._open(0, "", "none", 0, "draft", None, {})

    @rx.event
    @guarded(MANAGE)
    def open_page(self, page_id: int):
        return self._open_page(page_id)

    def _open_page(self, page_id: int):
        try:
            with session_scope() as session:
                owner = self._owner(session)
                page = page_of(session, owner, int(page_id))
                history = revisions(session, owner, page.id)
        except (NotFound, ValueError, TypeError):
            return rx.toast.error(translate("orion.error.not_found", self.lang))
        self._open_record(page)
        self._show_history(history)
        return None

    @rx.event
    @guarded(MANAGE)
    def adapt_default(self, page_id: int):
        """Start the store's own version of a platform default: its texts with the store's
        fields filled in, as a draft with the same key (saving it replaces the default)."""
        access = current_access()
        try:
            with session_scope() as session:
                page = page_of(session, Owner.platform(access.tenant.platform.id), int(page_id))
                fields = store_fields(
                    session, access.tenant.store.id, access.tenant.platform.id, frozenset(access.enabled)
                )
        except (NotFound, ValueError, TypeError):
            return rx.toast.error(translate("orion.error.not_found", self.lang))
        if page.level != "store_default":
            return rx.toast.error(translate("orion.error.not_found", self.lang))
        texts = {
            lang: {
                "slug": t.slug,
                "title": fill(t.title, fields, ""),
                "description": fill(t.description, fields, ""),
                "blocks": [
                    {**b, "text": fill(str(b["text"]), fields)} if "text" in b else dict(b) for b in t.blocks
                ],
            }
            for lang, t in page.texts.items()
            if lang in self.languages
        }
        self._open(0, page.key, page.placement, page.position, "draft", None, texts)
        return None

    def _open_record(self, page) -> None:
        texts = {
            lang: {"slug": t.slug, "title": t.title, "description": t.description, "blocks": list(t.blocks)}
            for lang, t in page.texts.items()
        }
        self._open(page.id, page.key, page.placement, page.position, page.status, page.publish_at, texts)

    def _open(self, page_id, key, placement, position, status, publish_at, texts: dict[str, dict]) -> None:
        """Show a page in the editor; `texts`: language -> slug, title, description, blocks."""
        previous = self.tab if self.editing else ""
        self._drafts = {
            lang: {
                "slug": t["slug"],
                "title": t["title"],
                "description": t.get("description", ""),
                "blocks": [dict(b) for b in t.get("blocks", [])],
            }
            for lang, t in texts.items()
        }
        self.page_id, self.key, self.placement = int(page_id), key, placement
        self.position, self.status = str(position), status
        self.publish_at = publish_at.astimezone(ZONE).strftime("%Y-%m-%dT%H:%M") if publish_at else ""
        self.errors, self.other_tab_errors, self.preview, self.history = {}, "", "", []
        self.editing = True
        self.tab = ""
        # The tab open before (after a save), else the user's language, when the page has
        # it; else the first language it has.
        order = [lang for lang in [previous, self.lang, *self.languages] if lang in self.languages]
        self._show_tab(next((lang for lang in order if lang in self._drafts), order[0]))

    def _show_history(self, history) -> None:
        self.history = [
            {
                "id": str(r.id),
                "when": r.created_at.astimezone(ZONE).strftime("%Y-%m-%d %H:%M"),
                "who": r.author_name,
                "status": _status_label(r.status, self.lang) if r.status else "",
                "title": r.title,
            }
            for r in history
        ]

    # ------------------------------------------------------------------ editing (view state)

    def _keep_tab(self) -> None:
        if not self.tab:
            return
        self._drafts = {
            **self._drafts,
            self.tab: {
                "slug": self.slug,
                "title": self.title,
                "description": self.description,
                "blocks": [dict(b) for b in self.blocks],
            },
        }

    def _show_tab(self, lang: str) -> None:
        self._keep_tab()
        draft = self._drafts.get(lang) or {"slug": "", "title": "", "description": "", "blocks": []}
        self.tab = lang
        self.slug, self.title, self.description = draft["slug"], draft["title"], draft["description"]
        self.blocks = [
            {k: str(v) for k, v in ({"category": ""} | b if b.get("kind") == "products" else b).items()}
            for b in draft["blocks"]
        ]
        self.form_key += 1

    @rx.event
    @ui_only
    def set_tab(self, lang: str):
        if lang in self.languages and lang != self.tab:
            self._show_tab(lang)

    @rx.event
    @ui_only
    def close(self):
        self.editing = False

    @rx.event
    @ui_only
    def set_setting(self, name: str, value: str):
        if name in ("key", "placement", "position", "status", "publish_at"):
            setattr(self, name, str(value)[:40])

    @rx.event
    @ui_only
    def set_text(self, name: str, value: str):
        if name in TEXT_FIELDS:
            setattr(self, name, str(value)[:300])

    @rx.event
    @ui_only
    def set_block(self, index: int, name: str, value: str):
        index = int(index)
        if name in BLOCK_FIELDS and 0 <= index < len(self.blocks):
            blocks = [dict(b) for b in self.blocks]
            blocks[index][name] = str(value)[:50_000]
            self.blocks = blocks

    @rx.event
    @ui_only
    def add_block(self, kind: str):
        if kind in BLOCK_KINDS and len(self.blocks) < 40:
            self.blocks = [*self.blocks, {k: str(v) for k, v in blank_block(kind).items()}]
            self.form_key += 1

    @rx.event
    @ui_only
    def move_block(self, index: int, step: int):
        index, target = int(index), int(index) + int(step)
        if 0 <= index < len(self.blocks) and 0 <= target < len(self.blocks):
            blocks = list(self.blocks)
            blocks[index], blocks[target] = blocks[target], blocks[index]
            self.blocks = blocks
            self.form_key += 1

    @rx.event
    @ui_only
    def remove_block(self, index: int):
        index = int(index)
        if 0 <= index < len(self.blocks):
            self.blocks = [b for i, b in enumerate(self.blocks) if i != index]
            self.form_key += 1

    # ------------------------------------------------------------------ database

    def _input(self) -> PageInput:
        self._keep_tab()
        publish_at = None
        if self.publish_at:
            try:
                publish_at = datetime.fromisoformat(self.publish_at).replace(tzinfo=ZONE)
            except ValueError:
                publish_at = None
        try:
            position = int(self.position or 0)
        except ValueError:
            position = 10_000  # refused next to the field
        texts = {
            lang: draft for lang, draft in self._drafts.items() if draft.get("title") or draft.get("slug")
        }
        return PageInput(self.key, self.placement, position, self.status, publish_at, texts)

    @rx.event
    @guarded(MANAGE)
    def refresh_preview(self):
        self._refresh_preview()

    def _refresh_preview(self) -> None:
        """The current tab rendered by the public renderer (sanitised), images and grids included."""
        self._keep_tab()
        with session_scope() as session:
            blocks = self._drafts.get(self.tab, {}).get("blocks", [])
            self.preview = preview_html(
                session, self._owner(session), blocks, self.tab, self._visitor(session)
            )

    @rx.event
    @guarded(MANAGE)
    def save(self):
        return self._save()

    def _save(self):
        data = self._input()
        return self._write(
            lambda session, owner, who: save_page(
                session, owner, self.page_id or None, data, level=self._level(), **who
            ),
            "cms.editor.saved",
        )

    def _write(self, action, done_key: str):
        """Run a save or a restore (`action(session, owner, author and rules)`), then show the
        saved page and its revisions, or the refusals next to their fields."""
        access = current_access()
        who = {
            "languages": tuple(self.languages),
            "author_user_id": access.principal.user_id,
            "author_name": access.principal.name,
            "catalog_enabled": self.grids,
        }
        try:
            with session_scope() as session:
                owner = self._owner(session)
                record = action(session, owner, who)
                history = revisions(session, owner, record.id)
        except FieldErrors as error:
            self._show_errors(translated_errors(error, self.lang))
            return rx.toast.error(translate("cms.editor.not_saved", self.lang))
        except (NotFound, ValueError, TypeError):
            return rx.toast.error(translate("orion.error.not_found", self.lang))
        except ServiceError as error:
            return rx.toast.error(translate(error.message_key, self.lang, **error.params))
        self._open_record(record)
        self._show_history(history)
        self._reload()
        self.editing = True
        return rx.toast.success(translate(done_key, self.lang))

    def _show_errors(self, errors: dict[str, str]) -> None:
        """Errors of this tab next to their fields (`slug`, `block.2`), settings' as they are;
        the other languages with problems named above the form."""
        mine, others = {}, set()
        for name, message in errors.items():
            parts = name.split(".")
            if len(parts) >= 2 and parts[1] in self.languages:
                if parts[1] == self.tab:
                    mine[".".join([parts[0], *parts[2:]])] = message
                else:
                    others.add(parts[1].upper())
            else:
                mine[name] = message
        self.errors = mine
        self.other_tab_errors = (
            translate("cms.editor.other_tabs", self.lang, languages=", ".join(sorted(others)))
            if others
            else ""
        )

    @rx.event
    @guarded(MANAGE)
    def restore(self, revision_id: int):
        return self._restore(revision_id)

    def _restore(self, revision_id: int):
        return self._write(
            lambda session, owner, who: restore_revision(
                session, owner, self.page_id, int(revision_id), **who
            ),
            "cms.editor.restored",
        )

    @rx.event
    @guarded(MANAGE)
    def delete(self):
        return self._delete()

    def _delete(self):
        try:
            with session_scope() as session:
                delete_page(session, self._owner(session), self.page_id)
        except NotFound:
            return rx.toast.error(translate("orion.error.not_found", self.lang))
        self.editing = False
        self._reload()
        return rx.toast.success(translate("cms.editor.deleted", self.lang))
