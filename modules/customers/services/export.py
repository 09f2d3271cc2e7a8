"""The customers list as a CSV file: the dashboard's filters, the shared neutralising writer.

Cells go through `orion_app.spreadsheet.format_rows`, so a name such as `=HYPERLINK(…)`
opens in a spreadsheet as text. Headings and yes/no are in the reader's language; times
are UTC, ISO 8601 to the minute.
"""

from collections.abc import Iterator
from datetime import datetime
from urllib.parse import urlencode

from sqlmodel import Session

from modules.customers.models import Customer
from modules.customers.services.directory import CustomerFilters, iter_customers
from orion_app.i18n import translate
from orion_app.spreadsheet import format_rows

EXPORT_DOWNLOAD = "/api/customers/stores/{store}/export"
COLUMNS = ("name", "email", "verified", "consent", "consent_at", "created", "last_sign_in")


def download_path(store_code: str, filters: CustomerFilters) -> str:
    """Where the dashboard downloads the filtered list (served by `api.py`)."""
    query = {
        "q": filters.query,
        "verified": filters.verified,
        "orders": filters.orders,
        "consent": filters.consent,
    }
    return EXPORT_DOWNLOAD.format(store=store_code) + "?" + urlencode(query)


def display_name(customer: Customer, lang: str) -> str:
    """The name a merchant reads: "Deleted customer" once the account is anonymised."""
    if customer.anonymised_at is not None:
        return translate("customers.admin.deleted_customer", lang)
    return customer.name


def _time(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


def csv_lines(session: Session, store_id: int, filters: CustomerFilters, lang: str) -> Iterator[str]:
    """The file's lines: a BOM (so Excel reads UTF-8), the headings, one line per customer."""
    yes, no = translate("customers.admin.yes", lang), translate("customers.admin.no", lang)

    def rows() -> Iterator[list[object]]:
        yield [translate(f"customers.admin.column.{name}", lang) for name in COLUMNS]
        for customer in iter_customers(session, store_id, filters):
            anonymised = customer.anonymised_at is not None
            yield [
                display_name(customer, lang),
                "" if anonymised else customer.email,
                yes if customer.email_verified_at else no,
                yes if customer.marketing_consent else no,
                _time(customer.marketing_consent_at),
                _time(customer.created_at),
                _time(customer.last_login_at),
            ]

    yield "\ufeff"
    yield from format_rows(rows(), delimiter=",")
