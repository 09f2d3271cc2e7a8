"""The order page's fulfilment section as rows of text: lines with what shipped, was refunded
and may still ship, the parcels with their tracking links, and the returns; plus reading
the section's forms (one whole-number field per line)."""

from dataclasses import dataclass

from sqlmodel import Session

from modules.orders.models import Order
from modules.orders.services.carriers import CARRIERS, OTHER, carrier_name
from modules.orders.services.line_refunds import refunded_by_line
from modules.orders.services.returns import returns_of
from modules.orders.services.shipments import SHIPPABLE, shipments_of
from modules.orders.services.shipped import order_lines, shipped_by_line
from orion_app.errors import FieldErrors
from orion_app.i18n import translate
from orion_app.scoped import get_in_store
from orion_app.ui.format import iso


@dataclass(frozen=True)
class FulfilmentPage:
    number: str
    shippable: bool
    partial: bool  # some units shipped, some still to ship
    lines: list[dict[str, str]]
    shipments: list[dict[str, str]]
    returns: list[dict[str, str]]
    return_lines: dict[str, list[dict[str, str]]]  # return id -> its lines


def carrier_options(lang: str) -> list[dict[str, str]]:
    other = translate("orders.fulfilment.carrier.other", lang)
    return [{"value": c.code, "label": c.name or other} for c in CARRIERS]


def fulfilment_page(session: Session, store_id: int, order_id: int, lang: str) -> FulfilmentPage:
    """The store's order's fulfilment (NotFound for another store's order)."""
    order = get_in_store(session, Order, store_id, id=order_id)
    lines = order_lines(session, order)
    titles = {line.id: f"{line.title} ({line.options})" if line.options else line.title for line in lines}
    shipped = shipped_by_line(session, store_id, order.id)
    refunded = refunded_by_line(session, store_id, order.id)
    other = translate("orders.fulfilment.carrier.other", lang)

    def listed(pairs) -> str:
        return ", ".join(f"{units} × {titles.get(line_id, '')}" for line_id, units, *_ in pairs)

    shipments = [
        {
            "id": str(s.id),
            "carrier": carrier_name(s.carrier, other) if s.carrier != OTHER else other,
            "number": s.tracking_number,
            "link": s.tracking_link,
            "shipped": iso(s.shipped_at),
            "delivered": iso(s.delivered_at),
            "lines": listed(s.lines),
        }
        for s in shipments_of(session, store_id, order.id)
    ]
    found = returns_of(session, store_id, order.id)
    return FulfilmentPage(
        number=order.number,
        shippable=order.status in SHIPPABLE,
        partial=bool(shipped) and any(shipped.get(line.id, 0) < line.quantity for line in lines),
        lines=[
            {
                "id": str(line.id),
                "title": titles[line.id],
                "sku": line.sku,
                "quantity": str(line.quantity),
                "shipped": str(shipped.get(line.id, 0)),
                "to_ship": str(line.quantity - shipped.get(line.id, 0)),
                "to_refund": str(line.quantity - refunded.get(line.id, (0, 0))[0]),
            }
            for line in lines
        ],
        shipments=shipments,
        returns=[
            {
                "id": str(r.id),
                "status": r.status,
                "status_text": translate(f"orders.returns.status.{r.status}", lang),
                "reason": r.reason,
                "created": iso(r.created_at),
                "lines": ", ".join(
                    f"{units} × {titles.get(line_id, '')}"
                    + (f" ({translate(f'orders.returns.{d}', lang)})" if d else "")
                    for line_id, units, d in r.lines
                ),
            }
            for r in found
        ],
        return_lines={
            str(r.id): [
                {"id": str(line_id), "title": titles.get(line_id, ""), "units": str(units)}
                for line_id, units, _ in r.lines
            ]
            for r in found
        },
    )


def quantities_of(form: dict, prefix: str) -> dict[int, int]:
    """`{prefix}<line id>` fields as line id -> units (empty fields are 0); FieldErrors next to
    a field that is not a whole number."""
    found, errors = {}, {}
    for name, value in form.items():
        if not str(name).startswith(prefix):
            continue
        key, text = str(name)[len(prefix) :], str(value or "").strip() or "0"
        if not (key.isascii() and key.isdigit() and len(key) < 10):
            continue
        if not (text.isascii() and text.isdigit() and len(text) < 7):
            errors[str(name)] = "orders.fulfilment.error.whole_number"
            continue
        found[int(key)] = int(text)
    if errors:
        raise FieldErrors(errors)
    return found
