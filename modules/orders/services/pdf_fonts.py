"""The font and colour space of the module's PDFs (invoices, credit notes, pick lists).

PDF/A forbids fonts that are not embedded, so the pages use a TrueType font that fpdf2
embeds (subset, with a ToUnicode map so the text can be searched and copied): Bitstream
Vera Sans, shipped as `reportlab/fonts/Vera*.ttf` by the ReportLab wheel (pure Python,
2 MB, maintained, a free licence that allows redistribution). ReportLab itself is never
imported; only its font files are read. Vera covers Latin-1, the euro sign, Œ/Š/Ž and
typographic quotes and dashes: every character of en/fr/de/lb. A character the font lacks
(a product title in another script) is written as its base letter when it has one
("ő" → "o") and as "?" otherwise, never as a missing glyph (also forbidden by PDF/A).
"""

from __future__ import annotations

import logging
import unicodedata
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fpdf import FPDF

FONT = "Vera"
# fpdf2 subsets the font with fontTools on every output, which logs each table at INFO.
logging.getLogger("fontTools.subset").setLevel(logging.WARNING)
_FILES = {"": "Vera.ttf", "B": "VeraBd.ttf"}


def font_path(style: str = "") -> Path:
    return Path(str(files("reportlab") / "fonts" / _FILES[style]))


@lru_cache(maxsize=1)
def _covered() -> frozenset[int]:
    """The code points both styles of the font draw."""
    from fontTools.ttLib import TTFont  # fpdf2 and fontTools take ~0.7 s to import: not with the app

    maps = [set(TTFont(font_path(style), lazy=True).getBestCmap()) for style in _FILES]
    return frozenset(set.intersection(*maps))


def printable(text: str) -> str:
    """`text` with every character the font lacks replaced by its base letter or "?"."""
    covered = _covered()
    out = []
    for char in unicodedata.normalize("NFC", text):
        if ord(char) in covered or char in "\n\t":
            out.append(char)
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
        out.append(base if base and all(ord(c) in covered for c in base) else "?")
    return "".join(out)


def new_pdf(**options) -> FPDF:
    """An FPDF (A4 unless `options` say otherwise) with the embedded font registered as `FONT`."""
    from fpdf import FPDF  # fpdf2 and fontTools take ~0.7 s to import: not with the app (hot reload)

    pdf = FPDF(**{"format": "A4", **options})
    for style in _FILES:
        pdf.add_font(FONT, style, str(font_path(style)))
    return pdf


@lru_cache(maxsize=1)
def srgb_profile() -> bytes:
    """An sRGB ICC profile, built in memory by Pillow's LittleCMS binding."""
    from PIL import ImageCms  # loaded when a PDF is made, not with the app (hot reload)

    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def add_srgb_output_intent(pdf: FPDF) -> None:
    """The PDF/A OutputIntent: the page's DeviceRGB/DeviceGray colours are sRGB."""
    from fpdf.enums import OutputIntentSubType  # fpdf2: loaded when a PDF is made, not with the app
    from fpdf.output import PDFICCProfile

    pdf.add_output_intent(
        OutputIntentSubType.PDFA,
        output_condition_identifier="sRGB",
        output_condition="IEC 61966-2-1:1999",
        registry_name="http://www.color.org",
        dest_output_profile=PDFICCProfile(contents=srgb_profile(), n=3, alternate="DeviceRGB"),
        info="sRGB IEC61966-2.1",
    )
