"""Core's public face: the store metrics and overview widgets every enabled module reports,
for other dashboards."""

from modules.core.services import store_metrics, store_widgets, widget_request

__all__ = ["store_metrics", "store_widgets", "widget_request"]
