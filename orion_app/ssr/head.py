"""What a server-rendered page's `<head>` says to crawlers and link previews.

The page's title, `<meta name="description">` and JSON-LD come from the page itself (React
renders them, and React 19 hoists `<title>` and `<meta>` into the head). What the
rendered page cannot know is the address it was asked at, so this module adds:
`<html lang>`, the canonical URL, one `hreflang` alternate per store language (the page
in that language is the same URL with `?lang=`), and Open Graph tags.

A page's states may define `_page_meta(self) -> dict` (a private method, so no client
can call it) with any of: `status` (e.g. 404 for a product that does not exist),
`canonical` (the page's own path with the query that matters, e.g. a listing's category
and page), `description`, `image` (absolute or site-relative URL), `type` (Open Graph
type, e.g. "product").
"""

import html
import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urlsplit

from starlette.requests import Request

from orion_app.ui.shell import ShellState
from orion_app.ui.state import OrionState

STATUS = {"not_found": 404, "forbidden": 403}
LANG_PARAM = "lang"


@dataclass
class PageMeta:
    status: int = 200
    lang: str = "en"
    title: str = ""
    description: str = ""
    canonical: str = ""
    alternates: list[tuple[str, str]] = field(default_factory=list)
    image: str = ""
    type: str = "website"
    site_name: str = ""


def _substate(root, cls):
    return root.get_substate(cls.get_full_name().split(".")[1:])


def with_lang(url: str, lang: str) -> str:
    """`url` with `?lang=` set to `lang` (or removed, for `lang=""`), other parameters kept."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != LANG_PARAM]
    if lang:
        query.append((LANG_PARAM, lang))
    text = urlencode(query)
    return parts._replace(query=text).geturl()


def page_meta(loaded, request: Request) -> PageMeta:
    root = loaded.root
    shell = _substate(root, ShellState)
    lang = _substate(root, OrionState).lang
    scheme = request.headers.get("x-forwarded-proto", request.url.scheme)
    origin = f"{scheme}://{request.headers.get('host', request.url.netloc)}"
    extra: dict = {}
    for name in loaded.states:
        state = root.get_substate(name.split(".")[1:])
        if hasattr(state, "_page_meta"):
            extra |= state._page_meta() or {}
    path = extra.get("canonical") or request.url.path
    base = path if "://" in path else origin + path
    default_language = getattr(shell, "default_language", "") or next(iter(shell.languages), lang)
    languages = list(shell.languages) if shell.frontend else []
    image = extra.get("image", "")
    return PageMeta(
        status=int(extra.get("status") or STATUS.get(shell.status, 200)),
        lang=lang,
        title=shell.page_title,
        description=extra.get("description", ""),
        canonical=with_lang(base, "" if lang == default_language else lang),
        alternates=[(code, with_lang(base, "" if code == default_language else code)) for code in languages]
        + ([("x-default", with_lang(base, ""))] if languages else []),
        image=image if not image or "://" in image else origin + image,
        type=extra.get("type", "website"),
        site_name=shell.tenant_store_name or shell.tenant_platform_name,
    )


def head_tags(meta: PageMeta) -> str:
    e = html.escape
    tags = [f'<link rel="canonical" href="{e(meta.canonical)}">']
    tags += [f'<link rel="alternate" hreflang="{e(code)}" href="{e(url)}">' for code, url in meta.alternates]
    og = {
        "og:type": meta.type,
        "og:title": meta.title,
        "og:url": meta.canonical,
        "og:site_name": meta.site_name,
        "og:locale": meta.lang,
        "og:description": meta.description,
        "og:image": meta.image,
    }
    tags += [f'<meta property="{k}" content="{e(v)}">' for k, v in og.items() if v]
    if meta.description:
        tags.append(f'<meta name="description" content="{e(meta.description)}">')
    return "".join(tags)


_HTML_LANG = re.compile(r"<html([^>]*?) lang=\"[^\"]*\"")
_BUILD_OG_IMAGE = re.compile(r'<meta content="[^"]*" property="og:image"/>')
_DESCRIPTION = re.compile(
    r'<meta (?:content="[^"]*" name="description"|name="description" content="[^"]*")/?>'
)


def apply_head(page: str, meta: PageMeta, boot: str) -> str:
    """The rendered page with its language, head tags and the injected states."""
    page = _HTML_LANG.sub(lambda m: f'<html{m.group(1)} lang="{html.escape(meta.lang)}"', page, count=1)
    # The build's placeholder image (the favicon) and any rendered description give way
    # to the page's own, so each appears once.
    page = _BUILD_OG_IMAGE.sub("", page, count=1)
    if meta.description:
        page = _DESCRIPTION.sub("", page)
    return page.replace("</head>", head_tags(meta) + boot + "</head>", 1)
