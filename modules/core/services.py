"""Core dashboards: what an admin oversees, and the metrics and widgets modules report for a store."""

from sqlmodel import Session

from modules.contracts.protocols import Widget, WidgetRequest
from modules.tenancy.public import directory_counts
from orion_app.access import Access, has_permission
from orion_app.ports import Principal
from orion_app.providers import call_enabled


def store_metrics(store_id: int, enabled: set[str] | frozenset[str]) -> list[dict]:
    """Every enabled module's metrics for the store (the `contracts` metrics protocol)."""
    metrics: list[dict] = []
    for contributed in call_enabled("metrics_provider", enabled, store_id).values():
        metrics.extend(contributed)
    return metrics


def widget_request(access: Access, lang: str) -> WidgetRequest:
    """What widget providers are asked with, from the guard's decision (no further lookup)."""
    tenant = access.tenant
    return WidgetRequest(
        store_id=tenant.store.id,
        platform_id=tenant.platform.id,
        lang=lang,
        base=tenant.base,
        may=lambda permission: has_permission(access.principal, permission, tenant),
    )


def store_widgets(
    session: Session, request: WidgetRequest, enabled: set[str] | frozenset[str], kinds: tuple[str, ...] = ()
) -> list[Widget]:
    """Every enabled module's widgets for the store overview, read in the caller's one session,
    in their `order` (only those of `kinds` when given). A failing provider is left out."""
    widgets = [
        w
        for contributed in call_enabled("widget_provider", enabled, session, request).values()
        for w in contributed
        if not kinds or w["kind"] in kinds
    ]
    return sorted(widgets, key=lambda w: (w["order"], w["key"]))


def admin_overview(session: Session, actor: Principal) -> dict[str, int]:
    """How many platforms, merchants, stores and users the admin can see."""
    counts = directory_counts(session, actor)
    return {
        "core.admin.platforms": counts.platforms,
        "core.admin.merchants": counts.merchants,
        "core.admin.stores": counts.stores,
        "core.admin.users": counts.users,
    }
