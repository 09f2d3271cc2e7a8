"""What of an order has shipped so far, read by shipping, cancelling and refunding."""

from sqlalchemy import func
from sqlmodel import Session, select

from modules.orders.models import Order, OrderLine, Shipment, ShipmentLine


def shipped_by_line(session: Session, store_id: int, order_id: int) -> dict[int, int]:
    """order line id -> units shipped so far."""
    rows = session.exec(
        select(ShipmentLine.order_line_id, func.sum(ShipmentLine.quantity))
        .join(Shipment, Shipment.id == ShipmentLine.shipment_id)
        .where(Shipment.order_id == order_id, Shipment.store_id == store_id)
        .group_by(ShipmentLine.order_line_id)
    ).all()
    return {line_id: int(units) for line_id, units in rows}


def order_lines(session: Session, order: Order) -> list[OrderLine]:
    return list(
        session.exec(
            select(OrderLine)
            .where(OrderLine.order_id == order.id, OrderLine.store_id == order.store_id)
            .order_by(OrderLine.position)
        )
    )


def unshipped_lines(session: Session, order: Order) -> list[tuple[int, int, int]]:
    """(product id, variant id, units) still reserved for the order: its stock-limited lines
    less what has shipped, as inventory takes them."""
    shipped = shipped_by_line(session, order.store_id, order.id)
    rest = [
        (line.product_id, line.variant_id, line.quantity - shipped.get(line.id, 0))
        for line in order_lines(session, order)
        if line.stock_reserved
    ]
    return [line for line in rest if line[2] > 0]


def fully_shipped(session: Session, order: Order) -> bool:
    shipped = shipped_by_line(session, order.store_id, order.id)
    return all(shipped.get(line.id, 0) >= line.quantity for line in order_lines(session, order))
