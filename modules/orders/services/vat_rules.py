"""Which VAT an order line carries: the one place that decides (see docs/orders.md, VAT rules).

The seller is in Luxembourg and catalog prices are gross at the product's Luxembourg rate
(17, 14, 8, 3 or 0). From the buyer's billing country, VAT number and the store's OSS
setting, `vat_treatment` returns the rate to invoice and why:

- `domestic`: a buyer in Luxembourg (with or without a VAT number) pays the LU rate;
- `intra_eu_b2c_origin`: a consumer elsewhere in the EU while the store is under the OSS
  threshold pays the LU rate (origin rule);
- `oss`: the same consumer while the store is over the threshold pays the rate of the
  destination country for the product's VAT class (`data/eu_vat_rates.json`);
- `reverse_charge`: a business elsewhere in the EU whose VAT number passes its country's
  checksum (python-stdnum) pays 0 %, and the invoice carries the Art. 196 mention;
- `export`: a buyer outside the EU pays 0 %, with the export mention.

A VAT number that fails its checksum (or belongs to another country than the billing
address) makes the buyer a consumer, with a message saying so. When the store turns on the
online check, the caller passes VIES's verdict (`services/vies.py`): only `valid` keeps the
reverse charge; `invalid` and `unavailable` charge VAT with their own message.

Amounts: LU and OSS rates keep the catalog's gross unit price (the shopper pays the shelf
price; OSS splits it at the destination rate); 0 % treatments charge the unit's net at the
LU rate. `split_line` then applies the one rounding rule of `services/vat.py` (per line,
net half-up).
"""

import json
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path

from stdnum.eu import vat as eu_vat

from modules.orders.services.vat import Split, split_gross

Rate = int | Decimal  # whole percents stay int; 5.5, 13.5, 25.5 … are exact Decimals
SELLER_COUNTRY = "LU"
DOMESTIC, ORIGIN, OSS, REVERSE_CHARGE, EXPORT = (
    "domestic",
    "intra_eu_b2c_origin",
    "oss",
    "reverse_charge",
    "export",
)
KINDS = (DOMESTIC, ORIGIN, OSS, REVERSE_CHARGE, EXPORT)
MENTIONS = {
    REVERSE_CHARGE: "orders.invoice.mention.reverse_charge",
    EXPORT: "orders.invoice.mention.export",
    OSS: "orders.invoice.mention.oss",
}
INVALID_NUMBER = "orders.vat.invalid_number"
VIES_MESSAGES = {"invalid": "orders.vat.vies_invalid", "unavailable": "orders.vat.vies_unavailable"}
VAT_CLASSES = ("standard", "reduced", "super_reduced", "zero")
LU_RATES = (17, 14, 8, 3, 0)
# A product's VAT class from its Luxembourg rate when it has none of its own. 14 % (LU's
# intermediate rate) has no counterpart in most states: standard unless the store says so.
DEFAULT_CLASS_BY_LU_RATE = {17: "standard", 14: "standard", 8: "reduced", 3: "super_reduced", 0: "zero"}
DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "eu_vat_rates.json"
VAT_PREFIX = {"GR": "EL"}  # Greece's VAT numbers start with EL


@dataclass(frozen=True)
class Treatment:
    rate: Rate
    kind: str
    mention_key: str = ""  # the invoice's legal mention ("" for domestic and origin sales)
    country: str = SELLER_COUNTRY  # whose VAT is charged ("" when none is)
    message_key: str = ""  # for the shopper: the VAT number was not accepted
    message_params: dict[str, object] = field(default_factory=dict)


@cache
def eu_rates() -> dict[str, dict]:
    """country code -> {standard, reduced, super_reduced, classes}, rates as exact numbers."""
    countries = json.loads(DATA_FILE.read_text(encoding="utf-8"))["countries"]
    return {
        code: {
            "standard": as_rate(entry["standard"]),
            "reduced": tuple(as_rate(r) for r in entry["reduced"]),
            "super_reduced": tuple(as_rate(r) for r in entry["super_reduced"]),
            "classes": {name: as_rate(r) for name, r in entry["classes"].items()},
        }
        for code, entry in countries.items()
    }


def as_rate(value: str | int | Decimal) -> Rate:
    """An exact rate: int when whole (17), else a normalised Decimal (5.5)."""
    number = Decimal(str(value))
    return int(number) if number == number.to_integral_value() else number.normalize()


def is_eu(country: str) -> bool:
    return (country or "").upper() in eu_rates()


def normalise_vat_number(value: str) -> str:
    return eu_vat.compact(value or "")


def vat_number_valid(number: str, country: str) -> bool:
    """True when `number` passes its country's checksum and belongs to `country` (billing)."""
    compact = normalise_vat_number(number)
    country = (country or "").upper()
    if not compact.startswith(VAT_PREFIX.get(country, country)) or not is_eu(country):
        return False
    return bool(eu_vat.is_valid(compact))


def vat_class_for(lu_rate: int, class_by_lu_rate: dict[int, str] | None = None) -> str:
    mapping = class_by_lu_rate or DEFAULT_CLASS_BY_LU_RATE
    return mapping.get(int(lu_rate), DEFAULT_CLASS_BY_LU_RATE.get(int(lu_rate), "standard"))


def vat_treatment(
    *,
    buyer_country: str,
    buyer_vat_number: str = "",
    product_vat_rate_lu: int,
    store_oss_over_threshold: bool = False,
    product_vat_class: str | None = None,
    class_by_lu_rate: dict[int, str] | None = None,
    seller_country: str = SELLER_COUNTRY,
    vies_verdict: str = "",
) -> Treatment:
    """The VAT of one line (or the shipping) sold by a Luxembourg store (see module docstring).
    `vies_verdict`: "" when no online check was made, else `valid`, `invalid` or `unavailable`."""
    if seller_country != SELLER_COUNTRY:
        raise ValueError("Only sellers established in Luxembourg are supported.")
    if product_vat_rate_lu not in LU_RATES:
        raise ValueError(f"{product_vat_rate_lu} is not a Luxembourg VAT rate.")
    country = (buyer_country or SELLER_COUNTRY).strip().upper()
    if not is_eu(country):
        return Treatment(0, EXPORT, MENTIONS[EXPORT], country="")
    message: dict[str, object] = {}
    if (buyer_vat_number or "").strip():
        if vat_number_valid(buyer_vat_number, country):
            if country != SELLER_COUNTRY and vies_verdict in VIES_MESSAGES:
                message = {"message_key": VIES_MESSAGES[vies_verdict], "message_params": {"country": country}}
            elif country != SELLER_COUNTRY:
                return Treatment(0, REVERSE_CHARGE, MENTIONS[REVERSE_CHARGE], country="")
        else:
            message = {"message_key": INVALID_NUMBER, "message_params": {"country": country}}
    if country == SELLER_COUNTRY:
        return Treatment(product_vat_rate_lu, DOMESTIC, **message)
    if not store_oss_over_threshold:
        return Treatment(product_vat_rate_lu, ORIGIN, **message)
    vat_class = product_vat_class or vat_class_for(product_vat_rate_lu, class_by_lu_rate)
    rate = eu_rates()[country]["classes"].get(vat_class, eu_rates()[country]["standard"])
    return Treatment(rate, OSS, MENTIONS[OSS], country=country, **message)


def charged_unit_price(unit_gross_cents: int, lu_rate: int, treatment: Treatment) -> int:
    """What one unit (or the shipping) costs under `treatment`: the catalog's gross for LU
    and OSS rates (the shopper pays the shelf price), the net at the LU rate (half-up) when no
    VAT is charged (reverse charge, export)."""
    if treatment.kind in (REVERSE_CHARGE, EXPORT):
        return split_gross(unit_gross_cents, lu_rate).net_cents
    return unit_gross_cents


def split_line(gross_cents: int, treatment: Treatment) -> Split:
    """A line's gross (quantity x charged unit price) split at the treatment's rate with the
    one rounding rule of `services/vat.py` (per line, net half-up)."""
    return split_gross(gross_cents, treatment.rate)
