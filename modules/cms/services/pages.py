"""Editing content pages: create, change, publish, schedule, revisions, delete.

A page belongs to an `Owner` (a store, or a platform for its own site and its store
defaults). Every function takes the owner and filters by it, so a page id from another
owner is "not found". Reading pages for visitors is in `services/resolve.py`.
"""

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import delete as sql_delete
from sqlmodel import Session, select

from modules.cms.models import CmsPage, CmsPageRevision, CmsPageText
from modules.cms.services import media
from modules.cms.services.grids import grid_categories
from modules.cms.services.scope import Owner
from orion_app.db import utcnow
from orion_app.errors import FieldErrors, NotFound, ServiceError
from orion_app.i18n import LANGUAGES

LEVELS = ("platform_page", "store_default", "store_page")
PLACEMENTS = ("header", "footer", "none")
STATUSES = ("draft", "published", "scheduled")
BLOCK_KINDS = ("text", "image", "image_text", "products", "cta")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
KEY = re.compile(r"^[a-z0-9_]{0,40}$")
MAX_BLOCKS = 40
MAX_TEXT = 50_000  # characters of Markdown in one block
MAX_GRID = 24  # products in one grid


@dataclass(frozen=True)
class PageText:
    lang: str
    slug: str
    title: str
    description: str
    blocks: tuple[dict, ...]


@dataclass(frozen=True)
class PageRecord:
    id: int
    level: str
    key: str
    placement: str
    position: int
    status: str
    publish_at: datetime | None
    texts: dict[str, PageText]
    updated_at: datetime

    def visible(self, now: datetime) -> bool:
        """Published, or scheduled and its time has come."""
        return self.status == "published" or (
            self.status == "scheduled" and self.publish_at is not None and _aware(self.publish_at) <= now
        )


@dataclass(frozen=True)
class RevisionRecord:
    id: int
    author_name: str
    created_at: datetime
    status: str
    title: str


@dataclass(frozen=True)
class PageInput:
    """What an editor sends: settings and each language's text (blocks as dicts)."""

    key: str = ""
    placement: str = "none"
    position: int = 0
    status: str = "draft"
    publish_at: datetime | None = None
    texts: dict[str, dict] | None = None  # lang -> {"slug", "title", "description", "blocks"}


def levels_of(owner: Owner) -> tuple[str, ...]:
    """The levels an owner's pages may have: a store's own pages; a platform's site and defaults."""
    return ("store_page",) if owner.store_id is not None else ("platform_page", "store_default")


def space_of(owner: Owner, level: str) -> str:
    """Where a slug must be unique: one store, one platform's site, one platform's defaults."""
    if owner.store_id is not None:
        return f"store:{owner.store_id}"
    return f"{'defaults' if level == 'store_default' else 'platform'}:{owner.platform_id}"


def pages_of(session: Session, owner: Owner, level: str | None = None) -> list[PageRecord]:
    """The owner's pages (of one level when given), by menu and position."""
    query = select(CmsPage).where(owner.where(CmsPage))
    if level:
        query = query.where(CmsPage.level == level)
    rows = list(session.exec(query.order_by(CmsPage.placement, CmsPage.position, CmsPage.id)).all())
    return _records(session, rows)


def page_of(session: Session, owner: Owner, page_id: int) -> PageRecord:
    return _records(session, [_row(session, owner, page_id)])[0]


def save_page(
    session: Session,
    owner: Owner,
    page_id: int | None,
    data: PageInput,
    *,
    level: str,
    languages: tuple[str, ...],
    author_user_id: int | None = None,
    author_name: str = "",
    catalog_enabled: bool = False,
) -> PageRecord:
    """Create (`page_id` None) or change a page with all its languages, and keep a revision.

    Refused next to its field: bad settings, a slug taken in this owner and language, a
    block that is not valid (a product grid's category must be one the store has: checked
    here, whatever the editor sent), and publishing (or scheduling) a page whose images lack alt
    text in one of its languages. Nothing is saved when anything is refused."""
    if level not in levels_of(owner):
        raise ServiceError("cms.error.level")
    row = _row(session, owner, page_id) if page_id is not None else None
    texts = {
        lang: text for lang, text in (data.texts or {}).items() if lang in languages and lang in LANGUAGES
    }
    errors: dict[str, str] = {}
    params: dict[str, dict] = {}
    if data.placement not in PLACEMENTS:
        errors["placement"] = "cms.error.placement"
    if data.status not in STATUSES:
        errors["status"] = "cms.error.status"
    if data.status == "scheduled" and data.publish_at is None:
        errors["publish_at"] = "cms.error.publish_at"
    if not KEY.match(data.key or ""):
        errors["key"] = "cms.error.key"
    if not -1000 <= data.position <= 1000:
        errors["position"] = "cms.error.position"
    if not texts:
        errors["texts"] = "cms.error.no_language"
    space = space_of(owner, level)
    categories = _grid_categories(session, owner, texts) if catalog_enabled else frozenset()
    for lang, text in texts.items():
        _check_text(session, space, row.id if row else None, lang, text, catalog_enabled, categories, errors)
    if data.status != "draft" and not errors:
        _check_alt(session, owner, texts, errors, params)
    if errors:
        raise FieldErrors(errors, params)
    now = utcnow()
    if row is None:
        row = CmsPage(store_id=owner.store_id, platform_id=owner.platform_id, level=level, created_at=now)
    row.key = data.key or ""
    row.placement = data.placement
    row.position = data.position
    row.status = data.status
    row.publish_at = data.publish_at if data.status == "scheduled" else None
    row.updated_at = now
    session.add(row)
    session.flush()
    _write_texts(session, row, space, texts)
    record = _records(session, [row])[0]
    session.add(
        CmsPageRevision(
            page_id=row.id,
            snapshot=_snapshot(record),
            author_user_id=author_user_id,
            author_name=author_name[:120],
            created_at=now,
        )
    )
    media.record_usage(session, owner, _media_ids(texts.values()), f"page:{row.id}")  # commits
    return record


def revisions(session: Session, owner: Owner, page_id: int) -> list[RevisionRecord]:
    """The page's saved states, newest first."""
    row = _row(session, owner, page_id)
    found = session.exec(
        select(CmsPageRevision).where(CmsPageRevision.page_id == row.id).order_by(CmsPageRevision.id.desc())
    ).all()
    return [
        RevisionRecord(
            id=r.id,
            author_name=r.author_name,
            created_at=_aware(r.created_at),
            status=r.snapshot.get("status", ""),
            title=next(iter(r.snapshot.get("texts", {}).values()), {}).get("title", ""),
        )
        for r in found
    ]


def restore_revision(
    session: Session,
    owner: Owner,
    page_id: int,
    revision_id: int,
    *,
    languages: tuple[str, ...],
    author_user_id: int | None = None,
    author_name: str = "",
    catalog_enabled: bool = False,
) -> PageRecord:
    """Make the page what it was at that revision (as a new revision, the same checks)."""
    row = _row(session, owner, page_id)
    revision = session.exec(
        select(CmsPageRevision).where(CmsPageRevision.id == revision_id, CmsPageRevision.page_id == row.id)
    ).first()
    if revision is None:
        raise NotFound()
    snap = revision.snapshot
    publish_at = datetime.fromisoformat(snap["publish_at"]) if snap.get("publish_at") else None
    data = PageInput(
        key=snap.get("key", ""),
        placement=snap.get("placement", "none"),
        position=int(snap.get("position", 0)),
        status=snap.get("status", "draft"),
        publish_at=publish_at,
        texts=snap.get("texts", {}),
    )
    return save_page(
        session,
        owner,
        row.id,
        data,
        level=row.level,
        languages=languages,
        author_user_id=author_user_id,
        author_name=author_name,
        catalog_enabled=catalog_enabled,
    )


def delete_page(session: Session, owner: Owner, page_id: int) -> None:
    """Delete a page, its texts and revisions; its images are no longer used by it."""
    row = _row(session, owner, page_id)
    used_by = f"page:{row.id}"
    session.exec(sql_delete(CmsPageText).where(CmsPageText.page_id == row.id))
    session.exec(sql_delete(CmsPageRevision).where(CmsPageRevision.page_id == row.id))
    session.delete(row)
    media.record_usage(session, owner, set(), used_by)  # commits the whole deletion


def blank_block(kind: str) -> dict:
    """A new block of that kind, as the editor adds it."""
    if kind not in BLOCK_KINDS:
        raise ServiceError("cms.error.block_kind")
    return {
        "text": {"kind": "text", "text": ""},
        "image": {"kind": "image", "media_id": 0},
        "image_text": {"kind": "image_text", "media_id": 0, "text": ""},
        "products": {"kind": "products", "category": "", "skus": "", "limit": 8},
        "cta": {"kind": "cta", "label": "", "href": ""},
    }[kind]


def _check_text(
    session: Session,
    space: str,
    page_id: int | None,
    lang: str,
    text: dict,
    catalog: bool,
    categories: frozenset[str],
    errors: dict,
) -> None:
    slug = str(text.get("slug", "")).strip()
    title = str(text.get("title", "")).strip()
    if not SLUG.match(slug) or len(slug) > 80:
        errors[f"slug.{lang}"] = "cms.error.slug_format"
    else:
        taken = session.exec(
            select(CmsPageText.page_id).where(
                CmsPageText.space == space, CmsPageText.lang == lang, CmsPageText.slug == slug
            )
        ).first()
        if taken is not None and taken != page_id:
            errors[f"slug.{lang}"] = "cms.error.slug_taken"
    if not title or len(title) > 160:
        errors[f"title.{lang}"] = "cms.error.title"
    if len(str(text.get("description", ""))) > 300:
        errors[f"description.{lang}"] = "cms.error.description"
    blocks = text.get("blocks") or []
    if not isinstance(blocks, list | tuple) or len(blocks) > MAX_BLOCKS:
        errors[f"blocks.{lang}"] = "cms.error.blocks"
        return
    for i, block in enumerate(blocks):
        problem = _block_problem(block, catalog, categories)
        if problem:
            errors[f"block.{lang}.{i}"] = problem


def _grid_categories(session: Session, owner: Owner, texts: dict) -> frozenset[str]:
    """The slugs of the store's categories, read only when a product grid names one."""
    named = any(
        isinstance(b, dict) and b.get("kind") == "products" and str(b.get("category") or "").strip()
        for text in texts.values()
        for b in text.get("blocks") or []
    )
    if not named or owner.store_id is None:
        return frozenset()
    return frozenset(c["value"] for c in grid_categories(session, owner.store_id, "en"))


def _block_problem(block, catalog: bool, categories: frozenset[str] = frozenset()) -> str:
    if not isinstance(block, dict) or block.get("kind") not in BLOCK_KINDS:
        return "cms.error.block_kind"
    kind = block["kind"]
    if kind in ("text", "image_text") and len(str(block.get("text", ""))) > MAX_TEXT:
        return "cms.error.text_long"
    if kind in ("image", "image_text") and _int(block.get("media_id")) <= 0:
        return "cms.error.image_missing"
    if kind == "products":
        if not catalog:
            return "cms.error.catalog_off"
        if not 1 <= _int(block.get("limit")) <= MAX_GRID:
            return "cms.error.grid_limit"
        category = str(block.get("category") or "").strip()
        if category and str(block.get("skus") or "").strip():
            return "cms.error.grid_both"
        if category and category not in categories:
            return "cms.error.grid_category"
    if kind == "cta":
        from modules.cms.services.render import safe_link

        if not str(block.get("label", "")).strip() or len(str(block.get("label", ""))) > 80:
            return "cms.error.cta_label"
        if not safe_link(str(block.get("href", ""))):
            return "cms.error.cta_link"
    return ""


def _check_alt(session: Session, owner: Owner, texts: dict, errors: dict, params: dict) -> None:
    """Every image of a page has alt text in each of the page's languages, or it stays a draft."""
    ids = _media_ids(texts.values())
    if not ids:
        return
    languages = sorted(texts)
    known = {m.id for m in media.media_of(session, owner, sorted(ids))}
    missing = media.missing_alt(session, owner, sorted(ids & known), languages)
    for lang, text in texts.items():
        for i, block in enumerate(text.get("blocks") or []):
            media_id = _int(block.get("media_id")) if isinstance(block, dict) else 0
            if not media_id:
                continue
            if media_id not in known:
                errors[f"block.{lang}.{i}"] = "cms.error.image_unknown"
            elif missing.get(media_id):
                errors[f"block.{lang}.{i}"] = "cms.error.alt_missing"
                params[f"block.{lang}.{i}"] = {"languages": ", ".join(missing[media_id])}


def _write_texts(session: Session, row: CmsPage, space: str, texts: dict) -> None:
    """Replace the page's texts by `texts` (a language left out is removed)."""
    existing = {
        t.lang: t for t in session.exec(select(CmsPageText).where(CmsPageText.page_id == row.id)).all()
    }
    for lang, old in existing.items():
        if lang not in texts:
            session.delete(old)
    session.flush()
    for lang, text in texts.items():
        target = existing.get(lang) or CmsPageText(page_id=row.id, lang=lang)
        target.space = space
        target.slug = str(text.get("slug", "")).strip()
        target.title = str(text.get("title", "")).strip()
        target.description = str(text.get("description", "")).strip()
        target.blocks = [dict(b) for b in text.get("blocks") or []]
        session.add(target)
    session.flush()


def _row(session: Session, owner: Owner, page_id: int) -> CmsPage:
    row = session.exec(select(CmsPage).where(owner.where(CmsPage), CmsPage.id == _int(page_id))).first()
    if row is None:
        raise NotFound()
    return row


def _records(session: Session, rows: list[CmsPage], *, blocks: bool = True) -> list[PageRecord]:
    """The pages' records with their texts; `blocks=False`: without the bodies (`blocks` left
    empty), for menus, which need only slugs and titles."""
    ids = [r.id for r in rows]
    texts: dict[int, dict[str, PageText]] = {i: {} for i in ids}
    if ids:
        columns = [CmsPageText.page_id, CmsPageText.lang, CmsPageText.slug, CmsPageText.title]
        columns += [CmsPageText.description, *([CmsPageText.blocks] if blocks else [])]
        query = select(*columns).where(CmsPageText.page_id.in_(ids))
        for page_id, lang, slug, title, description, *body in session.exec(query):
            content = tuple(body[0] or ()) if body else ()
            texts[page_id][lang] = PageText(lang, slug, title, description, content)
    return [
        PageRecord(
            id=r.id,
            level=r.level,
            key=r.key,
            placement=r.placement,
            position=r.position,
            status=r.status,
            publish_at=_aware(r.publish_at) if r.publish_at else None,
            texts=texts[r.id],
            updated_at=_aware(r.updated_at),
        )
        for r in rows
    ]


def _snapshot(record: PageRecord) -> dict:
    return {
        "key": record.key,
        "placement": record.placement,
        "position": record.position,
        "status": record.status,
        "publish_at": record.publish_at.isoformat() if record.publish_at else None,
        "texts": {
            lang: {"slug": t.slug, "title": t.title, "description": t.description, "blocks": list(t.blocks)}
            for lang, t in record.texts.items()
        },
    }


def _media_ids(texts) -> set[int]:
    return {
        _int(b.get("media_id"))
        for text in texts
        for b in (text.get("blocks") if isinstance(text, dict) else text.blocks) or []
        if isinstance(b, dict) and _int(b.get("media_id")) > 0
    }


def _aware(moment: datetime) -> datetime:
    """SQLite hands datetimes back naive; they were stored in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0
