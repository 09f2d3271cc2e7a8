"""Feed rows that share `item_group_id` become one product with options and variants.

Two parts, both free of the database:

- `Units`: the feed as a stream of *units*, a row without group (a product of its own) or
  all the rows of one group, in the order each unit is complete (a group when its last row
  has been read). A first pass counts each group's rows into a small SQLite file beside the
  feed (`<feed>.groups`); the second pass keeps the rows of the group being read in memory and, when another
  row comes between two rows of one group (a non-contiguous group), moves the rows read so
  far to that file until the group's last row arrives. Memory: at most `MAX_GROUP_ROWS` rows
  at a time (a bigger group is refused row by row as it is read, never gathered), whatever
  the size of the file; the SQLite file holds one entry per group and the rows of groups
  still open. The unit order depends only on the file, so a resumed import skips exactly
  the units of the batches already done (`rows_done` counts their rows).
- `plan_group`: what one group becomes (options, title, product fields, one variant per
  row) and which of its rows are refused, each with its own error. See docs/marketplace.md,
  "Variants".
"""

import pickle
import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from modules.catalog.public import MAX_OPTIONS, MAX_VARIANTS, OptionRecord
from modules.marketplace.services.feed import Feed, FeedRow
from modules.marketplace.services.xml_feed import XmlFeed

# Feed attributes that can be a variant's option, in the order new options are added.
ATTRIBUTES = ("color", "size", "material", "pattern", "gender", "age_group")
GROUP_COLUMN = "item_group_id"
MAX_GROUP_ROWS = MAX_VARIANTS  # a product has at most this many variants
PRODUCT_FIELDS = ("price_cents", "sale_price_cents", "brand", "mpn", "condition", "availability")
_SEPARATORS = " -–—/,|:;·"
_RUN = r"(?:\s*[-–—/,|:;·]\s*){2,}"


def spill_path(feed_path: Path) -> Path:
    return feed_path.with_suffix(".groups")


def has_groups(feed: Feed) -> bool:
    """Whether the feed has an item_group_id column (an XML feed: an item with one)."""
    if isinstance(feed, XmlFeed):
        return GROUP_COLUMN in feed.survey()[2]
    return GROUP_COLUMN in feed.carried.values()


def group_of(row: FeedRow) -> str:
    return row.extras.get(GROUP_COLUMN, "").strip()[:64]


@dataclass
class Unit:
    rows: list[FeedRow]
    group: str = ""  # "" for a row that is a product of its own


class Units:
    """The feed's units (see the module's docstring); use as a context manager."""

    def __init__(self, feed_path: Path, column: str = GROUP_COLUMN):
        self.column = column  # the feed's name of item_group_id, for errors
        self.path = spill_path(feed_path)  # beside the feed; a killed run's is started afresh
        self.path.unlink(missing_ok=True)
        self.db = sqlite3.connect(self.path)
        self.db.execute("PRAGMA journal_mode=OFF")
        self.db.execute("PRAGMA synchronous=OFF")
        self.db.execute("CREATE TABLE size (grp TEXT PRIMARY KEY, n INTEGER, spilled INTEGER DEFAULT 0)")
        self.db.execute("CREATE TABLE spill (grp TEXT, seq INTEGER, row BLOB)")
        self.db.execute("CREATE INDEX spill_grp ON spill (grp, seq)")
        self.groups = 0

    def __enter__(self) -> "Units":
        return self

    def __exit__(self, *_exc) -> None:
        self.db.close()
        self.path.unlink(missing_ok=True)

    def count(self, rows: Iterable[FeedRow], chunk: int = 10_000) -> None:
        """The first pass: how many rows each group has."""
        pending: list[tuple[str]] = []
        upsert = "INSERT INTO size (grp, n) VALUES (?, 1) ON CONFLICT (grp) DO UPDATE SET n = n + 1"
        for row in rows:
            if group := group_of(row):
                pending.append((group,))
                if len(pending) >= chunk:
                    self.db.executemany(upsert, pending)
                    pending = []
        self.db.executemany(upsert, pending)
        self.groups = self.db.execute("SELECT count(*) FROM size").fetchone()[0]

    def _spill(self, group: str, rows: list[FeedRow]) -> None:
        start = self.db.execute("SELECT spilled FROM size WHERE grp = ?", (group,)).fetchone()[0]
        self.db.executemany(
            "INSERT INTO spill VALUES (?, ?, ?)",
            [(group, start + i, pickle.dumps(row)) for i, row in enumerate(rows)],
        )
        self.db.execute("UPDATE size SET spilled = spilled + ? WHERE grp = ?", (len(rows), group))

    def _gather(self, group: str) -> list[FeedRow]:
        rows = [
            pickle.loads(blob)
            for (blob,) in self.db.execute("SELECT row FROM spill WHERE grp = ? ORDER BY seq", (group,))
        ]
        self.db.execute("DELETE FROM spill WHERE grp = ?", (group,))
        return rows

    def units(self, rows: Iterable[FeedRow]) -> Iterator[Unit]:
        """The second pass: each unit once complete, in a order fixed by the file alone."""
        current, buffer, size, spilled = "", [], 0, 0
        for row in rows:
            group = group_of(row)
            if group != current and buffer:
                self._spill(current, buffer)  # the group goes on later in the file
            if group != current:
                current, buffer = group, []
                if group:
                    size, spilled = self.db.execute(
                        "SELECT n, spilled FROM size WHERE grp = ?", (group,)
                    ).fetchone()
            if not group:
                yield Unit([row])
                continue
            if size > MAX_GROUP_ROWS:
                row.errors.append(
                    (self.column, "marketplace.row.group_too_big", {"group": group, "limit": MAX_GROUP_ROWS})
                )
                yield Unit([row])  # refused as it is read: a huge group is never gathered
                continue
            buffer.append(row)
            if spilled + len(buffer) == size:
                yield Unit(self._gather(group) + buffer if spilled else buffer, group)
                current, buffer = "", []


# ---------------------------------------------------------------- one group


@dataclass
class PlannedVariant:
    row: FeedRow
    values: tuple[str, ...]  # one label per option, in option order
    sku: str
    gtin: str | None
    price_cents: int | None  # None: the product's
    sale_price_cents: int | None
    quantity: int | None


@dataclass
class GroupPlan:
    group: str
    rows: list[FeedRow]  # every row of the group, good or refused
    options: list[str] = field(default_factory=list)  # attributes, in option order
    title: str = ""
    description: str | None = None
    fields: dict = field(default_factory=dict)  # the product's fields
    variants: list[PlannedVariant] = field(default_factory=list)
    single: FeedRow | None = None  # a group that has nothing to choose: a product of its own

    @property
    def skus(self) -> set[str]:
        """Every SKU the group names, refused rows included (they are not "gone" from the feed)."""
        return {row.sku for row in self.rows if row.sku}


def _present(row: FeedRow) -> tuple[str, ...]:
    return tuple(a for a in ATTRIBUTES if row.extras.get(a, "").strip())


def _value(row: FeedRow, attribute: str) -> str:
    return " ".join(row.extras.get(attribute, "").split())[:60]


def refuse(rows: Iterable[FeedRow], key: str, column: str = GROUP_COLUMN, **params) -> None:
    for row in rows:
        row.errors.append((column, key, params))


def plan_group(
    group: str, rows: list[FeedRow], existing: list[OptionRecord] | None = None, column: str = GROUP_COLUMN
) -> GroupPlan:
    """What the group becomes; refused rows get their error (the rest of the group imports).

    `existing`: the product's options when it exists already (an option it has keeps its
    place while the feed still gives that attribute). `column`: the feed's name of item_group_id.
    """
    plan = GroupPlan(group, rows)
    good = [row for row in rows if not row.errors]
    if not good:
        return plan
    first = good[0]
    shapes = {_present(row) for row in good}
    if len(shapes) > 1:  # one row has a size, another has none: the whole group is refused
        some = set().union(*shapes) - set.intersection(*map(set, shapes))
        attributes = ", ".join(a for a in ATTRIBUTES if a in some)
        refuse(good, "marketplace.row.group_options_differ", column, group=group, attributes=attributes)
        return plan
    present = _present(first)
    varying = [a for a in present if len({_value(row, a).casefold() for row in good}) > 1]
    kept = [o.attribute for o in existing or () if o.attribute in present]
    options = kept + [a for a in varying if a not in kept]
    if not options and len(good) == 1 and not kept:
        options = list(present)  # one row with attributes: a product that can grow variants later
    if not options:  # nothing to choose: the first row is a product of its own
        plan.single = first
        for row in good[1:]:
            refuse([row], "marketplace.row.duplicate_combination", column, group=group, line=first.line)
        return plan
    if len(options) > MAX_OPTIONS:
        names = ", ".join(options)
        refuse(good, "marketplace.row.group_too_many_options", column, group=group, attributes=names)
        return plan
    plan.options = options
    seen: dict[tuple[str, ...], int] = {}
    for row in good:
        values = tuple(_value(row, a) for a in options)
        key = tuple(v.casefold() for v in values)
        if key in seen:
            refuse([row], "marketplace.row.duplicate_combination", column, group=group, line=seen[key])
            continue
        seen[key] = row.line
        plan.variants.append(
            PlannedVariant(
                row,
                values,
                row.sku,
                row.values.get("gtin"),  # None: the feed has no GTIN column
                row.values.get("price_cents"),
                row.values.get("sale_price_cents"),
                row.values.get("quantity"),
            )
        )
    first = plan.variants[0].row
    plan.fields = {k: first.values[k] for k in PRODUCT_FIELDS if k in first.values}
    for variant in plan.variants:  # a variant's price is its own only where it differs
        same = (variant.price_cents, variant.sale_price_cents) == (
            plan.fields.get("price_cents"),
            plan.fields.get("sale_price_cents"),
        )
        if same or variant.price_cents is None:
            variant.price_cents = variant.sale_price_cents = None
    plan.title = group_title([(v.row.values.get("title", ""), v.values) for v in plan.variants])
    plan.description = first.values.get("description")
    return plan


def group_title(titles: list[tuple[str, tuple[str, ...]]]) -> str:
    """The product's title from its rows' (title, option values).

    All titles equal: that title. Else each title without its own option values (and the
    separators left around them); when that leaves the same text for every row, that text
    ("T-shirt Lux - Rouge / M", "T-shirt Lux - Bleu / L" -> "T-shirt Lux"). Else the first
    row's title (titles that differ by more than the options: the first row speaks for all).
    """
    first = titles[0][0]
    if all(title == first for title, _values in titles):
        return first
    stripped = {_without(title, values) for title, values in titles}
    if len(stripped) == 1 and (common := stripped.pop()):
        return common
    return first


def _without(title: str, values: tuple[str, ...]) -> str:
    text = title
    for value in sorted(values, key=len, reverse=True):
        if value:
            text = re.sub(rf"(?<!\w){re.escape(value)}(?!\w)", " ", text, flags=re.IGNORECASE)
    text = re.sub(r"\(\s*\)|\[\s*\]", " ", text)  # brackets that held only values
    text = re.sub(_RUN, lambda run: f" {run.group(0).split()[0]} ", text)  # "- /" left between values
    return " ".join(text.split()).strip(_SEPARATORS)
