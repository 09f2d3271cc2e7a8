"""Parsing and checking product values: prices, GTINs, VAT rates, slugs, search text."""

import re
import unicodedata
from decimal import Decimal, InvalidOperation

VAT_RATES = (17, 14, 8, 3, 0)  # Luxembourg: standard, intermediate, reduced, super-reduced, zero
AVAILABILITY = ("in_stock", "out_of_stock", "preorder", "backorder")
CONDITIONS = ("new", "refurbished", "used")
GTIN_TYPES = {8: "EAN-8", 12: "UPC-A", 13: "EAN-13", 14: "GTIN-14"}
_PRICE = re.compile(r"^\s*(?P<amount>[0-9][0-9 .,']*)\s*(?P<currency>[A-Za-z]{3}|€)?\s*$")


class ValueProblem(ValueError):
    """A value that cannot be used; `key` is the translation key of the explanation."""

    def __init__(self, key: str):
        super().__init__(key)
        self.key = key


def parse_price(raw: str | int | float | None) -> tuple[int, str | None]:
    """'19.99', '19,99', '19.99 EUR', '1.234,50 €' -> (cents, currency or None)."""
    if raw is None or str(raw).strip() == "":
        raise ValueProblem("catalog.error.price_required")
    match = _PRICE.match(str(raw))
    if not match:
        raise ValueProblem("catalog.error.price_format")
    amount = match["amount"].replace(" ", "").replace("'", "")
    if "," in amount and "." in amount:  # the last separator is the decimal one
        decimal_sep = "," if amount.rfind(",") > amount.rfind(".") else "."
        thousands = "." if decimal_sep == "," else ","
        amount = amount.replace(thousands, "").replace(decimal_sep, ".")
    elif "," in amount:
        amount = amount.replace(",", ".")
    try:
        value = Decimal(amount)
    except InvalidOperation:
        raise ValueProblem("catalog.error.price_format") from None
    if value < 0:
        raise ValueProblem("catalog.error.price_negative")
    if value != value.quantize(Decimal("0.01")):
        raise ValueProblem("catalog.error.price_format")
    currency = match["currency"]
    return int(value * 100), ("EUR" if currency == "€" else currency.upper() if currency else None)


def gtin_type(raw: str) -> str:
    """The GTIN's type when its length and GS1 check digit are right, else ValueProblem."""
    digits = raw.strip().replace(" ", "")
    if not digits.isdigit() or len(digits) not in GTIN_TYPES:
        raise ValueProblem("catalog.error.gtin_format")
    body, check = digits[:-1], int(digits[-1])
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    if (10 - total % 10) % 10 != check:
        raise ValueProblem("catalog.error.gtin_check_digit")
    return GTIN_TYPES[len(digits)]


def fold(text: str) -> str:
    """Lower-case and without accents: 'Café Crème' -> 'cafe creme'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).lower().split())


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:120] or "product"
