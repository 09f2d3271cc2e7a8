"""A cart as the shopper sees it now: every line re-read from catalog (price, title, VAT,
active) and capped by inventory's available stock, with a notice when something changed
since the shopper added it. Nothing here writes.

Lines that cannot be bought ("unavailable": the product or variant is inactive, gone, or
sold out) are shown with their notice but count neither in `subtotal_cents` nor in
`count`; checkout places only the other lines.
"""

from dataclasses import dataclass

from sqlmodel import Session

from modules.cart.models import Cart
from modules.cart.services.carts import lines_of
from modules.catalog.public import sellable_variants
from modules.inventory.public import available_by_variant

PRICE_CHANGED = "price_changed"
STOCK_LIMITED = "stock_limited"
UNAVAILABLE = "unavailable"


@dataclass(frozen=True)
class CartLine:
    """A line re-priced now; `quantity` is capped by stock (what checkout would place)."""

    variant_id: int
    product_id: int
    sku: str
    title: str  # in the requested language
    options: str  # "250 g, Beans" or ""
    quantity: int
    unit_price_cents: int  # gross, what it sells at now
    vat_rate: int
    available: int  # what may be bought now (the per-line cap for goods stock does not limit)
    notice: str  # "" | "price_changed" | "stock_limited" | "unavailable"
    price_seen_cents: int = 0  # the unit price when the shopper last added or changed it
    wanted: int = 0  # the quantity the shopper asked for
    photo: str = ""  # small photo, a path under the media folder ("" when none)


def priced_lines(session: Session, cart: Cart, langs: tuple[str, ...], max_quantity: int) -> list[CartLine]:
    lines = lines_of(session, cart)
    ids = [line.variant_id for line in lines]
    now = sellable_variants(session, cart.store_id, ids, langs)
    stock = available_by_variant(session, cart.store_id, ids)
    result = []
    for line in lines:
        variant = now.get(line.variant_id)
        if variant is None:  # deleted from the catalog since
            result.append(
                CartLine(
                    variant_id=line.variant_id,
                    product_id=line.product_id,
                    sku="",
                    title="",
                    options="",
                    quantity=line.quantity,
                    unit_price_cents=line.price_cents_seen,
                    vat_rate=0,
                    available=0,
                    notice=UNAVAILABLE,
                    price_seen_cents=line.price_cents_seen,
                    wanted=line.quantity,
                )
            )
            continue
        available = stock.get(line.variant_id, 0) if variant.stock_limited else max_quantity
        quantity = min(line.quantity, available)
        if not variant.is_active or available <= 0:
            notice = UNAVAILABLE
        elif quantity < line.quantity:
            notice = STOCK_LIMITED
        elif variant.price_cents != line.price_cents_seen:
            notice = PRICE_CHANGED
        else:
            notice = ""
        result.append(
            CartLine(
                variant_id=line.variant_id,
                product_id=variant.product_id,
                sku=variant.sku,
                title=variant.title,
                options=variant.options,
                quantity=quantity if notice != UNAVAILABLE else line.quantity,
                unit_price_cents=variant.price_cents,
                vat_rate=variant.vat_rate,
                available=min(available, max_quantity) if variant.is_active else 0,
                notice=notice,
                price_seen_cents=line.price_cents_seen,
                wanted=line.quantity,
                photo=variant.photo,
            )
        )
    return result


def buyable(line: CartLine) -> bool:
    return line.notice != UNAVAILABLE


def subtotal(lines: list[CartLine]) -> int:
    return sum(line.unit_price_cents * line.quantity for line in lines if buyable(line))


def count(lines: list[CartLine]) -> int:
    return sum(line.quantity for line in lines if buyable(line))
