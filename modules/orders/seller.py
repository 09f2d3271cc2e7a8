"""What orders knows of a seller beyond tenancy (its invoices' postal address and trade
register number), for other modules' pages through the `seller_details` contribution point
(cms fills a store's legal pages with it)."""

from sqlmodel import Session

from modules.orders.services.invoices import invoice_settings


def seller_details(session: Session, store_id: int) -> dict[str, str]:
    settings = invoice_settings(session, store_id)
    return {"address": settings.seller_address, "registration": settings.registration_number}
