"""A store's shipping methods: the merchant's list and editor, and which ones a shopper may
choose for a country and a cart, at what price (computed here, never taken from a client)."""

import re
from dataclasses import dataclass

from sqlmodel import Session, select

from modules.catalog.public import ValueProblem, parse_price
from modules.checkout.models import ShippingMethod
from modules.customers.public import EU_COUNTRIES
from orion_app.errors import FieldErrors, NotFound

KINDS = ("flat", "collect")
VAT_RATES = (17, 14, 8, 3, 0)
CODE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
LABEL_MAX = 80


@dataclass(frozen=True)
class ShippingInput:
    """What the merchant's form sends; money as typed ("4.90", "4,90 €")."""

    code: str = ""
    kind: str = "flat"
    labels: dict[str, str] | None = None
    zone: str = "EU"
    price: str = "0"
    vat_rate: str = "17"
    free_above: str = ""
    warehouse: str = ""
    active: bool = True
    position: str = "0"


@dataclass(frozen=True)
class ShippingQuote:
    """A method a shopper may choose, priced for their cart."""

    code: str
    kind: str
    label: str
    price_cents: int
    vat_rate: int
    warehouse: str


def zone_countries(zone: str) -> frozenset[str]:
    """The ISO codes a zone names; "EU" stands for every member state."""
    codes: set[str] = set()
    for part in zone.upper().replace(" ", "").split(","):
        if part == "EU":
            codes.update(EU_COUNTRIES)
        elif part:
            codes.add(part)
    return frozenset(codes)


def label_of(method: ShippingMethod, lang: str, fallback: str) -> str:
    """The method's label in `lang`, else the store's language, else any, else its code."""
    labels = method.labels or {}
    return labels.get(lang) or labels.get(fallback) or next(iter(labels.values()), "") or method.code


def _cents(raw: str, field: str, errors: dict[str, str], *, optional: bool = False) -> int | None:
    if optional and not str(raw or "").strip():
        return None
    try:
        cents, currency = parse_price(raw)
    except ValueProblem as problem:
        errors[field] = problem.key
        return None
    if currency not in (None, "EUR"):
        errors[field] = "checkout.shipping.error.currency"
    return cents


def _int(raw: str) -> int | None:
    try:
        return int(str(raw).strip())
    except (TypeError, ValueError):
        return None


def clean_method(data: ShippingInput, languages: list[str]) -> tuple[dict, dict[str, str]]:
    """(the method's columns, errors by field) of what the merchant's form sent."""
    errors: dict[str, str] = {}
    code = (data.code or "").strip().lower()
    if not CODE.match(code):
        errors["code"] = "checkout.shipping.error.code"
    kind = data.kind if data.kind in KINDS else ""
    if not kind:
        errors["kind"] = "checkout.shipping.error.kind"
    labels = {lang: " ".join(str((data.labels or {}).get(lang) or "").split()) for lang in languages}
    labels = {lang: label for lang, label in labels.items() if label}
    for lang in languages:
        if len(labels.get(lang, "")) > LABEL_MAX:
            errors[f"label_{lang}"] = "checkout.shipping.error.too_long"
    if languages and not labels.get(languages[0]):
        errors[f"label_{languages[0]}"] = "checkout.shipping.error.label_required"
    zone = ",".join(p for p in (data.zone or "").upper().replace(" ", "").split(",") if p)
    unknown = [p for p in zone.split(",") if p and p != "EU" and p not in EU_COUNTRIES]
    if not zone or unknown:
        errors["zone"] = "checkout.shipping.error.zone"
    price = _cents(data.price, "price", errors)
    free_above = _cents(data.free_above, "free_above", errors, optional=True)
    vat_rate = _int(data.vat_rate)
    if vat_rate not in VAT_RATES:
        errors["vat_rate"] = "checkout.shipping.error.vat_rate"
    warehouse = (data.warehouse or "").strip()
    if kind == "collect" and not warehouse:
        errors["warehouse"] = "checkout.shipping.error.warehouse_required"
    elif len(warehouse) > 40:
        errors["warehouse"] = "checkout.shipping.error.too_long"
    position = _int(data.position)
    if position is None or not 0 <= position <= 999:
        errors["position"] = "checkout.shipping.error.position"
    values = {
        "code": code,
        "kind": kind,
        "labels": labels,
        "zone": zone,
        "price_cents": price or 0,
        "vat_rate": vat_rate or 0,
        "free_above_cents": free_above,
        "warehouse": warehouse if kind == "collect" else "",
        "active": bool(data.active),
        "position": position or 0,
    }
    return values, errors


def methods_of(session: Session, store_id: int) -> list[ShippingMethod]:
    """Every shipping method of the store, in the merchant's order."""
    return list(
        session.exec(
            select(ShippingMethod)
            .where(ShippingMethod.store_id == store_id)
            .order_by(ShippingMethod.position, ShippingMethod.id)
        ).all()
    )


def method_of(session: Session, store_id: int, method_id: int) -> ShippingMethod:
    method = session.get(ShippingMethod, method_id)
    if method is None or method.store_id != store_id:
        raise NotFound()
    return method


def save_method(
    session: Session, store_id: int, languages: list[str], data: ShippingInput, method_id: int | None = None
) -> ShippingMethod:
    """Add a method, or change one of the store's own; refuses bad fields and a taken code.
    Commits."""
    values, errors = clean_method(data, languages)
    method = method_of(session, store_id, method_id) if method_id else ShippingMethod(store_id=store_id)
    taken = session.exec(
        select(ShippingMethod.id).where(
            ShippingMethod.store_id == store_id, ShippingMethod.code == values["code"]
        )
    ).first()
    if taken is not None and taken != method.id:
        errors["code"] = "checkout.shipping.error.code_taken"
    if errors:
        raise FieldErrors(errors)
    for name, value in values.items():
        setattr(method, name, value)
    session.add(method)
    session.commit()
    return method


def delete_method(session: Session, store_id: int, method_id: int) -> None:
    """Remove one of the store's methods (orders keep their own copy of label and price)."""
    session.delete(method_of(session, store_id, method_id))
    session.commit()


def price_for(method: ShippingMethod, subtotal_cents: int) -> int:
    """The method's price for a cart of `subtotal_cents` (gross): free from the threshold on."""
    if method.free_above_cents is not None and subtotal_cents >= method.free_above_cents:
        return 0
    return method.price_cents


def quotes(
    session: Session, store_id: int, country: str, subtotal_cents: int, lang: str, fallback: str
) -> list[ShippingQuote]:
    """The active methods a shopper in `country` may choose, priced for the cart.

    A flat rate whose zone names the country itself wins over those matching only through
    "EU" (Luxembourg's own rate hides the EU-wide one there); click-and-collect is offered
    wherever the shopper lives, when its zone includes the country."""
    country = (country or "").upper()
    active = [m for m in methods_of(session, store_id) if m.active and country in zone_countries(m.zone)]
    flat = [m for m in active if m.kind == "flat"]
    named = [m for m in flat if country in {p.strip() for p in m.zone.upper().split(",")}]
    chosen = [m for m in active if m.kind == "collect" or m in (named or flat)]
    return [
        ShippingQuote(
            code=m.code,
            kind=m.kind,
            label=label_of(m, lang, fallback),
            price_cents=price_for(m, subtotal_cents),
            vat_rate=m.vat_rate,
            warehouse=m.warehouse,
        )
        for m in chosen
    ]


def quote(
    session: Session, store_id: int, code: str, country: str, subtotal_cents: int, lang: str, fallback: str
) -> ShippingQuote | None:
    """The chosen method, when it is still one the shopper may choose."""
    return next(
        (q for q in quotes(session, store_id, country, subtotal_cents, lang, fallback) if q.code == code),
        None,
    )
