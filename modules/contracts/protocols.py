"""Cross-module protocols. A module offers an implementation through its definition
(`metrics_provider`, `widget_provider`, features); consumers ask the registry, never the module."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, TypedDict

from sqlmodel import Session


class Metric(TypedDict):
    key: str  # translation key of the metric's label
    value: int


class MetricsProvider(Protocol):
    def __call__(self, store_id: int) -> list[Metric]: ...


@dataclass(frozen=True)
class WidgetRequest:
    """What a widget provider is asked with: the store, its platform (for module settings),
    the reader's language, the store dashboard's URL prefix for links, and `may(permission)`,
    the guard's answer for the signed-in user (a widget leading to a page only its readers
    may open is left out for the others)."""

    store_id: int
    platform_id: int
    lang: str
    base: str
    may: Callable[[str], bool]


class Cell(TypedDict):
    text: str
    href: str  # a link, or ""
    tone: str  # a badge colour ("green", "red"…), or "" for plain text
    time: str  # an ISO UTC time (`format.iso`) shown in the reader's zone, or ""


class Point(TypedDict):
    x: str  # the label under the bar (a day)
    y1: int
    y2: int


class Widget(TypedDict):
    """One tile of the store overview. Texts come translated and numbers formatted (the
    provider knows the language); `kind` says which of the other fields count:
    - "stat": `value` in big type, `detail` under it;
    - "table": `columns` over `rows` of cells, `detail` when there are no rows;
    - "series": a bar pair per point (`y1`, `y2`), `columns` naming x, y1 and y2, `detail`
      under the chart, and `rows` the same figures as a table (for exports)."""

    kind: str  # stat | table | series
    key: str  # stable id, module-prefixed ("inventory.movements")
    order: int  # place on the page, low first
    title: str
    value: str
    detail: str
    columns: list[str]
    rows: list[list[Cell]]
    points: list[Point]


class WidgetProvider(Protocol):
    """Called with the overview's one session (read only; the caller owns the transaction)."""

    def __call__(self, session: Session, request: WidgetRequest) -> list[Widget]: ...


def widget(kind: str, key: str, order: int, title: str, **fields: str | list) -> Widget:
    """A widget with every field present, so a page can read any of them: those of `value`,
    `detail`, `columns`, `rows` and `points` not given stay empty."""
    blank: dict = {"value": "", "detail": "", "columns": [], "rows": [], "points": []}
    if unknown := set(fields) - set(blank):
        raise TypeError(f"A widget has no field {', '.join(sorted(unknown))}.")
    return Widget(kind=kind, key=key, order=order, title=title, **(blank | fields))


def cell(text: str, href: str = "", tone: str = "", time: str = "") -> Cell:
    return Cell(text=text, href=href, tone=tone, time=time)


class FeatureLimits(Protocol):
    """Answers plan questions: the limit of a feature for a merchant on a platform (read in
    `session` when given: a writer holding row locks must not wait for a second connection)."""

    def limit_for(
        self, merchant_id: int, platform_id: int, feature: str, session: Session | None = None
    ) -> int | None: ...


USAGE_COUNTERS = "usage_counters"


@dataclass(frozen=True)
class UsageCounter:
    """How much of a limited feature a merchant uses on a platform now, contributed by the
    module declaring the feature: `contributes={"usage_counters": "modules.<m>.usage:COUNTERS"}`
    (a tuple of counters). `count(session, merchant_id, platform_id)` answers for one merchant;
    `count_many(session, merchant_ids, platform_id)` (optional) for many at once, in a few
    statements (merchants without usage may be left out: they count 0)."""

    feature: str
    count: Callable[[Session, int, int], int]
    count_many: Callable[[Session, list[int], int], dict[int, int]] | None = None
    # A per-period feature (orders per month): `count_between(session, merchant_ids,
    # platform_id, start, end)` counts within [start, end), for the usage kept of a period
    # that has closed. Without it the feature is a level (products, members) counted now.
    count_between: Callable[[Session, list[int], int, datetime, datetime], dict[int, int]] | None = None


class OnboardingStep(TypedDict):
    key: str
    done: bool


class MediaUsage(Protocol):
    def media_in_use(self, store_id: int) -> set[str]: ...


class ProductLabels(Protocol):
    """The `product_labels` port: how other modules name a product they only know by id."""

    def labels(
        self, store_id: int, product_ids: list[int], lang: str, session: Session | None = None
    ) -> dict[int, tuple[str, str, str]]: ...


@dataclass(frozen=True, kw_only=True)
class NotificationKind:
    """An in-app notification a module raises for a store's staff. A module declares its kinds
    in `notifications.py` (`KINDS = (NotificationKind(...), ...)`) and contributes them with
    `contributes={"notification_kinds": "modules.<code>.notifications:KINDS"}`; messaging
    stores who gets one and renders it in the reader's language when it is read."""

    code: str  # module-prefixed and stable: "marketplace.import_finished"
    title_key: str  # translation keys of the contributing module, formatted with the params
    body_key: str
    icon: str = "bell"  # a Lucide icon name
    # Who of the store's staff receives it: those whose role holds this permission (the
    # owner always); None: every member.
    permission: str | None = None
