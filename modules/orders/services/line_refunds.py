"""Refund by line: the merchant picks lines and units, the server prices them, issues the
credit note of exactly those lines (each at its own VAT rate) and refunds through payments
(whose refund event then moves the order and finds the refund credited already). A line
is never refunded for more units than it had; the amount of a line's units is its gross
total shared out by unit (the last unit takes the rounding rest), so refunding every unit
of every line gives back exactly the lines' total.
"""

from sqlalchemy import func
from sqlmodel import Session, select

from modules.orders.models import RefundLine
from modules.orders.services import transitions as t
from modules.orders.services.credit_notes import credit_line_refund
from modules.orders.services.shipped import order_lines
from modules.payments.public import payments_of, refund
from orion_app.errors import FieldErrors, NotFound, ServiceError

QUANTITY_FIELD = "ref_{}"


def refunded_by_line(session: Session, store_id: int, order_id: int) -> dict[int, tuple[int, int]]:
    """order line id -> (units refunded, cents refunded) so far."""
    rows = session.exec(
        select(RefundLine.order_line_id, func.sum(RefundLine.quantity), func.sum(RefundLine.amount_cents))
        .where(RefundLine.order_id == order_id, RefundLine.store_id == store_id)
        .group_by(RefundLine.order_line_id)
    ).all()
    return {line_id: (int(units), int(cents)) for line_id, units, cents in rows}


def line_amount(total_cents: int, quantity: int, already: tuple[int, int], units: int) -> int:
    """The gross cents of `units` more of a line of `quantity` units costing `total_cents`,
    `already` (units, cents) refunded before."""
    done_units, done_cents = already
    if done_units + units >= quantity:
        return total_cents - done_cents
    return total_cents * (done_units + units) // quantity - done_cents


def refund_lines(
    session: Session,
    store_id: int,
    order_id: int,
    quantities: dict[int, int],
    *,
    actor: str,
    user_id: int | None = None,
) -> int:
    """Refund `quantities` (order line id -> units) of the store's order; returns the cents
    refunded. FieldErrors next to a line asked for more units than are left to refund (or
    next to the lines when none is chosen); NotFound for a line of another order;
    payments' refusal when the payment has less left. The caller commits."""
    order = t.locked_order(session, store_id, order_id)
    lines = {line.id: line for line in order_lines(session, order)}
    if any(line_id not in lines for line_id in quantities):
        raise NotFound()
    done = refunded_by_line(session, store_id, order.id)
    errors, params, cents = {}, {}, {}
    for line_id, units in quantities.items():
        left = lines[line_id].quantity - done.get(line_id, (0, 0))[0]
        if units < 0 or units > left:
            errors[QUANTITY_FIELD.format(line_id)] = "orders.refunds.error.quantity"
            params[QUANTITY_FIELD.format(line_id)] = {"left": max(left, 0)}
        elif units:
            line = lines[line_id]
            cents[line_id] = line_amount(line.total_cents, line.quantity, done.get(line_id, (0, 0)), units)
    if not errors and not cents:
        errors["lines"] = "orders.refunds.error.nothing"
    if errors:
        raise FieldErrors(errors, params)
    total = sum(cents.values())
    payment = next(
        (
            p
            for p in payments_of(session, store_id, order.id)
            if p.status == "succeeded" and p.amount_cents - p.refunded_cents >= total
        ),
        None,
    )
    if payment is None:
        raise ServiceError("orders.refunds.error.more_than_paid")
    index = {line.id: position for position, line in enumerate(lines.values())}  # the invoice's order
    credit_line_refund(
        session,
        store_id,
        order.id,
        payment_id=payment.id,
        refunded_total_cents=payment.refunded_cents + total,
        lines=[(index[line_id], quantities[line_id], amount) for line_id, amount in cents.items()],
    )
    refund(
        session, store_id=store_id, payment_id=payment.id, amount_cents=total, actor=actor, user_id=user_id
    )
    for line_id, amount in cents.items():
        session.add(
            RefundLine(
                order_id=order.id,
                order_line_id=line_id,
                store_id=store_id,
                payment_id=payment.id,
                quantity=quantities[line_id],
                amount_cents=amount,
                actor=actor[:120],
            )
        )
    return total
