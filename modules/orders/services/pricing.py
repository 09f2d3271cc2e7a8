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
from modules.orders.records import OrderAddress, Placement, VatLine
from modules.orders.services import vies
from modules.orders.services.vat import Split, totals_by_rate
from modules.orders.services.vat_rules import (
    SELLER_COUNTRY,
    Rate,
    Treatment,
    charged_unit_price,
    normalise_vat_number,
    split_line,
    vat_number_valid,
    vat_treatment,
)
from modules.orders.services.vat_settings import VatSettingsRecord, vat_settings
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
    unit_price_cents: int  # as charged: the catalog's gross, or its LU net at 0 % (see vat_rules)
    vat_rate: Rate  # as invoiced
    split: Split
    stock_limited: bool


@dataclass(frozen=True)
class Priced:
    lines: tuple[PricedLine, ...]
    currency: str
    subtotal_cents: int
    shipping: Split
    shipping_vat_rate: Rate  # as invoiced
    vat_lines: tuple[VatLine, ...]
    vat_cents: int
    total_cents: int
    treatment: Treatment  # the order's kind, mention and VAT number message (rate: its 17 % goods')


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


def price(
    session: Session,
    placement: Placement,
    langs: tuple[str, ...],
    settings: VatSettingsRecord | None = None,
) -> Priced:
    """The order's lines, VAT per rate and totals from catalog's prices now; FieldErrors name
    each line that is unknown, of another store, inactive or in another currency.
    `settings`: the store's VAT settings when the caller has read them."""
    return price_lines(
        session,
        placement.store_id,
        merged_quantities(placement),
        langs,
        placement.billing,
        placement.shipping_cents,
        placement.shipping_vat_rate,
        settings,
    )


def price_lines(
    session: Session,
    store_id: int,
    quantities: dict[int, int],
    langs: tuple[str, ...],
    billing: OrderAddress,
    shipping_cents: int,
    shipping_vat_rate: int,
    settings: VatSettingsRecord | None = None,
) -> Priced:
    """`price` for variant id -> units, billed to `billing` (its country and VAT number decide
    the VAT through `vat_rules.vat_treatment`, with the store's VAT settings: `settings`, or
    read here)."""
    found = sellable_variants(session, store_id, list(quantities), langs, photos=False)
    if settings is None:
        settings = vat_settings(session, store_id)
    checked = _vies_verdict(settings, billing)

    def treat(lu_rate: int) -> Treatment:
        return _treatment(settings, billing, lu_rate, checked)

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
        treatment = treat(variant.vat_rate)
        unit = charged_unit_price(variant.price_cents, variant.vat_rate, treatment)
        lines.append(
            PricedLine(
                product_id=variant.product_id,
                variant_id=variant_id,
                sku=variant.sku,
                title=variant.title,
                options=variant.options,
                quantity=quantity,
                unit_price_cents=unit,
                vat_rate=treatment.rate,
                split=split_line(unit * quantity, treatment),
                stock_limited=variant.stock_limited,
            )
        )
    if errors:
        raise FieldErrors(errors, params)
    shipping_treatment = treat(shipping_vat_rate)
    shipping = split_line(
        charged_unit_price(shipping_cents, shipping_vat_rate, shipping_treatment), shipping_treatment
    )
    splits = [(line.vat_rate, line.split) for line in lines]
    if shipping_cents:
        splits.append((shipping_treatment.rate, shipping))
    vat_lines = totals_by_rate(splits)
    subtotal = sum(line.split.gross_cents for line in lines)
    return Priced(
        lines=tuple(lines),
        currency=currency,
        subtotal_cents=subtotal,
        shipping=shipping,
        shipping_vat_rate=shipping_treatment.rate,
        vat_lines=vat_lines,
        vat_cents=sum(v.vat_cents for v in vat_lines),
        total_cents=subtotal + shipping.gross_cents,
        treatment=treat(17),
    )


def _treatment(
    settings: VatSettingsRecord, billing: OrderAddress, lu_rate: int, vies_verdict: str
) -> Treatment:
    return vat_treatment(
        buyer_country=billing.country,
        buyer_vat_number=billing.vat_number,
        product_vat_rate_lu=lu_rate,
        store_oss_over_threshold=settings.oss_over_threshold,
        class_by_lu_rate=settings.class_by_lu_rate,
        vies_verdict=vies_verdict,
    )


def _vies_verdict(settings: VatSettingsRecord, billing: OrderAddress) -> str:
    """VIES's word on the buyer's VAT number when the store asks for it and the number could
    earn the reverse charge (an EU business outside Luxembourg whose checksum passes); "" when
    no check is made. Asked once per pricing, before any row is locked."""
    country = (billing.country or "").upper()
    if not settings.vies_check or country == SELLER_COUNTRY:
        return ""
    if not vat_number_valid(billing.vat_number, country):
        return ""
    return vies.verdict(normalise_vat_number(billing.vat_number))
