"""What the storefront shell reads of a store's theme (the `storefront_look` contribution).

The shell puts `css` in a `<style>` on the storefront's root and the other values in its
header and head, all from state the page load fills, so the first server-rendered response
already has the store's colours, font, logo and favicon: nothing moves when the page
hydrates, and a change shows on the next page without a rebuild.

The primary colour replaces Radix's accent scale on the storefront root (buttons, links,
the active menu entry); components given another colour scheme keep theirs. Fonts are
variable woff2 files in assets/fonts/ with `font-display: swap` (text shows at once in the
fallback font) and the Latin file preloaded.
"""

from modules.cms.services.themes import FONTS, Theme, theme_of
from orion_app import access_cache
from orion_app.db import session_scope

LOOK_CLASS = "orion-look"
FONT_DIR = "/fonts/"
# Radix accent steps 1-8 and 11-12 made from the primary colour: its share in a mix with
# white (1-8: backgrounds, borders) or black (10-12: hover, text), as Radix's scales go.
TINTS = {1: 0.03, 2: 0.06, 3: 0.12, 4: 0.18, 5: 0.25, 6: 0.34, 7: 0.46, 8: 0.64}
SHADES = {10: 0.12, 11: 0.22, 12: 0.6}
LATIN = (
    "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,"
    "U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD"
)
LATIN_EXT = (
    "U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,"
    "U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF"
)


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _mix(colour: str, other: tuple[int, int, int], share_of_other: float) -> str:
    return "#" + "".join(
        f"{round(c + (o - c) * share_of_other):02x}" for c, o in zip(_rgb(colour), other, strict=True)
    )


def accent_scale(primary: str) -> dict[str, str]:
    """Radix's `--accent-*` variables (solid, alpha and contrast) made from one colour."""
    r, g, b = _rgb(primary)
    scale = {f"--accent-{step}": _mix(primary, (255, 255, 255), 1 - share) for step, share in TINTS.items()}
    scale["--accent-9"] = primary
    scale |= {f"--accent-{step}": _mix(primary, (0, 0, 0), share) for step, share in SHADES.items()}
    scale |= {f"--accent-a{step}": f"rgba({r}, {g}, {b}, {share})" for step, share in TINTS.items()}
    scale |= {
        "--accent-a9": primary,
        "--accent-a10": scale["--accent-10"],
        "--accent-a11": scale["--accent-11"],
    }
    scale["--accent-a12"] = scale["--accent-12"]
    scale |= {
        "--accent-contrast": "#ffffff",
        "--accent-surface": scale["--accent-2"],
        "--accent-indicator": primary,
        "--accent-track": primary,
        "--focus-8": scale["--accent-8"],
        "--orion-primary": primary,
    }
    return scale


def font_faces(font: str) -> str:
    """The `@font-face` rules of one of the self-hosted fonts (Latin and Latin Extended)."""
    family = FONTS[font][0]
    return "".join(
        f"@font-face{{font-family:{family};font-style:normal;font-display:swap;font-weight:100 900;"
        f"src:url({FONT_DIR}{font}-{subset}-wght-normal.woff2);unicode-range:{ranges}}}"
        for subset, ranges in (("latin", LATIN), ("latin-ext", LATIN_EXT))
    )


def look_css(theme: Theme) -> str:
    """The stylesheet a storefront with this theme gets ("" for the defaults). It holds no
    quote, `<`, `>` or `&`: it is the text of a `<style>` React renders on the server too,
    where such characters would be escaped."""
    properties: dict[str, str] = {}
    css = ""
    if theme.primary:
        properties |= accent_scale(theme.primary)
    if theme.accent:
        properties["--orion-accent"] = theme.accent
    if theme.font in FONTS:
        family, generic = FONTS[theme.font]
        stack = f"{family}, system-ui, {generic}"
        properties |= {"--default-font-family": stack, "--heading-font-family": stack, "font-family": stack}
        css += font_faces(theme.font)
    if properties:
        css += f".{LOOK_CLASS}{{" + ";".join(f"{k}:{v}" for k, v in properties.items()) + "}"
    if theme.accent:
        # The store's name (or logo link) in the header, and the header's underline.
        css += (
            f".{LOOK_CLASS} header{{border-bottom:3px solid var(--orion-accent)!important}}"
            f".{LOOK_CLASS} header a:first-child{{color:var(--orion-accent)}}"
        )
    return css


def look_of(theme: Theme) -> dict[str, str]:
    """The values the storefront shell shows: css, logo, favicon, header layout, font to preload."""
    return {
        "css": look_css(theme),
        "logo": theme.logo_url,
        "favicon": theme.favicon_url,
        "header": theme.header_layout,
        "font": f"{FONT_DIR}{theme.font}-latin-wght-normal.woff2" if theme.font in FONTS else "",
    }


def storefront_look(store_id: int) -> dict[str, str]:
    """The `storefront_look` contribution: the store's look, remembered per process until a
    theme or an image changes (scope "cms"; the theme editor reads `theme_of` itself)."""
    access_cache.refresh()
    return dict(access_cache.cached("look", (store_id,), lambda: _look(store_id), scope="cms"))


def _look(store_id: int) -> tuple[tuple[str, str], ...]:
    """The look's values as pairs: what the cache holds must not be changed by a caller."""
    with session_scope() as session:
        return tuple(look_of(theme_of(session, store_id)).items())
