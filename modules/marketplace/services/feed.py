"""Reading a Letzshop product feed: file checks, encoding, delimiter, header, rows.

A feed is Google-Shopping-shaped text: a header line naming the columns (`id`, `title`,
`price`, …) and one product per row, tab-separated (comma and semicolon files are
recognised by the header). Reading is streaming: rows come one at a time from the file,
so memory does not grow with the file. Problems with the whole file raise FeedProblem
(one sentence, the import stops before writing anything); problems with one row are
returned with that row and never stop the others.
"""

import codecs
import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from modules.catalog.public import (
    AVAILABILITY,
    CONDITIONS,
    ValueProblem,
    gtin_type,
    parse_price,
    product_rules,
)
from orion_app.errors import ServiceError
from orion_app.spreadsheet import NEUTRALISED

# The feed's column names (lower-cased, `g:` prefix and spaces removed) -> product field.
COLUMNS = {
    "id": "sku",
    "sku": "sku",
    "item_id": "sku",
    "title": "title",
    "description": "description",
    "availability": "availability",
    "price": "price",
    "sale_price": "sale_price",
    "brand": "brand",
    "gtin": "gtin",
    "ean": "gtin",
    "mpn": "mpn",
    "condition": "condition",
    "quantity": "quantity",
    "stock": "quantity",
    "qty": "quantity",
    "image_link": "image_link",
    "additional_image_link": "additional_image_link",
    "google_product_category": "google_product_category",
}
# Columns that are not product fields: photos and the feed's category, used after the row.
EXTRA_COLUMNS = ("image_link", "additional_image_link", "google_product_category")
# Columns not imported into the product (the notice lists them) but carried in `FeedRow.extras`
# for what reads rows later (variants group rows by item_group_id and their attributes).
CARRIED_COLUMNS = (
    "link",
    "product_type",
    "shipping_weight",
    "item_group_id",
    "color",
    "size",
    "material",
    "pattern",
    "gender",
    "age_group",
)
# The columns taken as they are written, as long as they fit the product's limits.
TEXT_COLUMNS = ("sku", "title", "description", "brand", "mpn")
# Availability as feeds write it -> Orion's value.
AVAILABILITY_WORDS = (
    {
        "in stock": "in_stock",
        "instock": "in_stock",
        "available": "in_stock",
        "out of stock": "out_of_stock",
        "outofstock": "out_of_stock",
        "sold out": "out_of_stock",
        "pre-order": "preorder",
        "pre order": "preorder",
        "back order": "backorder",
        "back-order": "backorder",
    }
    | {value: value for value in AVAILABILITY}
    | {value.replace("_", " "): value for value in AVAILABILITY}
)
XML_DOCUMENT = "XML document"  # read by xml_feed.py when it is a Google Shopping feed
MAX_FIELD = 1_000_000  # characters; a longer cell is certainly a broken quote
SNIFF_BYTES = 64 * 1024
_MAGIC = (
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or Excel workbook"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xd0\xcf\x11\xe0", "Office document"),
)


class FeedProblem(ServiceError):
    """The file as a whole cannot be imported; the message says why in one sentence."""


@dataclass
class FeedRow:
    line: int  # the file line the row starts on (the header is line 1)
    raw: str  # the row as it was in the file, for the error report
    values: dict = field(default_factory=dict)  # product field -> cleaned value
    errors: list[tuple[str, str, dict]] = field(default_factory=list)  # (column, message key, params)
    extras: dict = field(default_factory=dict)  # EXTRA_/CARRIED_COLUMNS the row has -> raw value

    @property
    def sku(self) -> str:
        return self.values.get("sku", "")


@dataclass
class Feed:
    """An opened feed: how it is encoded and delimited, and which columns it has."""

    path: Path
    encoding: str
    delimiter: str
    header: list[str]
    mapping: dict[int, str]  # column position -> product field
    notices: list[dict] = field(default_factory=list)  # {"key": …, "params": {…}}
    carried: dict[int, str] = field(default_factory=dict)  # column position -> CARRIED_COLUMNS name

    @property
    def fields(self) -> set[str]:
        return set(self.mapping.values())

    def column_name(self, product_field: str) -> str:
        """The feed's own name of the column that holds `product_field` (for error reports)."""
        for position, name in self.mapping.items():
            if name == product_field:
                return self.header[position]
        return product_field

    def duplicate_error(self, first: int) -> tuple[str, dict]:
        """The row problem of a SKU already imported from line `first` (message key, params)."""
        return "marketplace.row.duplicate_sku", {"line": first}

    def _records(self) -> Iterator[tuple[int, list[str] | None, str]]:
        """(start line, cells or None when unreadable, raw text) for each non-empty record."""
        with _open_text(self.path, self.encoding) as handle:
            lines = _RawLines(handle)
            reader = csv.reader(
                lines, delimiter=self.delimiter, quotechar='"', doublequote=True, strict=False
            )
            while not any(cell.strip() for cell in next(reader, ["x"])):
                pass  # blank lines before the header, then the header itself
            while True:
                start = reader.line_num + 1
                lines.raw.clear()
                try:
                    cells = next(reader)
                except StopIteration:
                    return
                except csv.Error:
                    yield start, None, "".join(lines.raw)
                    continue
                if not any(cell.strip() for cell in cells):
                    continue  # empty lines, or lines of delimiters only
                yield start, cells, "".join(lines.raw).rstrip("\r\n")

    def rows(self) -> Iterator[FeedRow]:
        """Every product row, checked; rows with problems carry them in `errors`."""
        width = len(self.header)
        for line, cells, raw in self._records():
            row = FeedRow(line=line, raw=raw[:4000])
            if cells is None:
                row.errors.append(("", "marketplace.row.unreadable", {"limit": MAX_FIELD}))
            elif len(cells) > width and not any(cell.strip() for cell in cells[width:]):
                _check(self, row, cells[:width])  # trailing empty cells (a stray tab at the end)
            elif len(cells) != width:
                row.errors.append(
                    ("", "marketplace.row.column_count", {"found": len(cells), "expected": width})
                )
            else:
                _check(self, row, cells)
            yield row

    def count_rows(self) -> int:
        return sum(1 for _ in self._records())


class _RawLines:
    """The file's physical lines for csv.reader, remembering those of the current record."""

    def __init__(self, handle: io.TextIOBase):
        self.handle = handle
        self.raw: list[str] = []

    def __iter__(self):
        return self

    def __next__(self) -> str:
        line = self.handle.readline()
        if not line:
            raise StopIteration
        self.raw.append(line)
        return line


def _neutral(value: str) -> str:
    """Undo export's spreadsheet-formula neutralising: `'=SUM` -> `=SUM`."""
    if len(value) > 1 and value[0] == "'" and value[1] in NEUTRALISED:
        return value[1:]
    return value


def _check(feed: Feed, row: FeedRow, cells: list[str]) -> None:
    raw = {name: _neutral(cells[position].strip()) for position, name in feed.mapping.items()}
    carried = {name: cells[position].strip() for position, name in feed.carried.items()}
    check_values(feed, row, raw, carried)


def check_values(feed: Feed, row: FeedRow, raw: dict[str, str], carried: dict[str, str]) -> None:
    """Check one row's values (product field -> text as written) into `row`; any format's rows."""
    values = row.values
    row.extras = {name: raw[name] for name in EXTRA_COLUMNS if name in raw} | carried
    rules = product_rules()

    def problem(name: str, key: str, **params) -> None:
        row.errors.append((feed.column_name(name), key, params))

    for name in TEXT_COLUMNS:
        if name in raw:
            if rules.too_long(name, raw[name]):
                problem(name, "marketplace.row.too_long", limit=rules.limits[name], length=len(raw[name]))
            else:
                values[name] = raw[name]
    if not raw.get("sku"):
        problem("sku", "marketplace.row.sku_missing")
    if "title" in raw and not raw["title"]:
        problem("title", "marketplace.row.title_missing")
    for name in ("price", "sale_price"):
        if raw.get(name):
            try:
                cents, currency = parse_price(raw[name])
            except ValueProblem:
                problem(name, "marketplace.row.price", value=raw[name][:40])
                continue
            if currency not in (None, "EUR"):
                problem(name, "marketplace.row.currency", currency=currency)
                continue
            values[f"{name}_cents"] = cents
        elif name == "price" and name in raw:
            problem(name, "marketplace.row.price_missing")
        elif name == "sale_price" and name in raw:
            values["sale_price_cents"] = None
    if rules.sale_above_price(values.get("price_cents"), values.get("sale_price_cents")):
        problem("sale_price", "marketplace.row.sale_above_price")
    if raw.get("gtin"):
        gtin = raw["gtin"].replace(" ", "")
        try:
            values["gtin_type"] = gtin_type(gtin)
            values["gtin"] = gtin
        except ValueProblem as bad:
            problem(
                "gtin",
                "marketplace.row.gtin_check" if bad.key.endswith("digit") else "marketplace.row.gtin",
                value=gtin[:20],
            )
    elif "gtin" in raw:
        values["gtin"], values["gtin_type"] = "", ""
    if raw.get("availability"):
        word = AVAILABILITY_WORDS.get(" ".join(raw["availability"].lower().replace("_", " ").split()))
        if word is None:
            problem("availability", "marketplace.row.availability", value=raw["availability"][:40])
        else:
            values["availability"] = word
    if raw.get("condition"):
        if raw["condition"].lower() in CONDITIONS:
            values["condition"] = raw["condition"].lower()
        else:
            problem("condition", "marketplace.row.condition", value=raw["condition"][:40])
    if raw.get("quantity"):
        text = raw["quantity"]
        if text.isdigit() and len(text) < 10:
            values["quantity"] = int(text)
        else:
            problem("quantity", "marketplace.row.quantity", value=text[:40])


def _sniff_kind(head: bytes) -> str | None:
    """What the file is when it is clearly not a text feed, else None."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if head[:12].startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "WebP image"
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):  # UTF-16 text: XML (its BOM tells the parser) or binary
            text16 = head[2:4096].decode(codec, errors="replace").lstrip()
            return XML_DOCUMENT if text16.startswith("<") else "binary file"
    text = head.lstrip(codecs.BOM_UTF8).lstrip().lower()
    if text.startswith((b"<!doctype html", b"<html", b"<head", b"<body")):
        return "web page (HTML)"
    if text.startswith(b"<"):
        root = _xml_root(text)
        if root in (b"html", b"xhtml") or (root is None and b"<html" in text[:1024]):
            return "web page (HTML)"
        return XML_DOCUMENT
    if b"<html" in text[:1024]:
        return "web page (HTML)"
    if text.startswith(b"{") or text.startswith(b"["):
        return "JSON document"
    if b"\x00" in head:
        return "binary file"
    return None


def _xml_root(text: bytes) -> bytes | None:
    """The name of the first element of lower-cased XML text (after its declaration, comments,
    processing instructions and DOCTYPE), or None when the sniffed start does not reach it."""
    rest = text
    while True:
        rest = rest.lstrip()
        if rest.startswith(b"<?") or rest.startswith(b"<!--"):
            end = rest.find(b"?>" if rest[1:2] == b"?" else b"-->")
            if end < 0:
                return None
            rest = rest[end + 2 :].lstrip(b">")
        elif rest.startswith(b"<!doctype"):
            bracket, close = rest.find(b"["), rest.find(b">")
            end = rest.find(b"]>") + 1 if 0 <= bracket < close else close
            if end <= 0:
                return None
            rest = rest[end + 1 :]
        elif rest.startswith(b"<"):
            name = rest[1:200].split(None, 1)[0] if rest[1:200].strip() else b""
            return name.split(b">")[0].split(b"/")[0] or None
        else:
            return None


def _encoding(path: Path) -> str:
    """UTF-8 (with or without BOM) when the whole file decodes as UTF-8, else cp1252."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    with path.open("rb") as handle:
        try:
            while chunk := handle.read(1024 * 1024):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "cp1252"
    return "utf-8-sig"


def _open_text(path: Path, encoding: str) -> io.TextIOWrapper:
    """The file as text; a UTF-8 BOM on a file that is not UTF-8 after all is skipped too."""
    handle = path.open("r", encoding=encoding, errors="replace", newline="")
    if encoding == "cp1252" and handle.read(3) != codecs.BOM_UTF8.decode("cp1252"):
        handle.seek(0)
    return handle


def normalise_header(name: str) -> str:
    name = name.strip().strip('"').lower()
    if name.startswith("g:"):
        name = name[2:]
    return "_".join(name.replace("-", " ").split())


def open_feed(path: Path) -> Feed:
    """Check the file and read its header; FeedProblem when it is not an importable feed."""
    csv.field_size_limit(MAX_FIELD)
    with path.open("rb") as handle:
        head = handle.read(SNIFF_BYTES)
    if not head.lstrip(codecs.BOM_UTF8).strip():
        raise FeedProblem("marketplace.feed.empty")
    kind = _sniff_kind(head)
    if kind == XML_DOCUMENT:
        from modules.marketplace.services.xml_feed import open_xml_feed  # it builds on this module

        return open_xml_feed(path, head)
    if kind:
        raise FeedProblem("marketplace.feed.not_a_feed", kind=kind)
    encoding = _encoding(path)
    notices = []
    if encoding == "cp1252":
        notices.append({"key": "marketplace.notice.cp1252", "params": {}})
    with _open_text(path, encoding) as handle:
        first = ""
        while not first.strip():
            first = handle.readline()
            if not first:
                raise FeedProblem("marketplace.feed.empty")
    counts = {d: first.count(d) for d in ("\t", ";", ",")}
    delimiter = max(counts, key=lambda d: (counts[d], d == "\t"))
    if counts[delimiter] == 0:
        raise FeedProblem("marketplace.feed.no_columns")
    header = next(csv.reader([first], delimiter=delimiter))
    mapping: dict[int, str] = {}
    carried: dict[int, str] = {}
    ignored: list[str] = []
    for position, name in enumerate(header):
        target = COLUMNS.get(normalise_header(name))
        if target and target not in mapping.values():
            mapping[position] = target
        elif name.strip():
            ignored.append(name.strip())
            if normalise_header(name) in CARRIED_COLUMNS and normalise_header(name) not in carried.values():
                carried[position] = normalise_header(name)
    if "sku" not in mapping.values():
        raise FeedProblem("marketplace.feed.no_sku", columns=", ".join(h.strip() for h in header[:12])[:300])
    if delimiter != "\t":
        notices.append({"key": "marketplace.notice.delimiter", "params": {"delimiter": delimiter}})
    if ignored:
        notices.append({"key": "marketplace.notice.ignored", "params": {"columns": ", ".join(ignored)[:500]}})
    feed = Feed(path, encoding, delimiter, header, mapping, notices, carried)
    return feed
