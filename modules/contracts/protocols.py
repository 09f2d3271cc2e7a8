"""Cross-module protocols. A module offers an implementation through its definition
(`metrics_provider`, `widget_provider`, features); consumers ask the registry, never the module."""

from typing import Protocol, TypedDict


class Metric(TypedDict):
    key: str  # translation key of the metric's label
    value: int


class MetricsProvider(Protocol):
    def __call__(self, store_id: int) -> list[Metric]: ...


class Widget(TypedDict):
    title_key: str
    lines: list[str]


class WidgetProvider(Protocol):
    def __call__(self, store_id: int) -> list[Widget]: ...


class FeatureLimits(Protocol):
    """Answers plan questions: the limit of a feature for a merchant on a platform."""

    def limit_for(self, merchant_id: int, platform_id: int, feature: str) -> int | None: ...


class OnboardingStep(TypedDict):
    key: str
    done: bool


class MediaUsage(Protocol):
    def media_in_use(self, store_id: int) -> set[str]: ...


class ProductLabels(Protocol):
    """The `product_labels` port: how other modules name a product they only know by id."""

    def labels(self, store_id: int, product_ids: list[int], lang: str) -> dict[int, tuple[str, str, str]]: ...
