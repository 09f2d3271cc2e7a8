"""Store dashboard: stock overview — low-stock products and the latest movements."""

import reflex as rx

from modules.inventory.services import low_stock, movements
from orion_app.db import session_scope
from orion_app.enablement import module_config
from orion_app.i18n import translate
from orion_app.registry import get_registry
from orion_app.ui.guard import current_access, guarded
from orion_app.ui.state import OrionState


def _labels(access, ids: list[int], lang: str) -> dict[int, tuple[str, str, str]]:
    """(SKU, title, dashboard href) from the module providing `product_labels`, if enabled here."""
    registry = get_registry()
    providers = [d.code for d in registry if "product_labels" in d.provides and d.code in access.enabled]
    found = (
        registry.provider("product_labels").labels(access.tenant.store.id, ids, lang)
        if providers and ids
        else {}
    )
    return {
        pid: (found[pid][0], found[pid][1], access.tenant.base + found[pid][2])
        if pid in found
        else (f"#{pid}", f"#{pid}", "")
        for pid in ids
    }


class InventoryState(OrionState):
    threshold: int = 0
    low_rows: list[dict[str, str]] = []
    movement_rows: list[dict[str, str]] = []

    @rx.event
    @guarded("inventory.stock.view", quiet=True)
    def load(self):
        access = current_access()
        store = access.tenant.store
        self.threshold = module_config("inventory", access.tenant.platform.id).low_stock_threshold
        with session_scope() as session:
            low = low_stock(session, store.id, self.threshold)
            moves = movements(session, store.id, limit=30)
        labels = _labels(access, list({pid for pid, *_ in low} | {m.product_id for m in moves}), self.lang)
        self.low_rows = [
            {
                "sku": labels[pid][0],
                "title": labels[pid][1],
                "available": str(avail),
                "threshold": str(limit),
                "href": labels[pid][2],
            }
            for pid, avail, limit in low
        ]
        self.movement_rows = [
            {
                "when": m.created_at.strftime("%Y-%m-%d %H:%M"),
                "sku": labels[m.product_id][0],
                "where": f"{m.warehouse} {m.bin}".strip(),
                "kind": m.kind,
                "change": f"{m.quantity_before} → {m.quantity_after}"
                + (
                    " "
                    + translate(
                        "inventory.movements.reserved",
                        self.lang,
                        before=m.reserved_before,
                        after=m.reserved_after,
                    )
                    if m.reserved_before != m.reserved_after
                    else ""
                ),
                "reason": m.reason,
            }
            for m in moves
        ]
