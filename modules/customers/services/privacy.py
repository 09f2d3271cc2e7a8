"""A shopper's own data: everything the store holds as JSON, and deleting the account.

Deleting anonymises: the `Customer` row stays (orders and invoices will point at it and
keep their own copies of addresses, as accounting law requires), but its name, e-mail,
password, language and consent are gone, its address book, unused links and the
merchant's notes about the person are deleted, and every session ends.
"""

from sqlalchemy import delete
from sqlmodel import Session

from modules.customers.models import Customer, CustomerAddress, CustomerNote, CustomerToken
from modules.customers.services.accounts import active_customer
from modules.customers.services.addresses import addresses_of
from modules.customers.services.auth import sign_out_everywhere
from modules.customers.services.history import account_orders
from modules.customers.services.search import refresh_search_text
from orion_app.db import utcnow
from orion_app.errors import FieldErrors
from orion_app.passwords import verify_password

ADDRESS_FIELDS = (
    "label", "name", "company", "vat_number", "line1", "line2", "postal_code", "city", "country",
    "phone", "is_default_billing", "is_default_shipping",
)  # fmt: skip


def _iso(moment) -> str | None:
    return moment.isoformat() if moment else None


def export_data(session: Session, store_id: int, customer_id: int) -> dict:
    """Everything about the customer in this store, as a JSON-ready dict."""
    customer = active_customer(session, store_id, customer_id)
    return {
        "account": {
            "email": customer.email,
            "name": customer.name,
            "language": customer.language,
            "email_verified_at": _iso(customer.email_verified_at),
            "marketing_consent": customer.marketing_consent,
            "marketing_consent_at": _iso(customer.marketing_consent_at),
            "created_at": _iso(customer.created_at),
            "last_login_at": _iso(customer.last_login_at),
        },
        "addresses": [
            {name: getattr(a, name) for name in ADDRESS_FIELDS}
            for a in addresses_of(session, store_id, customer.id)
        ],
        "orders": [
            {
                "number": o.number,
                "placed_at": _iso(o.placed_at),
                "status": o.status,
                "total": o.total,
                "items": o.item_count,
            }
            for o in account_orders(session, store_id, customer.id, customer.language or "en")
        ],
    }


def delete_account(session: Session, store_id: int, customer_id: int, password: str) -> None:
    """Anonymise the account after checking its password, and end every session."""
    customer = active_customer(session, store_id, customer_id)
    if not verify_password(customer.password_hash, password or ""):
        raise FieldErrors({"password": "customers.account.password_wrong"})
    anonymise(session, customer)


def anonymise(session: Session, customer: Customer) -> None:
    """Strip the personal data of `customer` (kept as a row); the caller commits."""
    for model in (CustomerAddress, CustomerNote, CustomerToken):
        session.exec(
            delete(model).where(model.customer_id == customer.id).execution_options(synchronize_session=False)
        )
    customer.email = f"deleted-{customer.id}@invalid"
    customer.name = ""
    customer.password_hash = None
    customer.language = None
    customer.marketing_consent = False
    customer.marketing_consent_at = utcnow()
    customer.is_active = False
    customer.anonymised_at = utcnow()
    session.add(customer)
    sign_out_everywhere(session, customer.id)
    refresh_search_text(session, customer.id)
