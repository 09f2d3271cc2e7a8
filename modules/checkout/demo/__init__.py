"""Demo shipping methods for the demo stores (`shipping.json`); running it twice changes
nothing: a method whose code the store already has is left as it is."""

import json
from pathlib import Path

from sqlmodel import Session, select

from modules.checkout.models import ShippingMethod
from modules.tenancy.public import store_by_code

DATA = Path(__file__).with_name("shipping.json")


def seed(session: Session) -> list[str]:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    added = 0
    for code in data["stores"]:
        store = store_by_code(session, code)
        if store is None:
            continue
        known = set(
            session.exec(select(ShippingMethod.code).where(ShippingMethod.store_id == store.id)).all()
        )
        for entry in data["methods"]:
            if entry["code"] not in known:
                session.add(ShippingMethod(store_id=store.id, **entry))
                added += 1
    session.commit()
    return [f"Demo shipping methods: {added} added."]
