"""Core dashboards: what an admin oversees, and the metrics modules report for a store."""

from sqlmodel import Session

from modules.tenancy.public import directory_counts
from orion_app.ports import Principal
from orion_app.providers import call_enabled


def store_metrics(store_id: int, enabled: set[str] | frozenset[str]) -> list[dict]:
    """Every enabled module's metrics for the store (the `contracts` metrics protocol)."""
    metrics: list[dict] = []
    for contributed in call_enabled("metrics_provider", enabled, store_id).values():
        metrics.extend(contributed)
    return metrics


def admin_overview(session: Session, actor: Principal) -> dict[str, int]:
    """How many platforms, merchants, stores and users the admin can see."""
    counts = directory_counts(session, actor)
    return {
        "core.admin.platforms": counts.platforms,
        "core.admin.merchants": counts.merchants,
        "core.admin.stores": counts.stores,
        "core.admin.users": counts.users,
    }
