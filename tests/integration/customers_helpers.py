"""Customers for the merchant-side tests, written straight to the tables."""

from datetime import timedelta

from sqlmodel import select

from modules.customers.models import Customer, CustomerAddress
from modules.customers.services.search import refresh_search_text
from modules.tenancy.models import Store
from orion_app.db import session_scope, utcnow


def add_customer(
    store: str,
    email: str,
    name: str = "",
    *,
    verified: bool = False,
    consent: bool = False,
    company: str = "",
    vat: str = "",
    anonymised: bool = False,
    age_days: int = 0,
) -> int:
    """A customer of store `store` (its code), searchable as the shop side would leave it."""
    with session_scope() as session:
        store_id = session.exec(select(Store.id).where(Store.code == store)).one()
        now = utcnow()
        customer = Customer(
            store_id=store_id,
            email=email,
            name=name,
            email_verified_at=now if verified else None,
            marketing_consent=consent,
            marketing_consent_at=now if consent else None,
            anonymised_at=now if anonymised else None,
            created_at=now - timedelta(days=age_days),
        )
        session.add(customer)
        session.flush()
        if company or vat:
            session.add(
                CustomerAddress(
                    customer_id=customer.id,
                    store_id=store_id,
                    name=name,
                    company=company,
                    vat_number=vat,
                    line1="1, rue de la Gare",
                    postal_code="1611",
                    city="Luxembourg",
                    is_default_billing=True,
                )
            )
        refresh_search_text(session, customer.id)
        session.commit()
        return customer.id
