"""Core's public face: the store metrics every enabled module reports, for other dashboards."""

from modules.core.services import store_metrics

__all__ = ["store_metrics"]
