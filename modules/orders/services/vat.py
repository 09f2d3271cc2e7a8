"""VAT from gross prices, with one rounding rule.

Prices in catalog are gross (VAT included). Each order line (and the shipping) is split
once: net = gross x 100 / (100 + rate), rounded half-up to the cent with `Decimal`
(`ROUND_HALF_UP`), and vat = gross - net, so net + vat is always exactly the gross the
shopper saw. Per line, not per order: every line on the invoice then adds up by itself,
and the per-rate totals are plain sums of the lines. Half-up, not half-even: it is what
Luxembourg's tax office and shoppers expect from a receipt (banker's rounding would turn
x.5 cents down half of the time, which reads as an error on a single invoice).
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from modules.orders.records import VatLine


@dataclass(frozen=True)
class Split:
    gross_cents: int
    net_cents: int
    vat_cents: int


def split_gross(gross_cents: int, rate: "int | Decimal") -> Split:
    """`gross_cents` at `rate` percent split into net and VAT (net rounded half-up to the cent)."""
    if rate < 0:
        raise ValueError("A VAT rate is never negative.")
    net = (Decimal(gross_cents) * 100 / Decimal(100 + rate)).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return Split(gross_cents, int(net), gross_cents - int(net))


def totals_by_rate(splits: list[tuple[int, Split]]) -> tuple[VatLine, ...]:
    """(rate, split) pairs summed per rate, highest rate first."""
    sums: dict[int, list[int]] = {}
    for rate, split in splits:
        total = sums.setdefault(rate, [0, 0, 0])
        total[0] += split.net_cents
        total[1] += split.vat_cents
        total[2] += split.gross_cents
    return tuple(
        VatLine(rate, net, vat, gross) for rate, (net, vat, gross) in sorted(sums.items(), reverse=True)
    )
