"""Store dashboard: inventory page."""

import reflex as rx

from modules.inventory.state import InventoryState
from orion_app.ui.components import empty_state, page_heading
from orion_app.ui.i18n import t

S = InventoryState


def _table(headers: list[str], rows, render) -> rx.Component:
    return rx.table.root(
        rx.table.header(rx.table.row(*[rx.table.column_header_cell(t(h)) for h in headers])),
        rx.table.body(rx.foreach(rows, render)),
        width="100%",
    )


def inventory_page() -> rx.Component:
    return rx.vstack(
        page_heading("inventory.page.title"),
        rx.heading(t("inventory.low.title", threshold=S.threshold), size="4"),
        rx.cond(
            S.low_rows.length() > 0,
            _table(
                [
                    "inventory.stock.sku",
                    "inventory.stock.product",
                    "inventory.stock.available",
                    "inventory.low.threshold",
                ],
                S.low_rows,
                lambda r: rx.table.row(
                    rx.table.cell(rx.code(r["sku"])),
                    rx.table.cell(
                        rx.cond(r["href"] != "", rx.link(r["title"], href=r["href"]), rx.text(r["title"]))
                    ),
                    rx.table.cell(rx.badge(r["available"], color_scheme="orange")),
                    rx.table.cell(r["threshold"]),
                ),
            ),
            empty_state("inventory.low.none"),
        ),
        rx.heading(t("inventory.movements.title"), size="4", margin_top="1em"),
        rx.cond(
            S.movement_rows.length() > 0,
            _table(
                [
                    "inventory.movements.when",
                    "inventory.stock.sku",
                    "inventory.movements.where",
                    "inventory.movements.kind",
                    "inventory.movements.change",
                    "inventory.stock.reason",
                ],
                S.movement_rows,
                lambda r: rx.table.row(
                    rx.table.cell(r["when"]),
                    rx.table.cell(rx.code(r["sku"])),
                    rx.table.cell(r["where"]),
                    rx.table.cell(r["kind"]),
                    rx.table.cell(r["change"]),
                    rx.table.cell(r["reason"]),
                ),
            ),
            empty_state("inventory.movements.none"),
        ),
        width="100%",
        spacing="3",
    )
