"""Demo customers for the three demo stores; running it twice changes nothing.

The customers are data (`customers.json`: per store code, accounts with their addresses, and their password);
an account that already exists in its store (same e-mail) is left as it is. Every demo
customer signs in on the storefront with the demo password. The same e-mail in two stores
is two accounts, as for real shoppers.
"""

import json
from datetime import timedelta
from pathlib import Path

from sqlmodel import Session, select

from modules.customers.models import Customer, CustomerAddress
from modules.customers.services.search import refresh_search_text
from modules.tenancy.public import store_by_code
from orion_app.db import utcnow
from orion_app.passwords import hash_password

DATA = Path(__file__).with_name("customers.json")


def _days_ago(days: int | None):
    return None if days is None else utcnow() - timedelta(days=days)


def _add(session: Session, store_id: int, entry: dict, password_hash: str) -> None:
    joined = _days_ago(entry["joined_days_ago"])
    customer = Customer(
        store_id=store_id,
        email=entry["email"],
        name=entry["name"],
        password_hash=password_hash,
        language=entry["language"],
        email_verified_at=joined if entry["verified"] else None,
        marketing_consent=entry["consent"],
        marketing_consent_at=joined if entry["consent"] else None,
        created_at=joined,
        last_login_at=_days_ago(entry["last_sign_in_days_ago"]),
    )
    session.add(customer)
    session.flush()
    for address in entry["addresses"]:
        session.add(
            CustomerAddress(
                customer_id=customer.id,
                store_id=store_id,
                label=address["label"],
                name=entry["name"],
                company=address.get("company", ""),
                vat_number=address.get("vat_number", ""),
                line1=address["line1"],
                postal_code=address["postal_code"],
                city=address["city"],
                country=address.get("country", "LU"),
                phone=address.get("phone", ""),
                is_default_billing=address.get("billing", False),
                is_default_shipping=address.get("shipping", False),
            )
        )
    refresh_search_text(session, customer.id)


def seed(session: Session) -> list[str]:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    password_hash = hash_password(data["password"])
    added = 0
    for code, entries in data["stores"].items():
        store = store_by_code(session, code)
        if store is None:
            continue
        known = set(session.exec(select(Customer.email).where(Customer.store_id == store.id)).all())
        for entry in entries:
            if entry["email"] not in known:
                _add(session, store.id, entry, password_hash)
                added += 1
    session.commit()
    return [f"Demo customers: {added} added (storefront password: {data['password']})."]
