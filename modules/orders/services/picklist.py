"""Pick lists: what to take from the shelves for one order or a batch of orders, as a PDF.

Each line's units still to ship are shared over its variant's bins in warehouse/bin order
(as shipping will consume them), and the rows are sorted by warehouse, bin and SKU so the
picker walks the store room once. A unit no bin holds is listed under "—". The PDF uses
fpdf2 with the embedded TrueType font of `pdf_fonts` (every character of en/fr/de/lb and
"€"; see there for the others), labels in the reader's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlmodel import Session, select

from modules.inventory.public import levels
from modules.orders.models import Order, OrderLine
from modules.orders.services.pdf_fonts import FONT, new_pdf, printable
from modules.orders.services.shipments import SHIPPABLE
from modules.orders.services.shipped import shipped_by_line
from orion_app.i18n import translate

if TYPE_CHECKING:
    from fpdf import FPDF  # only named in annotations: fpdf2 is imported when a PDF is made

PICKLIST_DOWNLOAD = "/api/orders/stores/{store}/picklist"
MAX_ORDERS = 500
NO_BIN = "—"


def picklist_path(store_code: str, order_ids: list[int] | None) -> str:
    """The download of the pick list of `order_ids` (None: every paid order not fully shipped)."""
    base = PICKLIST_DOWNLOAD.format(store=store_code)
    return base + ("?all=1" if order_ids is None else "?orders=" + ",".join(str(i) for i in order_ids))


@dataclass(frozen=True)
class PickRow:
    warehouse: str
    bin: str
    sku: str
    title: str
    units: int
    order: str


def batch_ids(session: Session, store_id: int, wanted: list[int] | None) -> list[int]:
    """The store's orders to pick, oldest first: those of `wanted` that can ship (ids of
    another store are dropped), or with `wanted` None every paid order not fully shipped."""
    query = select(Order.id).where(Order.store_id == store_id, Order.status.in_(SHIPPABLE))
    if wanted is not None:
        query = query.where(Order.id.in_(wanted[:MAX_ORDERS] or [0]))
    return list(session.exec(query.order_by(Order.id).limit(MAX_ORDERS)))


def pick_rows(session: Session, store_id: int, order_ids: list[int]) -> list[PickRow]:
    """The units left to ship of the store's `order_ids`, one row per bin, in walking order."""
    rows: list[PickRow] = []
    orders = session.exec(select(Order).where(Order.store_id == store_id, Order.id.in_(order_ids or [0])))
    for order in orders:
        shipped = shipped_by_line(session, store_id, order.id)
        lines = session.exec(
            select(OrderLine).where(OrderLine.order_id == order.id, OrderLine.store_id == store_id)
        )
        for line in lines:
            left = line.quantity - shipped.get(line.id, 0)
            title = f"{line.title} ({line.options})" if line.options else line.title
            for warehouse, bin_, units in _spread(session, store_id, line, left):
                rows.append(PickRow(warehouse, bin_, line.sku, title, units, order.number))
    return sorted(rows, key=lambda r: (r.warehouse == NO_BIN, r.warehouse, r.bin, r.sku, r.order))


def _spread(session: Session, store_id: int, line: OrderLine, left: int) -> list[tuple[str, str, int]]:
    found = []
    if left > 0 and line.stock_reserved:
        for level in levels(session, store_id, line.product_id, line.variant_id):
            take = min(left, level.quantity)
            if take > 0:
                found.append((level.warehouse, level.bin, take))
                left -= take
    if left > 0:
        found.append((NO_BIN, "", left))
    return found


# (label key, width in mm, alignment): 190 mm on A4 with 10 mm margins.
COLUMNS = (
    ("orders.picklist.warehouse", 28, "L"),
    ("orders.picklist.bin", 24, "L"),
    ("orders.picklist.sku", 30, "L"),
    ("orders.picklist.item", 66, "L"),
    ("orders.picklist.units", 14, "R"),
    ("orders.picklist.order", 28, "L"),
)


def picklist_pdf(rows: list[PickRow], store_name: str, lang: str) -> bytes:
    """The pick list as PDF bytes (one header row repeated on each page)."""
    pdf = new_pdf()
    pdf.set_margins(10, 10, 10)
    pdf.set_auto_page_break(True, margin=12)
    pdf.add_page()
    pdf.set_font(FONT, "B", 14)
    pdf.cell(
        0,
        8,
        printable(translate("orders.picklist.title", lang, store=store_name)),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_font(FONT, "", 9)
    orders = sorted({r.order for r in rows})
    pdf.multi_cell(0, 5, printable(", ".join(orders) or translate("orders.picklist.empty", lang)))
    pdf.ln(2)

    def header() -> None:
        pdf.set_font(FONT, "B", 9)
        for key, width, align in COLUMNS:
            pdf.cell(width, 6, printable(translate(key, lang)), border="B", align=align)
        pdf.ln()
        pdf.set_font(FONT, "", 9)

    header()
    for row in rows:
        if pdf.will_page_break(6):
            pdf.add_page()
            header()
        values = (row.warehouse, row.bin, row.sku, row.title, str(row.units), row.order)
        for (_key, width, align), value in zip(COLUMNS, values, strict=True):
            pdf.cell(width, 6, printable(_fit(pdf, value, width)), align=align)
        pdf.ln()
    return bytes(pdf.output())


def _fit(pdf: FPDF, text: str, width: float) -> str:
    """`text` cut with "…"-like dots to fit `width` mm."""
    if pdf.get_string_width(printable(text)) <= width - 1:
        return text
    while text and pdf.get_string_width(printable(text + "...")) > width - 1:
        text = text[:-1]
    return text + "..."
