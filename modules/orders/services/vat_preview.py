"""What an order would cost and carry in VAT before it is placed: checkout's review step
shows this, computed by the same pricing and VAT rules as placement (`pricing.price_lines`)."""

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlmodel import Session

from modules.orders.records import OrderAddress, PlacementLine, VatLine
from modules.orders.services.pricing import price_lines
from modules.orders.services.vat_rules import Rate


@dataclass(frozen=True)
class PreviewLine:
    variant_id: int
    quantity: int
    vat_rate: Rate
    total_cents: int  # as charged (gross; the LU net when no VAT is charged)


@dataclass(frozen=True)
class VatPreview:
    lines: tuple[PreviewLine, ...]
    subtotal_cents: int
    shipping_cents: int
    shipping_vat_rate: Rate
    vat_lines: tuple[VatLine, ...]
    vat_cents: int
    total_cents: int
    kind: str  # domestic | intra_eu_b2c_origin | oss | reverse_charge | export
    mention_key: str  # the invoice's legal mention, "" for none
    message_key: str = ""  # the VAT number was not accepted: VAT is charged
    message_params: dict[str, object] = field(default_factory=dict)


def vat_preview(
    session: Session,
    store_id: int,
    lines: Sequence[PlacementLine],
    billing: OrderAddress,
    shipping_cents: int,
    shipping_vat_rate: int,
    language: str,
) -> VatPreview:
    """The lines, VAT per rate and total `place_order` would charge for the same request
    (FieldErrors for a line that cannot be sold, as at placement)."""
    quantities: dict[int, int] = {}
    for line in lines:
        quantities[line.variant_id] = quantities.get(line.variant_id, 0) + line.quantity
    priced = price_lines(
        session, store_id, quantities, (language,), billing, shipping_cents, shipping_vat_rate
    )
    return VatPreview(
        lines=tuple(
            PreviewLine(x.variant_id, x.quantity, x.vat_rate, x.split.gross_cents) for x in priced.lines
        ),
        subtotal_cents=priced.subtotal_cents,
        shipping_cents=priced.shipping.gross_cents,
        shipping_vat_rate=priced.shipping_vat_rate,
        vat_lines=priced.vat_lines,
        vat_cents=priced.vat_cents,
        total_cents=priced.total_cents,
        kind=priced.treatment.kind,
        mention_key=priced.treatment.mention_key,
        message_key=priced.treatment.message_key,
        message_params=dict(priced.treatment.message_params),
    )
