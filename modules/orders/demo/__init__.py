"""Demo seller details (`sellers.json`): each demo store's invoice address and RCS number,
which its invoices print and its legal notice shows (the `seller_details` point). Running it
twice changes nothing, and a store that has saved its own details keeps them. Both stores of
Café Lëtzebuerg SARL are one company: one address, one number. The VAT numbers are the
merchants' (tenancy's demo; billing's for the merchant it signs up)."""

import json
from pathlib import Path

from sqlmodel import Session

from modules.orders.services.invoices import invoice_settings, save_invoice_settings
from modules.tenancy.public import store_by_code

DATA = Path(__file__).with_name("sellers.json")


def seed(session: Session) -> list[str]:
    added = 0
    for code, details in json.loads(DATA.read_text(encoding="utf-8"))["stores"].items():
        store = store_by_code(session, code, active_only=False)
        if store is None:
            continue
        current = invoice_settings(session, store.id)
        if current.seller_address or current.registration_number:
            continue
        save_invoice_settings(session, store.id, invoice_on=current.invoice_on, **details)
        added += 1
    session.commit()
    return [f"Demo seller details (invoice address, RCS number): {added} store(s)."]
