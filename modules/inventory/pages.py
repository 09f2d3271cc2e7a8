"""Store dashboard: inventory page."""

import reflex as rx

from modules.inventory.state import InventoryState
from orion_app.ui.components import page
from orion_app.ui.i18n import label, t
from orion_app.ui.tables import data_table, row

S = InventoryState
KINDS = ("adjust", "reserve", "release", "consume", "import")  # StockMovement.kind


def _low_row(r: rx.Var) -> rx.Component:
    return row(
        rx.code(r["sku"]),
        rx.cond(r["href"] != "", rx.link(r["title"], href=r["href"]), rx.text(r["title"])),
        rx.badge(r["available"], color_scheme="orange"),
        r["threshold"],
    )


def inventory_page() -> rx.Component:
    return page(
        "inventory.page.title",
        rx.heading(t("inventory.low.title", threshold=S.threshold), size="4", as_="h2"),
        data_table(
            [
                "inventory.stock.sku",
                "inventory.stock.product",
                "inventory.stock.available",
                "inventory.low.threshold",
            ],
            S.low_rows,
            _low_row,
            empty="inventory.low.none",
        ),
        rx.heading(t("inventory.movements.title"), size="4", as_="h2", margin_top="1em"),
        data_table(
            [
                "inventory.movements.when",
                "inventory.stock.sku",
                "inventory.movements.where",
                "inventory.movements.kind",
                "inventory.movements.change",
                "inventory.stock.reason",
            ],
            S.movement_rows,
            lambda r: row(
                r["when"],
                rx.code(r["sku"]),
                r["where"],
                label(r["kind"], "inventory.kind", KINDS),
                r["change"],
                r["reason"],
            ),
            empty="inventory.movements.none",
        ),
        spacing="3",
    )
