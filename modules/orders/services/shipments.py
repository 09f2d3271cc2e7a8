"""Shipping an order by line and quantity, and marking its parcels delivered.

Stock: payment keeps an order's units reserved (available has dropped, the shelf still
holds them); each shipment consumes the units it takes (quantity and reserved drop) with
the order number as the movement's reason. Cancelling a paid order gives back what is not
shipped yet (`unshipped_lines`).

Status: an order stays "processing" while some units are still to ship (the page says
"partially shipped"), and becomes "shipped" with its last parcel; "delivered" once every
parcel is marked delivered (by hand here; carrier webhooks are a later step). The caller
commits; the order row is locked, so two merchants shipping at once cannot ship a unit twice.
"""

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, select

from modules.inventory.public import consume_reserved
from modules.orders.models import Order, Shipment, ShipmentLine
from modules.orders.services import transitions as t
from modules.orders.services.carriers import checked, tracking_link
from modules.orders.services.invoices import invoices_on, issue_invoice
from modules.orders.services.shipped import fully_shipped, order_lines, shipped_by_line
from modules.orders.services.shipped_mail import send_shipped
from orion_app.db import utcnow
from orion_app.errors import FieldErrors, NotFound, ServiceError
from orion_app.scoped import in_store

SHIPPABLE = (t.PAID, t.PROCESSING, t.PARTIALLY_REFUNDED)
QUANTITY_FIELD = "qty_{}"  # one field per order line: qty_<line id>
LINES_FIELD = "lines"


@dataclass(frozen=True)
class ShipmentRecord:
    id: int
    carrier: str
    tracking_number: str
    tracking_link: str
    shipped_at: datetime
    delivered_at: datetime | None
    created_by: str
    lines: tuple[tuple[int, int], ...]  # (order line id, units)


def ship(
    session: Session,
    store_id: int,
    order_id: int,
    quantities: dict[int, int],
    *,
    carrier: str,
    tracking_number: str,
    tracking_url: str = "",
    actor: str,
) -> Shipment:
    """Ship `quantities` (order line id -> units) of the store's order in one parcel.

    FieldErrors next to a line's quantity when it is more than ordered less shipped (or not
    a whole number ≥ 0), next to the lines when nothing is shipped, next to the carrier,
    number or link when they do not fit; NotFound for another store's order or a line of
    another order; ServiceError when the order cannot ship (unpaid, cancelled, …)."""
    order = t.locked_order(session, store_id, order_id)
    if order.status not in SHIPPABLE:
        raise ServiceError("orders.fulfilment.error.not_shippable")
    lines = {line.id: line for line in order_lines(session, order)}
    if any(line_id not in lines for line_id in quantities):
        raise NotFound()
    shipped = shipped_by_line(session, store_id, order.id)
    errors, params = {}, {}
    for line_id, units in quantities.items():
        left = lines[line_id].quantity - shipped.get(line_id, 0)
        if units < 0 or units > left:
            errors[QUANTITY_FIELD.format(line_id)] = "orders.fulfilment.error.over_shipped"
            params[QUANTITY_FIELD.format(line_id)] = {"left": max(left, 0)}
    if not errors and not any(units > 0 for units in quantities.values()):
        errors[LINES_FIELD] = "orders.fulfilment.error.nothing_to_ship"
    try:
        found, number, url = checked(carrier, tracking_number, tracking_url)
    except FieldErrors as bad:
        errors.update(bad.errors)
        params.update(bad.field_params)
    if errors:
        raise FieldErrors(errors, params)
    shipment = Shipment(
        order_id=order.id,
        store_id=store_id,
        carrier=found.code,
        tracking_number=number,
        tracking_url=url,
        created_by=actor[:120],
    )
    session.add(shipment)
    session.flush()
    taken = []
    for line_id, units in quantities.items():
        if units > 0:
            session.add(
                ShipmentLine(
                    shipment_id=shipment.id, order_line_id=line_id, store_id=store_id, quantity=units
                )
            )
            if lines[line_id].stock_reserved:
                taken.append((lines[line_id].product_id, lines[line_id].variant_id, units))
    if taken:
        consume_reserved(session, store_id, taken, reason=f"order {order.number}")
    session.flush()
    _follow(session, order, actor)
    if invoices_on(session, store_id) == "shipment":  # the first parcel issues it; later ones find it
        issue_invoice(session, store_id, order.id)
    send_shipped(session, order, shipment, complete=order.status == t.SHIPPED)
    return shipment


def _follow(session: Session, order: Order, actor: str) -> None:
    """processing while units are left to ship, shipped with the last of them."""
    done = fully_shipped(session, order)
    if done and order.status != t.SHIPPED:
        t.move(session, order, t.SHIPPED, actor=actor, source="shipment")
    elif not done and order.status == t.PAID:
        t.move(session, order, t.PROCESSING, actor=actor, source="shipment")


def mark_delivered(session: Session, store_id: int, order_id: int, shipment_id: int, *, actor: str) -> None:
    """The parcel arrived (by hand; a carrier webhook later). The order becomes delivered when
    all of it has shipped and every parcel has arrived. The caller commits."""
    order = t.locked_order(session, store_id, order_id)
    shipment = session.exec(in_store(Shipment, store_id, id=shipment_id, order_id=order.id)).first()
    if shipment is None:
        raise NotFound()
    if shipment.delivered_at is None:
        shipment.delivered_at = utcnow()
        session.add(shipment)
        session.flush()
    pending = session.exec(
        select(Shipment.id).where(Shipment.order_id == order.id, Shipment.delivered_at.is_(None))
    ).first()
    if pending is None and order.status == t.SHIPPED and fully_shipped(session, order):
        t.move(session, order, t.DELIVERED, actor=actor, source="shipment")


def shipments_of(session: Session, store_id: int, order_id: int) -> list[ShipmentRecord]:
    """The store's order's parcels, oldest first (empty for another store's order)."""
    found = list(session.exec(in_store(Shipment, store_id, order_id=order_id).order_by(Shipment.id)))
    lines: dict[int, list[tuple[int, int]]] = {s.id: [] for s in found}
    if found:
        for row in session.exec(
            select(ShipmentLine).where(
                ShipmentLine.shipment_id.in_(list(lines)), ShipmentLine.store_id == store_id
            )
        ):
            lines[row.shipment_id].append((row.order_line_id, row.quantity))
    return [
        ShipmentRecord(
            id=s.id,
            carrier=s.carrier,
            tracking_number=s.tracking_number,
            tracking_link=tracking_link(s.carrier, s.tracking_number, s.tracking_url),
            shipped_at=s.shipped_at,
            delivered_at=s.delivered_at,
            created_by=s.created_by,
            lines=tuple(lines[s.id]),
        )
        for s in found
    ]
