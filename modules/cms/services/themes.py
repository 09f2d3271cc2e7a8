"""Store themes: logo, favicon, primary and accent colour, font and header layout.

Colours are refused below WCAG AA for text (4.5:1): both are used as text on the white
page (links, the store's name) and as backgrounds under white text (buttons), so each is
measured against white with the WCAG 2.x relative-luminance formula.
"""

import re
from dataclasses import dataclass

from sqlmodel import Session, select

from modules.cms.models import CmsMedia, StoreTheme
from modules.cms.services import media
from modules.cms.services.scope import Owner
from orion_app.db import utcnow
from orion_app.errors import FieldErrors

MIN_CONTRAST = 4.5
BACKGROUND = "#ffffff"  # the storefront's page, and the text on a primary button
# Self-hosted variable fonts (assets/fonts/, OFL, from the @fontsource-variable packages).
FONTS = {
    "inter": ("Inter Variable", "sans-serif"),
    "nunito": ("Nunito Variable", "sans-serif"),
    "lora": ("Lora Variable", "serif"),
    "playfair-display": ("Playfair Display Variable", "serif"),
}
HEADER_LAYOUTS = ("left", "centered")
_HEX = re.compile(r"^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


@dataclass(frozen=True)
class Theme:
    """A store's look; empty strings mean the platform's defaults."""

    logo_url: str = ""
    favicon_url: str = ""
    primary: str = ""
    accent: str = ""
    font: str = ""
    header_layout: str = "left"
    logo_id: int | None = None
    favicon_id: int | None = None


def normalise_colour(value: str) -> str | None:
    """`#rrggbb` in lower case from `#rgb`/`#rrggbb` (with or without `#`); None if neither."""
    match = _HEX.match((value or "").strip())
    if not match:
        return None
    digits = match.group(1).lower()
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return "#" + digits


def relative_luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of `#rrggbb` (0 black … 1 white)."""
    channels = []
    for i in (1, 3, 5):
        c = int(colour[i : i + 2], 16) / 255
        channels.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    r, g, b = channels
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio of two `#rrggbb` colours, 1 … 21."""
    a, b = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def theme_of(session: Session, store_id: int) -> Theme:
    """The store's theme (defaults when it has none), with its logo's and favicon's URLs."""
    row = session.exec(select(StoreTheme).where(StoreTheme.store_id == store_id)).first()
    if row is None:
        return Theme()
    wanted = [i for i in (row.logo_media_id, row.favicon_media_id) if i]
    keys = {}
    if wanted:
        found = select(CmsMedia.id, CmsMedia.key).where(
            CmsMedia.id.in_(wanted), CmsMedia.store_id == store_id
        )
        keys = dict(session.exec(found).all())
    logo_key, favicon_key = keys.get(row.logo_media_id), keys.get(row.favicon_media_id)
    return Theme(
        logo_url=media.url(logo_key, "md") if logo_key else "",
        favicon_url=media.url(favicon_key, "sm") if favicon_key else "",
        primary=row.primary,
        accent=row.accent,
        font=row.font,
        header_layout=row.header_layout,
        logo_id=row.logo_media_id if logo_key else None,
        favicon_id=row.favicon_media_id if favicon_key else None,
    )


def _colour(errors: dict, params: dict, field: str, value: str) -> str:
    if not (value or "").strip():
        return ""
    colour = normalise_colour(value)
    if colour is None:
        errors[field] = "cms.theme.error.not_a_colour"
        return ""
    ratio = contrast_ratio(colour, BACKGROUND)
    if ratio < MIN_CONTRAST:
        errors[field] = "cms.theme.error.low_contrast"
        params[field] = {"ratio": f"{int(ratio * 100) / 100:.2f}", "minimum": f"{MIN_CONTRAST:g}"}
    return colour


def save_theme(
    session: Session,
    store_id: int,
    *,
    primary: str = "",
    accent: str = "",
    font: str = "",
    header_layout: str = "left",
    logo_id: int | None = None,
    favicon_id: int | None = None,
) -> Theme:
    """Check and save the store's theme; FieldErrors next to each bad field (a colour below
    4.5:1 against white names its ratio), nothing saved then. The logo and favicon are images
    of the store's own library (recorded as used by `theme:logo` / `theme:favicon`). Commits."""
    errors: dict[str, str] = {}
    params: dict[str, dict] = {}
    colours = {
        name: _colour(errors, params, name, value)
        for name, value in (("primary", primary), ("accent", accent))
    }
    if font and font not in FONTS:
        errors["font"] = "cms.theme.error.unknown_font"
    if header_layout not in HEADER_LAYOUTS:
        errors["header_layout"] = "cms.theme.error.unknown_layout"
    owner = Owner.store(store_id)
    images = {"logo": logo_id, "favicon": favicon_id}
    known = {r.id for r in media.media_of(session, owner, [i for i in images.values() if i])}
    for name, media_id in images.items():
        if media_id and media_id not in known:
            errors[name] = "cms.theme.error.unknown_image"
    if errors:
        raise FieldErrors(errors, params)
    row = session.exec(select(StoreTheme).where(StoreTheme.store_id == store_id)).first() or StoreTheme(
        store_id=store_id
    )
    row.primary, row.accent = colours["primary"], colours["accent"]
    row.font, row.header_layout = font, header_layout
    row.logo_media_id, row.favicon_media_id = logo_id or None, favicon_id or None
    row.updated_at = utcnow()
    session.add(row)
    session.commit()
    for name, media_id in images.items():
        media.record_usage(session, owner, {media_id} if media_id else set(), f"theme:{name}")
    return theme_of(session, store_id)
