"""Core dashboards: what an admin oversees, and the metrics modules report for a store."""

from sqlmodel import Session

from modules.tenancy.services.merchants import list_merchants
from modules.tenancy.services.platforms import list_platforms
from modules.tenancy.services.stores import list_stores
from modules.tenancy.services.users import list_users
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
    return {
        "core.admin.platforms": len(list_platforms(session, actor)),
        "core.admin.merchants": len(list_merchants(session, actor)),
        "core.admin.stores": len(list_stores(session, actor)),
        "core.admin.users": len(list_users(session, actor)),
    }
