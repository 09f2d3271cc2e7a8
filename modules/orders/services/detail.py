"""One order as its pages show it: texts and amounts in the reader's language, the timeline
made of the order's own events and its payments' events, oldest first.

The merchant's page, the shopper's "My orders" page and the guest's status page all read an
`OrderView` (orders' own record) and the payments' records through payments' public face,
and turn them into rows of text here, so the three pages agree on every figure.
"""

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation

from sqlmodel import Session

from modules.orders.records import OrderAddress, OrderView
from modules.orders.services.reads import order_view
from modules.orders.services.transitions import allowed_next
from modules.payments.public import PaymentEvent, PaymentRecord, events_of, payments_of
from orion_app.errors import FieldErrors, NotFound
from orion_app.i18n import translate
from orion_app.ui.format import iso, money

AMOUNT_FIELD = "amount"


@dataclass(frozen=True)
class OrderPage:
    head: dict[str, str]
    lines: list[dict[str, str]]
    vat_lines: list[dict[str, str]]
    billing: list[str]
    shipping: list[str]  # empty: click-and-collect
    payments: list[dict[str, str]]
    timeline: list[dict[str, str]]
    moves: list[str]  # what the transition table allows from the current status


def order_page(session: Session, store_id: int, order_id: int, lang: str) -> OrderPage:
    """The store's order `order_id` for its dashboard page (NotFound for another store's)."""
    view = order_view(session, store_id, order_id)
    return present(view, payments_of(session, store_id, view.id), events_of(session, store_id, view.id), lang)


def payment_of_order(session: Session, store_id: int, order_id: int, payment_id: int) -> PaymentRecord:
    """One of the order's own payments (NotFound for any other id, even of the same store)."""
    for payment in payments_of(session, store_id, order_id):
        if payment.id == payment_id:
            return payment
    raise NotFound()


def present(
    view: OrderView, payments: list[PaymentRecord], events: list[PaymentEvent], lang: str
) -> OrderPage:
    def m(cents: int) -> str:
        return money(cents, view.currency, lang)

    head = {
        "number": view.number,
        "status": view.status,
        "created": iso(view.created_at),
        "paid": iso(view.paid_at),
        "cancelled": iso(view.cancelled_at),
        "expires": iso(view.expires_at),
        "email": view.email,
        "customer": view.billing.name if view.billing else "",
        "language": view.language.upper(),
        "method": view.payment_method,
        "shipping_label": view.shipping_label,
        "subtotal": m(view.subtotal_cents),
        "shipping_total": m(view.shipping_cents),
        "vat": m(view.vat_cents),
        "total": m(view.total_cents),
        "over_limit": "1" if view.over_plan_limit else "",
    }
    lines = [
        {
            "sku": line.sku,
            "title": line.title,
            "options": line.options,
            "quantity": str(line.quantity),
            "unit": m(line.unit_price_cents),
            "rate": f"{line.vat_rate} %",
            "total": m(line.total_cents),
        }
        for line in view.lines
    ]
    vat_lines = [
        {"rate": f"{v.rate} %", "net": m(v.net_cents), "vat": m(v.vat_cents), "gross": m(v.gross_cents)}
        for v in view.vat_lines
    ]
    return OrderPage(
        head=head,
        lines=lines,
        vat_lines=vat_lines,
        billing=address_lines(view.billing),
        shipping=address_lines(view.shipping),
        payments=[_payment(p, view.currency, lang) for p in payments],
        timeline=timeline(view, events, lang),
        moves=list(allowed_next(view.status)),
    )


def address_lines(address: OrderAddress | None) -> list[str]:
    """An address as the lines of a label, empty parts left out."""
    if address is None:
        return []
    city = " ".join(
        part for part in (f"{address.country}-{address.postal_code}", address.city) if part.strip("-")
    )
    candidates = (
        address.name,
        address.company,
        address.vat_number,
        address.line1,
        address.line2,
        city,
        address.phone,
    )
    return [line for line in candidates if line]


def _payment(payment: PaymentRecord, currency: str, lang: str) -> dict[str, str]:
    left = payment.amount_cents - payment.refunded_cents
    instructions = payment.instructions or {}
    return {
        "id": str(payment.id),
        "method": payment.method,
        "status": payment.status,
        "amount": money(payment.amount_cents, currency, lang),
        "refunded": money(payment.refunded_cents, currency, lang) if payment.refunded_cents else "",
        "left": decimal_text(left),
        "payable": "1"
        if payment.method == "bank_transfer" and payment.status in ("pending", "processing")
        else "",
        "refundable": "1" if payment.status == "succeeded" and left > 0 else "",
        "iban": _grouped(str(instructions.get("iban", ""))),
        "bic": str(instructions.get("bic", "")),
        "beneficiary": str(instructions.get("beneficiary", "")),
        "reference": str(instructions.get("reference", "")),
    }


def _grouped(iban: str) -> str:
    """An IBAN in groups of four, as it is printed and read aloud."""
    compact = iban.replace(" ", "")
    return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))


def timeline(view: OrderView, events: list[PaymentEvent], lang: str) -> list[dict[str, str]]:
    """The order's events and its payments' events, oldest first. Orders records every payment
    event it is told of; one it already holds (same kind, source and amount) is shown once."""

    def paid(kind: str, cents: int | None) -> str:
        amount = money(cents or 0, view.currency, lang)
        return translate(f"orders.ui.timeline.payment_{kind}", lang, amount=amount)

    recorded = {(e.to_status, e.source, e.amount_cents) for e in view.events if e.kind == "payment"}
    entries = []
    for event in view.events:
        if event.kind == "status" and not event.from_status:
            what = translate("orders.ui.timeline.placed", lang)
        elif event.kind == "status":
            before = translate(f"orders.domain.status.{event.from_status}", lang)
            after = translate(f"orders.domain.status.{event.to_status}", lang)
            what = translate("orders.ui.timeline.status", lang, before=before, after=after)
        elif event.kind == "payment":
            what = paid(event.to_status, event.amount_cents)
        elif event.kind == "return":  # a return's step: its note is a message key
            what = translate(event.note, lang)
        else:
            what = event.note
        entries.append(
            (event.at, event.kind, what, event.actor, event.note if event.kind == "status" else "")
        )
    for event in events:
        amount = event.refunded_cents if event.kind == "refunded" else event.amount_cents
        if (event.kind, event.source, amount) not in recorded:
            entries.append((event.occurred_at, "payment", paid(event.kind, amount), event.actor, ""))
    entries.sort(key=lambda e: _utc(e[0]))  # stable: the order's own event first on a tie
    return [
        {"at": iso(at), "kind": kind, "text": what, "actor": actor, "note": note}
        for at, kind, what, actor, note in entries
    ]


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)  # SQLite's times are naive


def decimal_text(cents: int) -> str:
    """12345 -> '123.45', the form a refund field starts with."""
    units, rest = divmod(cents, 100)
    return f"{units}.{rest:02d}"


def parse_amount(text: str) -> int:
    """'12.50', '12,50' or '12' as cents; FieldErrors next to the amount for anything else."""
    cleaned = text.strip().replace(" ", "").replace("\u00a0", "").replace("€", "").replace(",", ".")
    try:
        amount = Decimal(cleaned)
        whole_cents = amount.is_finite() and 0 < amount < 10**9 and amount == amount.quantize(Decimal("0.01"))
    except InvalidOperation:
        whole_cents = False
    if not whole_cents:
        raise FieldErrors({AMOUNT_FIELD: "orders.ui.error.amount"})
    return int(amount * 100)
