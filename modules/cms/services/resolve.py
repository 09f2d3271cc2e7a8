"""Pages as visitors get them: which page a slug names, in which language, rendered.

A storefront shows the store's own pages and, for each default of its platform that it has
not overridden (same `key`), the default filled with the store's fields: store page →
platform default → none. A platform's site shows its platform pages. Only pages that are
published, or scheduled with their time come (`now`, injectable for tests), are seen.
Languages: the visitor's, then the store's default, then its other languages, then any.

Every public page shows the site's menus: `site_menus` remembers them per process (the
framework's access cache, scope "cms", dropped in every process by a commit touching the cms
tables, see `modules/cms/models`), so a warm page load reads no page at all. The editors read
through `services/pages.py`, never through this cache.
"""

from dataclasses import dataclass, replace
from datetime import datetime

from sqlmodel import Session, select

from modules.cms.models import CmsPage
from modules.cms.services import media
from modules.cms.services.grids import grid_sources
from modules.cms.services.legal import fill, store_fields
from modules.cms.services.pages import PageRecord, PageText, _records
from modules.cms.services.render import ImageView, ProductCard, blocks_html
from modules.cms.services.scope import Owner
from orion_app import access_cache
from orion_app.db import session_scope, utcnow
from orion_app.i18n import LANGUAGES
from orion_app.ui.format import money

# Where a storefront serves a CMS page (under the store's base) and a platform its site's pages.
STOREFRONT_PAGE_PATH = "p/"
PLATFORM_PAGE_PATH = "pages/"
# Platform pages with a place of their own on the platform site (home, /about, /contact),
# listed by the platform's page menu rather than as CMS links.
PLATFORM_KEYS = ("home", "about", "contact")


@dataclass(frozen=True)
class PublicPage:
    id: int
    key: str
    level: str
    lang: str
    slug: str
    title: str
    description: str
    html: str
    slugs: dict[str, str]  # lang -> slug, for the language alternates


@dataclass(frozen=True)
class MenuLink:
    label: str
    path: str  # under the frontend's base
    placement: str


@dataclass(frozen=True)
class SiteMenus:
    """A site's header and footer links, in order (immutable: shared by every page load)."""

    header: tuple[MenuLink, ...] = ()
    footer: tuple[MenuLink, ...] = ()


@dataclass(frozen=True)
class Visitor:
    """Whose site, in which languages, and what else the page may show."""

    platform_id: int
    store_id: int | None = None
    languages: tuple[str, ...] = LANGUAGES  # in the order to try
    base: str = "/"  # the frontend's URL prefix (product links in grids)
    enabled: frozenset[str] = frozenset()  # modules enabled on the platform (product grids)
    now: datetime | None = None

    @property
    def lang(self) -> str:
        return self.languages[0]


def language_order(lang: str, default: str = "", available: tuple[str, ...] = LANGUAGES) -> tuple[str, ...]:
    """The visitor's language first (when the site offers it), then the default, then the
    site's other languages in their order."""
    order = [lang if lang in available else "", default, *available]
    return tuple(dict.fromkeys(code for code in order if code))


def visible_pages(session: Session, visitor: Visitor) -> list[PageRecord]:
    """The pages a visitor may see on this site, overrides replacing the defaults they name."""
    return _site_pages(session, visitor)[0]


def _site_pages(
    session: Session, visitor: Visitor, *, blocks: bool = True
) -> tuple[list[PageRecord], datetime | None]:
    """The pages a visitor may see now (a store's own first, then the defaults it does not
    override), and when the next of the site's scheduled pages appears (None: none waits).
    `blocks=False`: without the pages' bodies (menus). Drafts are never read."""
    now = visitor.now or utcnow()
    if visitor.store_id is None:
        site = (CmsPage.platform_id == visitor.platform_id) & (CmsPage.level == "platform_page")
    else:
        site = (CmsPage.store_id == visitor.store_id) | (
            (CmsPage.platform_id == visitor.platform_id) & (CmsPage.level == "store_default")
        )
    rows = session.exec(
        select(CmsPage).where(site, CmsPage.status.in_(("published", "scheduled"))).order_by(CmsPage.id)
    ).all()
    pages = _records(session, list(rows), blocks=blocks)
    upcoming = min((p.publish_at for p in pages if not p.visible(now) and p.publish_at), default=None)
    shown = [p for p in pages if p.visible(now)]
    own = [p for p in shown if p.level == "store_page"]
    overridden = {p.key for p in own if p.key}
    return own + [p for p in shown if p.level != "store_page" and p.key not in overridden], upcoming


def pick_text(page: PageRecord, languages: tuple[str, ...]) -> PageText | None:
    for lang in languages:
        if lang in page.texts:
            return page.texts[lang]
    return next(iter(page.texts.values()), None)


def find_page(session: Session, visitor: Visitor, *, slug: str = "", key: str = "") -> PublicPage | None:
    """The page with this slug (in any language) or key on the visitor's site, rendered in
    the visitor's language (or the next one it has); None when there is none to show."""
    for page in visible_pages(session, visitor):
        if (key and page.key == key) or (slug and any(t.slug == slug for t in page.texts.values())):
            return render_page(session, visitor, page)
    return None


def render_page(session: Session, visitor: Visitor, page: PageRecord) -> PublicPage:
    text = pick_text(page, visitor.languages)
    fields = (
        store_fields(session, visitor.store_id, visitor.platform_id, visitor.enabled)
        if page.level == "store_default"
        else None
    )
    blocks = [dict(b) for b in text.blocks]
    if fields is not None:
        for block in blocks:
            if "text" in block:
                block["text"] = fill(str(block["text"]), fields)
    owner = (
        Owner.store(visitor.store_id) if page.level == "store_page" else Owner.platform(visitor.platform_id)
    )
    html = blocks_html(
        blocks, _images(session, owner, blocks, text.lang), _products(session, visitor, blocks)
    )
    plain = (lambda s: fill(s, fields, "")) if fields is not None else (lambda s: s)
    return PublicPage(
        id=page.id,
        key=page.key,
        level=page.level,
        lang=text.lang,
        slug=text.slug,
        title=plain(text.title),
        description=plain(text.description),
        html=html,
        slugs={lang: t.slug for lang, t in page.texts.items()},
    )


def preview_html(session: Session, owner: Owner, blocks: list[dict], lang: str, visitor: Visitor) -> str:
    """The editor's live preview: the same renderer and sanitiser as the public page."""
    return blocks_html(blocks, _images(session, owner, blocks, lang), _products(session, visitor, blocks))


def menus(session: Session, visitor: Visitor) -> dict[str, list[MenuLink]]:
    """Header and footer links of the visitor's site, by position, in the visitor's language."""
    found = _menus(session, visitor).value
    return {"header": list(found.header), "footer": list(found.footer)}


def site_menus(visitor: Visitor) -> SiteMenus:
    """`menus` as a public page load reads them, at the clock's time (not `visitor.now`):
    remembered per process until a CMS page changes, the next scheduled page appears, or (when
    the store's fields filled a title: they are other modules' facts) a minute passes."""
    access_cache.refresh()
    return access_cache.cached(
        "menus",
        (visitor.platform_id, visitor.store_id, visitor.languages, visitor.enabled),
        lambda: _menus_now(visitor),
        scope="cms",
    )


def _menus_now(visitor: Visitor) -> access_cache.Expiring:
    with session_scope() as session:
        return _menus(session, replace(visitor, now=utcnow()))


def _menus(session: Session, visitor: Visitor) -> access_cache.Expiring:
    """The site's menus, and the seconds they hold: until the next scheduled page appears, at
    most `PRINCIPAL_TTL_SECONDS` when a title was filled with the store's fields."""
    found: dict[str, list[tuple[int, int, MenuLink]]] = {"header": [], "footer": []}
    prefix = STOREFRONT_PAGE_PATH if visitor.store_id is not None else PLATFORM_PAGE_PATH
    fields: dict[str, str] = {}
    now = visitor.now or utcnow()
    pages, upcoming = _site_pages(session, replace(visitor, now=now), blocks=False)
    for page in pages:
        if page.placement not in found:
            continue
        text = pick_text(page, visitor.languages)
        if text is None:
            continue
        if visitor.store_id is None and page.key in PLATFORM_KEYS:
            continue  # home, about and contact are in the platform's own menu already
        path = prefix + text.slug
        title = text.title
        if page.level == "store_default" and "{{" in title:  # read the store's fields only then
            fields = fields or store_fields(session, visitor.store_id, visitor.platform_id, visitor.enabled)
            title = fill(title, fields, "")
        found[page.placement].append((page.position, page.id, MenuLink(title, path, page.placement)))
    links = {placement: tuple(link for *_, link in sorted(entries)) for placement, entries in found.items()}
    seconds = [(upcoming - now).total_seconds()] if upcoming else []
    if fields:  # other modules' facts (an address from orders): held as long as the guard's
        seconds.append(access_cache.PRINCIPAL_TTL_SECONDS)
    return access_cache.Expiring(SiteMenus(**links), min(seconds, default=None))


def _images(session: Session, owner: Owner, blocks: list[dict], lang: str) -> dict[int, ImageView]:
    ids = sorted({_int(b.get("media_id")) for b in blocks if _int(b.get("media_id")) > 0})
    if not ids:
        return {}
    views = {}
    for record in media.media_of(session, owner, ids):
        src = record.urls.get("lg") or record.urls.get("md") or next(iter(record.urls.values()), "")
        alt = record.alt.get(lang) or next(iter(record.alt.values()), "")
        views[record.id] = ImageView(src, alt, record.width, record.height)
    return views


def _products(session: Session, visitor: Visitor, blocks: list[dict]) -> dict[int, list[ProductCard]]:
    """The cards of each product grid, from the enabled module contributing `product_grid`
    (catalog): a category's products, else hand-picked SKUs in their order, else the store's
    first products. A category the store no longer has shows nothing."""
    grids = {i: b for i, b in enumerate(blocks) if b.get("kind") == "products"}
    sources = grid_sources(visitor.enabled)
    if not grids or not sources or visitor.store_id is None:
        return {}
    cards: dict[int, list[ProductCard]] = {}
    for index, block in grids.items():
        limit = max(1, min(_int(block.get("limit")) or 8, 24))
        skus = [s.strip() for s in str(block.get("skus", "")).split(",") if s.strip()][:limit]
        category = str(block.get("category") or "").strip() or None
        found = []
        for source in sources:
            found.extend(
                source(
                    session,
                    visitor.store_id,
                    skus=skus,
                    limit=limit,
                    languages=visitor.languages,
                    category=category,
                )
            )
        cards[index] = [
            ProductCard(
                href=visitor.base + item["path"],
                title=item["title"],
                price=money(item["price_cents"], item["currency"], visitor.lang),
                photo=item.get("photo", ""),
            )
            for item in found[:limit]
        ]
    return cards


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0
