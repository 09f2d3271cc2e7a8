"""A customer's address book: several addresses, one default for billing and one for
shipping, in EU countries; Luxembourg postal codes and VAT numbers checked by format."""

import re
from dataclasses import dataclass

from sqlmodel import Session, select
from stdnum.eu import vat as eu_vat

from modules.customers.models import CustomerAddress
from modules.customers.services.accounts import active_customer
from modules.customers.services.search import refresh_search_text
from orion_app.errors import FieldErrors, NotFound

EU_COUNTRIES = (
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
    "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
)  # fmt: skip
LU_POSTAL = re.compile(r"^(?:L-?)?(\d{4})$", re.IGNORECASE)
# The format of each member state's VAT number after its prefix (Greece's prefix is EL).
VAT_FORMATS = {
    "AT": r"U\d{8}", "BE": r"[01]\d{9}", "BG": r"\d{9,10}", "CY": r"\d{8}[A-Z]", "CZ": r"\d{8,10}",
    "DE": r"\d{9}", "DK": r"\d{8}", "EE": r"\d{9}", "EL": r"\d{9}", "ES": r"[A-Z0-9]\d{7}[A-Z0-9]",
    "FI": r"\d{8}", "FR": r"[A-HJ-NP-Z0-9]{2}\d{9}", "HR": r"\d{11}", "HU": r"\d{8}",
    "IE": r"\d{7}[A-W][A-I]?|\d[A-Z+*]\d{5}[A-W]",
    "IT": r"\d{11}", "LT": r"\d{9}|\d{12}", "LU": r"\d{8}", "LV": r"\d{11}", "MT": r"\d{8}",
    "NL": r"\d{9}B\d{2}", "PL": r"\d{10}", "PT": r"\d{9}", "RO": r"\d{2,10}", "SE": r"\d{12}",
    "SI": r"\d{8}", "SK": r"\d{10}",
}  # fmt: skip
LIMITS = {"label": 60, "name": 120, "company": 120, "line1": 200, "line2": 200, "city": 100, "phone": 30}
REQUIRED = ("name", "line1", "postal_code", "city")


@dataclass(frozen=True)
class AddressInput:
    label: str = ""
    name: str = ""
    company: str = ""
    vat_number: str = ""
    line1: str = ""
    line2: str = ""
    postal_code: str = ""
    city: str = ""
    country: str = "LU"
    phone: str = ""
    is_default_billing: bool = False
    is_default_shipping: bool = False


def normalise_vat(value: str) -> str:
    return re.sub(r"[\s.\-]", "", value or "").upper()


def vat_error(vat: str) -> str | None:
    """The message key when `vat` (normalised) is not an EU VAT number's format."""
    prefix, rest = vat[:2], vat[2:]
    pattern = VAT_FORMATS.get(prefix)
    if pattern is None:
        return "customers.account.vat_prefix"
    return None if re.fullmatch(pattern, rest) else "customers.account.vat_format"


def vat_charged(vat: str, country: str) -> bool:
    """True when a VAT number is given but fails its country's checksum (python-stdnum), or
    belongs to another country than the address: the buyer is then charged VAT as a
    consumer (orders' VAT rules decide the same way at checkout). Saved all the same."""
    if not vat:
        return False
    prefix = "EL" if country == "GR" else country
    return not (vat.startswith(prefix) and eu_vat.is_valid(vat))


def clean_address(data: AddressInput) -> tuple[dict, dict[str, str]]:
    """(the address's columns, errors by field) of what the form sent."""
    values = {name: " ".join(str(getattr(data, name) or "").split()) for name in (*LIMITS, "postal_code")}
    values["country"] = (data.country or "").strip().upper()
    values["vat_number"] = normalise_vat(data.vat_number)
    errors = {name: "customers.account.required" for name in REQUIRED if not values[name]}
    errors |= {
        name: "customers.account.too_long" for name, limit in LIMITS.items() if len(values[name]) > limit
    }
    if values["country"] not in EU_COUNTRIES:
        errors["country"] = "customers.account.country_eu"
    elif values["country"] == "LU" and values["postal_code"]:
        found = LU_POSTAL.match(values["postal_code"])
        if found:
            values["postal_code"] = f"L-{found.group(1)}"
        else:
            errors["postal_code"] = "customers.account.postal_lu"
    if len(values["postal_code"]) > 12:
        errors["postal_code"] = "customers.account.too_long"
    if values["vat_number"] and (vat := vat_error(values["vat_number"])):
        errors["vat_number"] = vat
    return values, errors


def addresses_of(session: Session, store_id: int, customer_id: int) -> list[CustomerAddress]:
    return list(
        session.exec(
            select(CustomerAddress)
            .where(CustomerAddress.store_id == store_id, CustomerAddress.customer_id == customer_id)
            .order_by(CustomerAddress.id)
        ).all()
    )


def _own_address(session: Session, store_id: int, customer_id: int, address_id: int) -> CustomerAddress:
    address = session.get(CustomerAddress, address_id)
    if address is None or address.store_id != store_id or address.customer_id != customer_id:
        raise NotFound()
    return address


def save_address(
    session: Session, store_id: int, customer_id: int, data: AddressInput, address_id: int | None = None
) -> CustomerAddress:
    """Add an address, or change one of the customer's own; the caller commits.

    The first address becomes both defaults; marking one default unmarks the others."""
    customer = active_customer(session, store_id, customer_id)
    values, errors = clean_address(data)
    if errors:
        raise FieldErrors(errors)
    existing = addresses_of(session, store_id, customer.id)
    if address_id:
        address = _own_address(session, store_id, customer.id, address_id)
    else:
        address = CustomerAddress(customer_id=customer.id, store_id=store_id, **values)
    for name, value in values.items():
        setattr(address, name, value)
    first = not existing
    address.is_default_billing = data.is_default_billing or first or address.is_default_billing
    address.is_default_shipping = data.is_default_shipping or first or address.is_default_shipping
    session.add(address)
    session.flush()
    _one_default(session, store_id, customer.id, address)
    refresh_search_text(session, customer.id)
    return address


def _one_default(session: Session, store_id: int, customer_id: int, chosen: CustomerAddress) -> None:
    for other in addresses_of(session, store_id, customer_id):
        if other.id == chosen.id:
            continue
        if chosen.is_default_billing and other.is_default_billing:
            other.is_default_billing = False
            session.add(other)
        if chosen.is_default_shipping and other.is_default_shipping:
            other.is_default_shipping = False
            session.add(other)


def make_default(session: Session, store_id: int, customer_id: int, address_id: int, kind: str) -> None:
    """Make the customer's own address the default for `kind` ("billing" or "shipping")."""
    address = _own_address(session, store_id, customer_id, address_id)
    if kind not in ("billing", "shipping"):
        raise NotFound()
    setattr(address, f"is_default_{kind}", True)
    session.add(address)
    _one_default(session, store_id, customer_id, address)


def delete_address(session: Session, store_id: int, customer_id: int, address_id: int) -> None:
    """Remove one of the customer's own addresses; a default passes to the oldest other one."""
    address = _own_address(session, store_id, customer_id, address_id)
    session.delete(address)
    session.flush()
    rest = addresses_of(session, store_id, customer_id)
    if rest:
        if address.is_default_billing and not any(a.is_default_billing for a in rest):
            rest[0].is_default_billing = True
        if address.is_default_shipping and not any(a.is_default_shipping for a in rest):
            rest[0].is_default_shipping = True
        session.add(rest[0])
    refresh_search_text(session, customer_id)
