"""Bulk price edits of a product's variants: by a percentage or by an amount, all or none.

`plan_price_change` answers what each chosen variant's price (and sale price, when it sells
at one) would become, without writing: the dashboard shows it as a preview. The rule:

- the change applies to what the variant sells at now (its own price, else the product's),
  so a variant that inherited gets its own price; a sale price it sells at changes the
  same way (a sale is kept, not dropped);
- `percent`: "+10", "-12,5" (per cent of the price); `amount`: "+1,50", "-0,20" (euros,
  whole cents); the result is rounded to the cent, half away from zero;
- a result below zero is refused (FieldErrors `<variant id>.price`/`.sale_price`, and
  `bulk.value` saying so), as are unknown variants (`bulk.variants`) and an empty choice.

`apply_price_change` plans again on the stored rows and writes through `update_variants`.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from sqlmodel import Session

from modules.catalog.services.products import get_product
from modules.catalog.services.variant_edits import update_variants
from modules.catalog.services.variants import VariantRecord, variants_of
from orion_app.errors import FieldErrors

MODES = ("percent", "amount")
MAX_PERCENT = Decimal(1000)


@dataclass(frozen=True)
class PriceChange:
    variant_id: int
    price_before: int
    price_after: int
    sale_before: int | None
    sale_after: int | None


def parse_change(mode: str, raw: str) -> Decimal:
    """The change the merchant typed: per cent for `percent`, cents for `amount` (FieldErrors)."""
    if mode not in MODES:
        raise FieldErrors({"bulk.mode": "catalog.variants.error.bulk_mode"})
    text = str(raw or "").strip().replace(" ", "").replace("%", "").replace("€", "").replace(",", ".")
    if not text:
        raise FieldErrors({"bulk.value": "orion.error.required"})
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise FieldErrors({"bulk.value": "catalog.variants.error.bulk_value"}) from None
    if not value.is_finite() or value == 0:
        raise FieldErrors({"bulk.value": "catalog.variants.error.bulk_value"})
    if mode == "percent":
        if abs(value) > MAX_PERCENT:
            raise FieldErrors({"bulk.value": "catalog.variants.error.bulk_value"})
        return value
    cents = value * 100
    if cents != cents.to_integral_value():
        raise FieldErrors({"bulk.value": "catalog.variants.error.bulk_cents"})
    return cents


def changed_cents(cents: int, mode: str, change: Decimal) -> int:
    """`cents` after the change (`parse_change`'s answer), rounded to the cent."""
    if mode == "percent":
        result = Decimal(cents) * (Decimal(100) + change) / Decimal(100)
    else:
        result = Decimal(cents) + change
    return int(result.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def plan_price_change(
    session: Session,
    store_id: int,
    product_id: int,
    variant_ids: list[int] | None,
    mode: str,
    raw: str,
) -> list[PriceChange]:
    """What the prices of `variant_ids` (None: every variant) become; nothing is written."""
    get_product(session, store_id, product_id)
    change = parse_change(mode, raw)
    variants = variants_of(session, store_id, [product_id]).get(product_id, [])
    by_id = {v.id: v for v in variants}
    if variant_ids is None:
        chosen = variants
    else:
        if not variant_ids:
            raise FieldErrors({"bulk.variants": "catalog.variants.error.bulk_none"})
        if any(vid not in by_id for vid in variant_ids):
            raise FieldErrors({"bulk.variants": "catalog.error.variant_unknown"})
        chosen = [by_id[vid] for vid in dict.fromkeys(variant_ids)]
    plan, errors = [], {}
    for v in chosen:
        price = changed_cents(v.price_cents, mode, change)
        sale = None if v.sale_price_cents is None else changed_cents(v.sale_price_cents, mode, change)
        if price < 0:
            errors[f"{v.id}.price"] = "catalog.variants.error.negative_result"
        if sale is not None and sale < 0:
            errors[f"{v.id}.sale_price"] = "catalog.variants.error.negative_result"
        plan.append(PriceChange(v.id, v.price_cents, price, v.sale_price_cents, sale))
    if errors:
        raise FieldErrors({"bulk.value": "catalog.variants.error.negative_result", **errors})
    return plan


def apply_price_change(
    session: Session,
    store_id: int,
    product_id: int,
    variant_ids: list[int] | None,
    mode: str,
    raw: str,
) -> list[VariantRecord]:
    """Plan the change on the stored prices and write it (all variants or none); the variants now."""
    plan = plan_price_change(session, store_id, product_id, variant_ids, mode, raw)
    changes = {
        p.variant_id: {"price": p.price_after, "sale_price": "" if p.sale_after is None else p.sale_after}
        for p in plan
    }
    return update_variants(session, store_id, product_id, changes)
