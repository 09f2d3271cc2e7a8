"""The merchant's order list as a CSV file: the list's filters, the shared neutralising writer.

Cells go through `orion_app.spreadsheet.format_rows`, so a customer name such as
`=HYPERLINK(…)` opens in a spreadsheet as text. Headings and statuses are in the reader's
language; amounts are plain decimals (12.50) a spreadsheet can add up; times are UTC,
ISO 8601 to the minute.
"""

from collections.abc import Iterator
from urllib.parse import urlencode

from sqlmodel import Session

from modules.orders.services.listing import OrderFilters, iter_orders
from orion_app.i18n import translate
from orion_app.spreadsheet import format_rows

EXPORT_DOWNLOAD = "/api/orders/stores/{store}/export"
COLUMNS = ("number", "date", "status", "customer", "email", "method", "items", "vat", "total", "currency")


def download_path(store_code: str, filters: OrderFilters) -> str:
    """Where the dashboard downloads the filtered list (served by `downloads.py`)."""
    return EXPORT_DOWNLOAD.format(store=store_code) + "?" + urlencode(filters.as_query())


def decimal(cents: int) -> str:
    """12345 -> '123.45' (a dot whatever the language: the file is for spreadsheets)."""
    sign = "-" if cents < 0 else ""
    units, rest = divmod(abs(cents), 100)
    return f"{sign}{units}.{rest:02d}"


def csv_lines(session: Session, store_id: int, filters: OrderFilters, lang: str) -> Iterator[str]:
    """The file's lines: a BOM (so Excel reads UTF-8), the headings, one line per order."""

    def rows() -> Iterator[list[object]]:
        yield [translate(f"orders.ui.column.{name}", lang) for name in COLUMNS]
        for order in iter_orders(session, store_id, filters):
            yield [
                order.number,
                order.created_at.strftime("%Y-%m-%d %H:%M"),
                translate(f"orders.domain.status.{order.status}", lang),
                order.customer_name,
                order.email,
                translate(f"orders.domain.payment.{order.payment_method}", lang),
                order.item_count,
                decimal(order.vat_cents),
                decimal(order.total_cents),
                order.currency,
            ]

    yield "\ufeff"
    yield from format_rows(rows(), delimiter=",")
