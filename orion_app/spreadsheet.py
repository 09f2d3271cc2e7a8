"""CSV/TSV lines a spreadsheet opens safely: cells that would run as a formula are neutralised.

Every export Orion offers for download goes through `format_rows` (the Letzshop feed, an
import's row errors, the customers list). A cell starting with = + - @ tab or CR gets a
leading `'`, so Excel and LibreOffice show it as text instead of running it
(CSV injection); `csv` quotes cells holding the delimiter, a quote or a line break, and
lines end with CRLF.
"""

import csv
import io
from collections.abc import Iterable, Iterator

NEUTRALISED = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> str:
    """The cell as text, with a leading `'` when a spreadsheet would run it as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in NEUTRALISED else text


def format_rows(rows: Iterable[Iterable[object]], delimiter: str = "\t") -> Iterator[str]:
    """Each row as one line of text (CRLF-terminated), its cells neutralised and quoted as needed."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, quotechar='"', doublequote=True, lineterminator="\r\n")
    for row in rows:
        writer.writerow([neutralise(cell) for cell in row])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
