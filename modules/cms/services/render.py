"""Page bodies to HTML: Markdown by markdown-it-py, everything sanitised by nh3 (ammonia).

One renderer for the live preview in the editor and for the public page, so what the
merchant previews is exactly what shoppers get. Nothing here trusts the author: raw HTML
inside Markdown is allowed through the parser and then cleaned by the same allow-list as
everything else (no script, iframe, style, event attributes, `javascript:` or `data:` URLs).
"""

import html
from dataclasses import dataclass
from urllib.parse import urlsplit

import nh3
from markdown_it import MarkdownIt

# Tags a page body may keep; every other tag is dropped (script, style, iframe, object,
# svg, form... together with the content of script and style).
TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "div", "dl", "dt", "em",
    "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "li", "ol", "p",
    "pre", "s", "section", "small", "span", "strong", "sub", "sup", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "u", "ul",
}  # fmt: skip
# Classes only on our own block wrappers; no `style` anywhere (CSS can hide, overlay, exfiltrate).
ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height", "loading", "decoding", "srcset", "sizes"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start"},
    "div": {"class"},
    "section": {"class"},
    "figure": {"class"},
    "span": {"class"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
# The parser: CommonMark plus tables and strikethrough; raw HTML is parsed (so an author's
# <br> or <table> survives) and then cleaned like the rest. `linkify` stays off: it would
# need another dependency and turn text into links nobody asked for.
_MARKDOWN = MarkdownIt("commonmark", {"html": True, "typographer": False}).enable(["table", "strikethrough"])


def sanitise(fragment: str) -> str:
    """Clean an HTML fragment to the allow-list (what every page body goes through)."""
    return nh3.clean(
        fragment,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def _markdown(text: str) -> str:
    """Markdown to (unsanitised) HTML; `# Heading` becomes an <h2>: the page title is the <h1>."""
    tokens = _MARKDOWN.parse(text or "")
    for token in tokens:
        if token.type in ("heading_open", "heading_close") and token.tag == "h1":
            token.tag = "h2"
    return _MARKDOWN.renderer.render(tokens, _MARKDOWN.options, {})


def markdown_html(text: str) -> str:
    """Markdown (with any HTML in it) to sanitised HTML."""
    return sanitise(_markdown(text))


def safe_link(href: str) -> str:
    """A call to action's target: a path on this site or an http(s)/mailto/tel URL; else ""."""
    href = (href or "").strip()
    if not href or any(ord(c) < 32 for c in href) or "\\" in href:
        return ""
    parts = urlsplit(href)
    if parts.scheme:
        return (
            href
            if parts.scheme.lower() in URL_SCHEMES and (parts.netloc or parts.scheme in ("mailto", "tel"))
            else ""
        )
    if href.startswith("//"):
        return ""  # protocol-relative: another site dressed as a path
    return href


@dataclass(frozen=True)
class ImageView:
    """An image as a block shows it: URL (the library's size), width, height, alt text."""

    src: str
    alt: str
    width: int = 0
    height: int = 0


@dataclass(frozen=True)
class ProductCard:
    """A product in a grid block: its storefront link, title, price text and photo URL."""

    href: str
    title: str
    price: str
    photo: str = ""


def image_html(image: ImageView | None) -> str:
    if image is None or not image.src:
        return ""
    size = f' width="{image.width}" height="{image.height}"' if image.width and image.height else ""
    return (
        f'<figure class="cms-image"><img src="{html.escape(image.src)}" alt="{html.escape(image.alt)}"'
        f'{size} loading="lazy" decoding="async"></figure>'
    )


def cta_html(label: str, href: str) -> str:
    target = safe_link(href)
    if not label.strip() or not target:
        return ""
    return f'<div class="cms-cta"><a href="{html.escape(target)}">{html.escape(label.strip())}</a></div>'


def grid_html(cards: list[ProductCard]) -> str:
    items = "".join(
        '<li><a href="{href}">{photo}<span class="cms-product-title">{title}</span></a>'
        '<span class="cms-product-price">{price}</span></li>'.format(
            href=html.escape(card.href),
            photo=f'<img src="{html.escape(card.photo)}" alt="" loading="lazy">' if card.photo else "",
            title=html.escape(card.title),
            price=html.escape(card.price),
        )
        for card in cards
    )
    return f'<section class="cms-products"><ul>{items}</ul></section>' if items else ""


def block_html(
    block: dict, images: dict[int, ImageView], products: dict[int, list[ProductCard]], index: int
) -> str:
    """One block of a page body (see services/pages.py: BLOCK_KINDS) as sanitised HTML."""
    kind = block.get("kind")
    if kind == "text":
        return markdown_html(str(block.get("text", "")))
    if kind == "image":
        return sanitise(image_html(images.get(_int(block.get("media_id")))))
    if kind == "image_text":
        picture = image_html(images.get(_int(block.get("media_id"))))
        return sanitise(
            f'<div class="cms-image-text">{picture}<div>{_markdown(str(block.get("text", "")))}</div></div>'
        )
    if kind == "cta":
        return sanitise(cta_html(str(block.get("label", "")), str(block.get("href", ""))))
    if kind == "products":
        return sanitise(grid_html(products.get(index, [])))
    return ""


def blocks_html(
    blocks: list[dict],
    images: dict[int, ImageView] | None = None,
    products: dict[int, list[ProductCard]] | None = None,
) -> str:
    """A page body: each block rendered and sanitised, in order."""
    return "\n".join(
        part for i, block in enumerate(blocks) if (part := block_html(block, images or {}, products or {}, i))
    )


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0
