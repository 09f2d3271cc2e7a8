"""The "shipped" mail (`orders.shipped`), in the order's language: what the parcel holds,
the carrier and its tracking link, and whether more parcels follow. Queued in the
shipment's own transaction, so a refused shipment sends nothing."""

from sqlmodel import Session, select

from modules.orders.messages import SHIPPED
from modules.orders.models import Order, OrderLine, Shipment, ShipmentLine
from modules.orders.services.carriers import carrier_name, tracking_link
from modules.orders.services.confirmation import invoice_link, send_order_mail, status_link
from orion_app.i18n import translate


def send_shipped(session: Session, order: Order, shipment: Shipment, *, complete: bool) -> int:
    """Queue the mail for `shipment` of `order`; returns the mail log id."""
    lang = order.language
    rows = session.exec(
        select(OrderLine.title, OrderLine.options, ShipmentLine.quantity)
        .join(OrderLine, OrderLine.id == ShipmentLine.order_line_id)
        .where(ShipmentLine.shipment_id == shipment.id, ShipmentLine.store_id == order.store_id)
        .order_by(OrderLine.position)
    ).all()
    lines = "\n".join(
        "\t".join((f"{title} ({options})" if options else title, str(units)))
        for title, options, units in rows
    )
    return send_order_mail(
        session,
        order,
        SHIPPED,
        {
            "number": order.number,
            "lines": lines,
            "carrier": carrier_name(shipment.carrier, translate("orders.fulfilment.carrier.other", lang)),
            "tracking_number": shipment.tracking_number,
            "tracking_link": tracking_link(shipment.carrier, shipment.tracking_number, shipment.tracking_url),
            "complete": "1" if complete else "",
            "status_link": status_link(session, order),
            "invoice_link": invoice_link(session, order),
        },
    )
