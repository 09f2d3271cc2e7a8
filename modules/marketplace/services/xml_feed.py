"""Reading a Google Shopping feed in XML: RSS 2.0 (`<rss><channel><item>`) or Atom
(`<feed><entry>`), with Google's `g:` elements (namespace http://base.google.com/ns/1.0).

Safe: lxml's incremental parser with entity substitution, DTD loading and the network off
and libxml2's size limits on (no `huge_tree`). A document that declares entities
(`<!ENTITY …>`: a billion laughs, an external file such as file:///etc/passwd) is refused
before any item is read; a feed never needs them, and nothing they point to is read.

Streaming: each item is read, turned into a row, then cleared from the tree, so memory does
not grow with the file. An item becomes a `FeedRow` like a line of a text feed and goes
through the same checks (`feed.check_values`) and the same import (`runner.py`: batches,
checkpoint, resume, dry run, progress). `FeedRow.line` is the item's number (1 for the first
item) and the row's raw text is the item's XML. A file that breaks off mid-way (a malformed
tag, a cut download) imports the items before the break; one more row carries the error
with its line and column in the file.
"""

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from modules.marketplace.services.feed import (
    CARRIED_COLUMNS,
    COLUMNS,
    Feed,
    FeedProblem,
    FeedRow,
    _encoding,
    check_values,
    normalise_header,
)

GOOGLE = ("http://base.google.com/ns/1.0", "https://base.google.com/ns/1.0")
ATOM = "http://www.w3.org/2005/Atom"
FORMATS = {"rss": "RSS 2.0", "atom": "Atom"}
CONTAINER = {"rss": "channel", "atom": "feed"}  # the element whose children are the items
ITEM = {"rss": "item", "atom": "entry"}
PLAIN = {"rss": ("",), "atom": ("", ATOM)}  # the namespaces of the format's own title, link, …
# Error reports name a field by the element a Google feed uses for it.
ELEMENT_OF = {"sku": "g:id", "price_cents": "g:price", "sale_price_cents": "g:sale_price"}
_DECLARED = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']""")
_POSITION = re.compile(r",? line \d+, column \d+$")


def _parser(path: Path, encoding: str | None, events: tuple[str, ...], tag=None, skip: int = 0) -> Iterator:
    """The only way this module parses: nothing is expanded, loaded or fetched. `skip`: bytes
    before the XML declaration (a BOM and blank lines, which exporters sometimes write)."""
    etree.clear_error_log()  # this thread's log, so an error's entries are this parse's only
    with path.open("rb") as handle:
        handle.seek(skip)
        yield from etree.iterparse(
            handle,
            events=events,
            tag=tag,
            encoding=encoding,
            resolve_entities=False,
            load_dtd=False,
            dtd_validation=False,
            attribute_defaults=False,
            no_network=True,
            huge_tree=False,
            remove_comments=True,
            remove_pis=True,
            recover=False,
        )


def _split(tag) -> tuple[str, str]:
    """(namespace, local name) of an element's tag; ("", "") for comments and the like."""
    if not isinstance(tag, str):
        return "", ""
    if tag.startswith("{"):
        namespace, _, local = tag[1:].partition("}")
        return namespace, local
    return "", tag


def _text(element) -> str:
    return "".join(element.itertext()).strip() if len(element) else (element.text or "").strip()


def _position(error: etree.XMLSyntaxError, lines_skipped: int = 0) -> dict:
    """Where and why the parser stopped. With entity substitution off, lxml may raise a bare
    "no element found" at 0:0 (an undefined `&nbsp;`): its error log has the real entry."""
    line, column = error.position if error.position else (error.lineno or 0, error.offset or 0)
    detail = str(error.msg or error)
    if not line:
        logged = [entry for entry in error.error_log if entry.level >= etree.ErrorLevels.ERROR]
        if logged:
            line, column, detail = logged[-1].line, logged[-1].column, logged[-1].message
    detail = _POSITION.sub("", detail).strip()
    return {"line": line + lines_skipped, "column": column, "detail": detail[:200]}


def _skipped(head: bytes) -> tuple[int, int]:
    """(bytes, lines) before an XML declaration that is preceded by a UTF-8 BOM or blank lines."""
    text = head.removeprefix(codecs.BOM_UTF8)
    stripped = text.lstrip()
    if len(stripped) == len(head) or not stripped.startswith(b"<?xml"):
        return 0, 0
    return len(head) - len(stripped), head[: len(head) - len(stripped)].count(b"\n")


@dataclass
class XmlFeed(Feed):
    """An opened XML feed; reads like a text `Feed`, an item for each row."""

    kind: str = "rss"  # "rss" or "atom"
    parse_encoding: str | None = None  # overrides the declaration (a "UTF-8" file that is not)
    skip: tuple[int, int] = (0, 0)  # (bytes, lines) before the XML declaration, not given to the parser
    surveyed: tuple[int, frozenset, frozenset] | None = None  # (items, fields, carried fields), once read

    def column_name(self, product_field: str) -> str:
        return ELEMENT_OF.get(product_field, f"g:{product_field}")

    def duplicate_error(self, first: int) -> tuple[str, dict]:
        return "marketplace.row.duplicate_item", {"item": first}

    def _items(self) -> Iterator[tuple[int, object, dict | None]]:
        """(item number, the item's element or None, the error's position when the XML breaks)."""
        container = CONTAINER[self.kind]
        context = _parser(self.path, self.parse_encoding, ("end",), f"{{*}}{ITEM[self.kind]}", self.skip[0])
        number = 0
        try:
            for _event, element in context:
                parent = element.getparent()
                if parent is None or _split(parent.tag)[1] != container or _split(element.tag)[0] in GOOGLE:
                    continue  # an element of that name nested elsewhere (it goes with its item)
                number += 1
                yield number, element, None
                element.clear(keep_tail=False)
                while element.getprevious() is not None:
                    del parent[0]  # the items (and channel elements) already read
        except etree.XMLSyntaxError as error:
            yield number + 1, None, {"after": number, **_position(error, self.skip[1])}

    def survey(self) -> tuple[int, frozenset, frozenset]:
        """(number of rows, the product fields and the carried fields at least one item has):
        a first pass over the file, as a text feed's header is read before its rows. A field
        the file has is, in an item without it, an empty cell (an absent g:sale_price ends a
        sale, an absent g:price is refused); a field no item has is left alone on existing
        products."""
        if self.surveyed is None:
            count, tags = 0, set()
            for number, element, _broken in self._items():
                count = number
                if element is not None:
                    tags.update(child.tag for child in element)
            fields, carried = _values(_sample(tags, self.kind), self.kind)
            self.surveyed = (count, frozenset(fields), frozenset(carried))
        return self.surveyed

    def rows(self) -> Iterator[FeedRow]:
        _count, fields, carried_fields = self.survey()
        for number, element, broken in self._items():
            if broken is not None:
                row = FeedRow(line=number, raw=_line_text(self.path, broken["line"], self.parse_encoding))
                row.errors.append(("", "marketplace.row.xml_malformed", broken))
                yield row
                continue
            row = FeedRow(
                line=number, raw=etree.tostring(element, encoding="unicode", with_tail=False)[:4000]
            )
            raw, carried = _values(element, self.kind)
            check_values(
                self, row, dict.fromkeys(fields, "") | raw, dict.fromkeys(carried_fields, "") | carried
            )
            yield row

    def count_rows(self) -> int:
        return self.survey()[0]


def _sample(tags: set, kind: str):
    """An item with one child of each tag the file's items have (the known ones), for `_values`."""
    item = etree.Element("item")
    for tag in tags:
        namespace, local = _split(tag)
        if local and ":" not in local and (namespace in GOOGLE or namespace in PLAIN[kind]):
            etree.SubElement(item, tag, href="x").text = "x"
    return item


def _values(item, kind: str) -> tuple[dict[str, str], dict[str, str]]:
    """The item's product fields and carried fields, as written (the first element of each)."""
    raw: dict[str, str] = {}
    carried: dict[str, str] = {}
    plain: dict[str, str] = {}  # RSS's or Atom's own title, link, description
    images: list[str] = []
    for child in item:
        namespace, local = _split(child.tag)
        if namespace in GOOGLE:
            name = normalise_header(local)
            if name == "additional_image_link":
                images.append(_text(child))
            elif name in COLUMNS:
                raw.setdefault(COLUMNS[name], _text(child))
            elif name in CARRIED_COLUMNS:
                carried.setdefault(name, _text(child))
        elif local and namespace in PLAIN[kind]:
            if local == "title":
                plain.setdefault("title", _text(child))
            elif local in ("description", "summary", "content"):
                plain.setdefault("description", _text(child))
            elif local == "link" and child.get("rel", "alternate") == "alternate":
                plain.setdefault("link", (child.get("href") if kind == "atom" else _text(child)) or "")
    if any(images):
        raw["additional_image_link"] = ",".join(image for image in images if image)
    for name in ("title", "description"):
        if name not in raw and name in plain:
            raw[name] = plain[name]
    if "link" not in carried and plain.get("link"):
        carried["link"] = plain["link"].strip()
    return raw, carried


def _line_text(path: Path, line: int, encoding: str | None) -> str:
    """Line `line` of the file (the one where the XML breaks), for the error report."""
    with path.open("rb") as handle:
        for number, text in enumerate(handle, start=1):
            if number == line:
                return text[:16000].decode(encoding or "utf-8", errors="replace").rstrip("\r\n")[:4000]
    return ""


def _declared(head: bytes) -> str | None:
    found = _DECLARED.match(head.lstrip(codecs.BOM_UTF8).lstrip())
    return found.group(1).decode("ascii") if found else None


def open_xml_feed(path: Path, head: bytes) -> XmlFeed:
    """Check an XML file up to its first item; FeedProblem when it is not a Google Shopping feed."""
    declared = _declared(head)
    notices: list[dict] = []
    parse_encoding = None
    if declared:
        try:
            codec = codecs.lookup(declared).name
        except LookupError:
            raise FeedProblem("marketplace.feed.xml_encoding", encoding=declared) from None
    utf16 = head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if not utf16 and (not declared or codec == "utf-8") and _encoding(path) == "cp1252":
        parse_encoding = "windows-1252"  # like a text feed: not UTF-8 after all, so Windows-1252
        notices.append({"key": "marketplace.notice.cp1252", "params": {}})
    skip = _skipped(head)
    kind, first = _first_item(path, parse_encoding, skip)
    children = [child for child in first if _split(child.tag)[1]]
    if not any(_split(child.tag)[0] in GOOGLE for child in children):
        prefixed = [child for child in children if child.prefix == "g" or str(child.tag).startswith("g:")]
        if prefixed and _split(prefixed[0].tag)[0]:
            raise FeedProblem("marketplace.feed.xml_namespace", namespace=_split(prefixed[0].tag)[0][:200])
        if prefixed:
            raise FeedProblem("marketplace.feed.xml_namespace_missing")
        raise FeedProblem("marketplace.feed.xml_not_google", format=FORMATS[kind])
    notices.insert(0, {"key": "marketplace.notice.xml", "params": {"format": FORMATS[kind]}})
    ignored = sorted(
        {
            f"g:{_split(child.tag)[1]}"
            for child in children
            if _split(child.tag)[0] in GOOGLE and normalise_header(_split(child.tag)[1]) not in COLUMNS
        }
    )
    if ignored:
        notices.append(
            {"key": "marketplace.notice.xml_ignored", "params": {"elements": ", ".join(ignored)[:500]}}
        )
    return XmlFeed(
        path=path,
        encoding=declared or "utf-8",
        delimiter="",
        header=[],
        mapping={},
        notices=notices,
        kind=kind,
        parse_encoding=parse_encoding,
        skip=skip,
    )


def _first_item(path: Path, encoding: str | None, skip: tuple[int, int]):
    """(kind, the first item's element), reading no further; FeedProblem for what is not a feed."""
    root = kind = None
    events = _parser(path, encoding, ("start", "end"), skip=skip[0])
    try:
        for event, element in events:
            if root is None:
                root = element
                dtd = element.getroottree().docinfo.internalDTD
                if dtd is not None and any(True for _ in dtd.iterentities()):
                    raise FeedProblem("marketplace.feed.xml_entities")
                namespace, local = _split(element.tag)
                kind = {"rss": "rss", "feed": "atom"}.get(local) if namespace in ("", ATOM) else None
                if kind is None:
                    raise FeedProblem("marketplace.feed.xml_not_a_feed", root=local[:80])
            elif event == "end" and _split(element.tag) == (namespace, ITEM[kind]):
                parent = element.getparent()
                if parent is not None and _split(parent.tag)[1] == CONTAINER[kind]:
                    return kind, element
            elif event == "end" and not any(_split(a.tag)[1] == ITEM[kind] for a in element.iterancestors()):
                element.clear(keep_tail=False)  # what comes before the first item is not kept
                while element.getprevious() is not None:
                    del element.getparent()[0]
    except etree.XMLSyntaxError as error:
        position = _position(error, skip[1])
        if root is None and "entit" in position["detail"].lower():
            raise FeedProblem("marketplace.feed.xml_entities") from None
        raise FeedProblem("marketplace.feed.xml_malformed", **position) from None
    finally:
        events.close()  # the file; the first item stays in memory for the checks
    raise FeedProblem("marketplace.feed.xml_no_items", format=FORMATS[kind] if kind else "XML")
