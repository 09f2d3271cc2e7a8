"""JSON data files whose objects and lists remember their line, so errors can name it.

The standard decoder keeps no positions; its pure-Python scanner takes the object and list
parsers as hooks, which here record where each one starts. The files are small (the demo
catalogs load in a few milliseconds), so the slower scanner costs nothing noticeable.
"""

import json
import re
from bisect import bisect_right
from json.decoder import JSONArray, JSONObject
from json.scanner import py_make_scanner
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]  # the repository; messages name files from here


class DemoDataError(ValueError):
    """A demo data file that cannot be read; the message names the file and line."""


class DataObject(dict):
    line = 0
    start = 0


class DataList(list):
    line = 0
    start = 0


class DataFile:
    """One parsed data file; every object and array remembers the line it starts on."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise DemoDataError(f"{self.name}, line 1: the file cannot be read ({error}).") from None
        self._starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        decoder = json.JSONDecoder()
        decoder.parse_object = self._parse_object
        decoder.parse_array = self._parse_array
        decoder.scan_once = py_make_scanner(decoder)
        try:
            self.root = decoder.decode(self.text)
        except json.JSONDecodeError as error:
            raise DemoDataError(
                f"{self.name}, line {error.lineno}: this is not valid JSON "
                f"({error.msg} at column {error.colno})."
            ) from None

    @property
    def name(self) -> str:
        return str(self.path.relative_to(ROOT) if self.path.is_relative_to(ROOT) else self.path)

    def _line(self, position: int) -> int:
        return bisect_right(self._starts, position)

    def _parse_object(self, s_and_end, *args):
        values, end = JSONObject(s_and_end, *args)
        node = DataObject(values)
        node.start, node.line = s_and_end[1] - 1, self._line(s_and_end[1] - 1)
        return node, end

    def _parse_array(self, s_and_end, *args):
        values, end = JSONArray(s_and_end, *args)
        node = DataList(values)
        node.start, node.line = s_and_end[1] - 1, self._line(s_and_end[1] - 1)
        return node, end

    def line_of(self, node, key: str | None = None) -> int:
        """The line of `node`, or of its field or string item `key`."""
        line = getattr(node, "line", 0) or 1
        if key is not None and isinstance(node, DataObject | DataList):
            found = self.text.find(json.dumps(key, ensure_ascii=False), node.start)
            line = self._line(found) if found >= 0 else line
        return line

    def fail(self, node, message: str, key: str | None = None):
        """Stop with `message` at the line of `node` (or of its field or string item `key`)."""
        raise DemoDataError(f"{self.name}, line {self.line_of(node, key)}: {message}.")

    def field(self, node, key: str, kind: type | tuple, default=...):
        """`node[key]`, checked to be of `kind`; `default` when it may be left out."""
        if not isinstance(node, DataObject):
            self.fail(node, f"expected an object with '{key}'")
        if key not in node:
            if default is not ...:
                return default
            self.fail(node, f"'{key}' is missing")
        value = node[key]
        if not isinstance(value, kind) or isinstance(value, bool):
            kinds = kind if isinstance(kind, tuple) else (kind,)
            names = {str: "a text", int: "a whole number", DataObject: "an object", DataList: "a list"}
            wanted = "a number" if float in kinds else " or ".join(names[k] for k in kinds)
            if isinstance(value, DataObject | DataList):
                self.fail(value, f"'{key}' must be {wanted}")
            self.fail(node, f"'{key}' must be {wanted}", key)
        return value

    def objects(self, parent: DataObject, key: str) -> DataList:
        """`parent[key]`, a list of objects."""
        items = self.field(parent, key, DataList)
        for item in items:
            if not isinstance(item, DataObject):
                self.fail(
                    item if isinstance(item, DataList) else items, f"each entry of '{key}' must be an object"
                )
        return items

    def strings(self, parent: DataObject, key: str, default=...) -> tuple[str, ...]:
        """`parent[key]`, a list of texts (at least one)."""
        items = self.field(parent, key, DataList, default)
        if items is not default and (not items or not all(isinstance(item, str) for item in items)):
            self.fail(items, f"'{key}' must be a list of one or more texts")
        return tuple(items)

    def only(self, node: DataObject, allowed: set[str]) -> None:
        """Stop at the first field of `node` that is not in `allowed` (a typo, most likely)."""
        for key in node:
            if key not in allowed:
                self.fail(
                    node, f"'{key}' is not a known field here (known: {', '.join(sorted(allowed))})", key
                )
