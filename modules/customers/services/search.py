"""The folded text merchants search customers by: name, e-mail, and the companies and VAT
numbers of their addresses (`Customer.search_text`)."""

from sqlmodel import Session, select

from modules.customers.models import Customer, CustomerAddress
from orion_app.text import fold

SEARCH_TEXT_MAX = 1000  # the column's length


def search_text_of(customer: Customer, addresses: list[CustomerAddress]) -> str:
    parts = [customer.name, customer.email]
    for address in addresses:
        parts += [address.company, address.vat_number]
    text = fold(" ".join(p for p in parts if p))
    return text[:SEARCH_TEXT_MAX]


def refresh_search_text(session: Session, customer_id: int) -> None:
    """Recompute the customer's `search_text` after a change of name, e-mail or addresses;
    the caller commits (pending address changes are flushed first)."""
    session.flush()
    customer = session.get(Customer, customer_id)
    if customer is None:
        return
    addresses = session.exec(select(CustomerAddress).where(CustomerAddress.customer_id == customer_id)).all()
    customer.search_text = search_text_of(customer, list(addresses))
    session.add(customer)
