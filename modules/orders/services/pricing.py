"""An order's lines and totals, computed from catalog now, whatever the shopper's page showed.

The placement names variants and quantities only; every price, title and VAT rate is read
again here through catalog's public face (`sellable_variants`), so a tampered or stale page
cannot change what is charged. A line that cannot be sold is refused with a message naming
it (FieldErrors keyed `lines.<i>`), before anything is written.
"""

import hashlib
import json
from dataclasses import asdict, dataclass

from sqlmodel import Session

from modules.catalog.public import sellable_variants
from modules.orders.records import Placement, VatLine
from modules.orders.services.vat import Split, split_gross, totals_by_rate
from orion_app.errors import FieldErrors
from orion_app.validation import is_email

MAX_LINES = 200
MAX_QUANTITY = 999  # per line: more is a wholesale enquiry, or a tampered form
PAYMENT_METHODS = ("card", "bank_transfer")
VAT_RATES = (0, 3, 8, 14, 17)  # Luxembourg's rates


@dataclass(frozen=True)
class PricedLine:
    product_id: int
    variant_id: int
    sku: str
    title: str
    options: str
    quantity: int
    unit_price_cents: int
    vat_rate: int
    split: Split
    stock_limited: bool


@dataclass(frozen=True)
class Priced:
    lines: tuple[PricedLine, ...]
    currency: str
    subtotal_cents: int
    shipping: Split
    vat_lines: tuple[VatLine, ...]
    vat_cents: int
    total_cents: int


def check_placement(placement: Placement) -> None:
    """Refuse what no catalog read can fix: no lines, bad quantities, e-mail, method, terms."""
    errors: dict[str, str] = {}
    params: dict[str, dict[str, object]] = {}
    if not placement.lines:
        errors["lines"] = "orders.error.no_lines"
    elif len(placement.lines) > MAX_LINES:
        errors["lines"] = "orders.error.too_many_lines"
        params["lines"] = {"max": MAX_LINES}
    for i, line in enumerate(placement.lines):
        if type(line.quantity) is not int or not 1 <= line.quantity <= MAX_QUANTITY:
            errors[f"lines.{i}"] = "orders.error.quantity"
            params[f"lines.{i}"] = {"max": MAX_QUANTITY}
    if not is_email(placement.email or ""):
        errors["email"] = "orders.error.email"
    if placement.payment_method not in PAYMENT_METHODS:
        errors["payment_method"] = "orders.error.payment_method"
    if not placement.terms_accepted:
        errors["terms_accepted"] = "orders.error.terms"
    if not placement.billing.name.strip():
        errors["billing.name"] = "orion.error.required"
    if type(placement.shipping_cents) is not int or placement.shipping_cents < 0:
        errors["shipping_method"] = "orders.error.shipping"
    if placement.shipping_vat_rate not in VAT_RATES:
        errors["shipping_method"] = "orders.error.shipping"
    if not (placement.idempotency_key or "").strip() or len(placement.idempotency_key) > 100:
        errors["idempotency_key"] = "orders.error.idempotency_key"
    if errors:
        raise FieldErrors(errors, params)


def merged_quantities(placement: Placement) -> dict[int, int]:
    """variant id -> units, in the placement's order (the same variant twice is one line)."""
    quantities: dict[int, int] = {}
    for line in placement.lines:
        quantities[line.variant_id] = quantities.get(line.variant_id, 0) + line.quantity
    return quantities


def fingerprint(placement: Placement) -> str:
    """SHA-256 of what the shopper asked for (lines, addresses, shipping, payment, e-mail):
    the same idempotency key with another fingerprint is another order, and is refused."""
    content = {
        "lines": sorted(merged_quantities(placement).items()),
        "email": placement.email.strip().lower(),
        "customer": placement.customer_id,
        "billing": asdict(placement.billing),
        "shipping": asdict(placement.shipping) if placement.shipping else None,
        "shipping_method": [placement.shipping_method, placement.shipping_cents, placement.shipping_vat_rate],
        "payment_method": placement.payment_method,
    }
    return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()


def price(session: Session, placement: Placement, langs: tuple[str, ...]) -> Priced:
    """The order's lines, VAT per rate and totals from catalog's prices now; FieldErrors name
    each line that is unknown, of another store, inactive or in another currency."""
    quantities = merged_quantities(placement)
    found = sellable_variants(session, placement.store_id, list(quantities), langs)
    errors: dict[str, str] = {}
    params: dict[str, dict[str, object]] = {}
    currencies = {v.currency for v in found.values()}
    currency = "EUR" if "EUR" in currencies or not currencies else sorted(currencies)[0]
    lines: list[PricedLine] = []
    for i, (variant_id, quantity) in enumerate(quantities.items()):
        variant = found.get(variant_id)
        if variant is None:  # unknown, or another store's: the same answer, nothing revealed
            errors[f"lines.{i}"] = "orders.error.line_unknown"
            params[f"lines.{i}"] = {"line": i + 1}
            continue
        if not variant.is_active or variant.currency != currency:
            errors[f"lines.{i}"] = "orders.error.line_unavailable"
            params[f"lines.{i}"] = {"title": variant.title, "sku": variant.sku}
            continue
        lines.append(
            PricedLine(
                product_id=variant.product_id,
                variant_id=variant_id,
                sku=variant.sku,
                title=variant.title,
                options=variant.options,
                quantity=quantity,
                unit_price_cents=variant.price_cents,
                vat_rate=variant.vat_rate,
                split=split_gross(variant.price_cents * quantity, variant.vat_rate),
                stock_limited=variant.stock_limited,
            )
        )
    if errors:
        raise FieldErrors(errors, params)
    shipping = split_gross(placement.shipping_cents, placement.shipping_vat_rate)
    vat_lines = totals_by_rate(
        [(line.vat_rate, line.split) for line in lines] + [(placement.shipping_vat_rate, shipping)]
        if placement.shipping_cents
        else [(line.vat_rate, line.split) for line in lines]
    )
    subtotal = sum(line.split.gross_cents for line in lines)
    return Priced(
        lines=tuple(lines),
        currency=currency,
        subtotal_cents=subtotal,
        shipping=shipping,
        vat_lines=vat_lines,
        vat_cents=sum(v.vat_cents for v in vat_lines),
        total_cents=subtotal + shipping.gross_cents,
    )
