"""Placing an order: one transaction from the cart's variants to a numbered order whose
stock is reserved and whose payment is started.

Order of work, all in the caller's session, committed once at the end:
1. refuse what is wrong with the request itself (FieldErrors; nothing read yet);
2. the same idempotency key again: the same order (or a refusal if the cart differs) —
   asked in one query with the store's VAT settings and, under a plan limit, the month's
   order count (`_first_read`), once the store and its plan limit are known;
3. price every line from catalog now (refusals name the line);
4. reserve the stock of every line, all or none (the short line is named);
5. take the store's next number (gap-free: a rollback gives it back);
6. write the order, its lines and its first timeline entry;
7. start the payment (Stripe down: the order stays pending_payment, reservation kept);
8. bank transfer: the confirmation mail now (card: when paid); over the plan: warn;
9. commit.
Any refusal after step 3 rolls the whole transaction back: nothing is written.
"""

from dataclasses import dataclass
from datetime import timedelta
from types import SimpleNamespace

from sqlalchemy import bindparam, func, insert, literal
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from modules.catalog.public import language_order
from modules.contracts.public import feature_limit
from modules.inventory.public import InsufficientStock, reserve_lines
from modules.messaging.public import notify
from modules.orders.models import Order, OrderEvent, OrderLine, VatSettings
from modules.orders.notifications import OVER_PLAN_LIMIT
from modules.orders.records import OrderRecord, Placement
from modules.orders.services import pricing
from modules.orders.services.confirmation import send_confirmation
from modules.orders.services.hashing import new_token, unseal
from modules.orders.services.numbering import next_number
from modules.orders.services.reads import latest_payment, order_record
from modules.orders.services.transitions import PENDING_PAYMENT
from modules.orders.services.vat_settings import VatSettingsRecord, settings_record
from modules.payments.public import GatewayUnavailable, PaymentRecord, PaymentRequest, start_payment
from modules.tenancy.public import store_by_id
from orion_app.db import utcnow
from orion_app.enablement import module_config
from orion_app.errors import NotFound, ServiceError

FEATURE = "orders_per_month"


class IdempotencyKeyReused(ServiceError):
    def __init__(self):
        super().__init__("orders.error.key_reused")


class LineOutOfStock(ServiceError):
    """The short line, named for the shopper; `variant_id` for the page to mark it."""

    def __init__(self, title: str, sku: str, available: int, variant_id: int):
        super().__init__("orders.error.out_of_stock", title=title, sku=sku, available=available)
        self.variant_id = variant_id


def place_order(session: Session, placement: Placement) -> OrderRecord:
    """Place the order (see the module docstring for the steps) and commit; the same
    idempotency key returns the same order."""
    pricing.check_placement(placement)
    key = placement.idempotency_key.strip()
    fingerprint = pricing.fingerprint(placement)
    store = store_by_id(session, placement.store_id)
    if store is None:  # a store closed since: an order it placed is still answered
        existing = _by_key(session, placement.store_id, key)
        if existing is not None:
            return _replay(session, existing, fingerprint)
        raise NotFound()
    limit = feature_limit(store.merchant_id, placement.platform_id, FEATURE, session)
    first = _first_read(session, placement.store_id, key, limit is not None)
    if first.existing_id is not None:
        return _replay(session, _by_key(session, placement.store_id, key), fingerprint)
    # Never lose a sale: over the plan's orders_per_month the order is placed all the same,
    # flagged, and the merchant warned (once a month, at the first order over).
    over_limit = limit is not None and first.placed >= limit
    language = placement.language if placement.language in store.languages else store.default_language
    try:
        priced = pricing.price(session, placement, language_order(language, store), first.vat)
        _reserve(session, placement.store_id, priced, key)
        order, token, lines = _write(
            session, placement, priced, key, fingerprint, language, store.code, over_limit
        )
        payment = _start_payment(session, order, store.name)
        if order.payment_method == "bank_transfer":
            send_confirmation(session, order, payment, just_placed=True, lines=lines)
        if over_limit:
            _warn_over_limit(session, order)
        session.commit()
    except IntegrityError:  # a double submit committed the same key first: that order
        session.rollback()
        existing = _by_key(session, placement.store_id, key)
        if existing is None:
            raise
        return _replay(session, existing, fingerprint)
    except Exception:
        session.rollback()
        raise
    return order_record(order, token, payment)


def _start_payment(session: Session, order: Order, store_name: str) -> PaymentRecord | None:
    """The order's payment (key `order:<id>`); None when the gateway is unreachable: the
    order stays pending_payment with its reservation, and checkout retries the payment
    (`payments.retry_payment`) until the order expires."""
    try:
        return start_payment(session, payment_request(order, store_name))
    except GatewayUnavailable:
        return None


def payment_request(order: Order, store_name: str) -> PaymentRequest:
    """What payments is asked for an order: its total, method and the key `order:<id>`, the
    same at placement and when the shopper pays later."""
    return PaymentRequest(
        store_id=order.store_id,
        platform_id=order.platform_id,
        order_id=order.id,
        reference=order.number,
        amount_cents=order.total_cents,
        currency=order.currency,
        method=order.payment_method,
        customer_email=order.email,
        idempotency_key=f"order:{order.id}",
        description=f"{store_name} {order.number}".strip(),
    )


# The statements of every placement, built once (building one cost more than running it).
_BY_KEY = select(Order).where(Order.store_id == bindparam("store"), Order.idempotency_key == bindparam("key"))


def _first_read_statement(count: bool):
    """The order of this key (its id), the store's VAT settings (NULLs without a row) and, when
    `count`, its orders since `since`: one row, whatever exists."""
    existing = select(Order.id).where(
        Order.store_id == bindparam("store"), Order.idempotency_key == bindparam("key")
    )
    placed = select(func.count(Order.id)).where(
        Order.store_id == bindparam("store"), Order.created_at >= bindparam("since")
    )
    one = select(literal(1).label("one")).subquery()
    return (
        select(
            existing.scalar_subquery().label("existing_id"),
            (placed.scalar_subquery() if count else literal(0)).label("placed"),
            VatSettings.oss_over_threshold,
            VatSettings.vies_check,
            VatSettings.class_by_lu_rate,
        )
        .select_from(one)
        .outerjoin(VatSettings, VatSettings.store_id == bindparam("store"))
    )


_FIRST_READ = {count: _first_read_statement(count) for count in (False, True)}


@dataclass(frozen=True)
class _FirstRead:
    existing_id: int | None  # the order already placed with this key
    placed: int  # the store's orders this month (0 when no plan limit asks)
    vat: VatSettingsRecord


def _first_read(session: Session, store_id: int, key: str, count: bool) -> _FirstRead:
    """What a placement asks of orders' own tables before it writes, in one round trip."""
    month_start = utcnow().replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    row = session.execute(_FIRST_READ[count], {"store": store_id, "key": key, "since": month_start}).one()
    return _FirstRead(
        existing_id=row.existing_id,
        placed=int(row.placed or 0),
        vat=settings_record(row.oss_over_threshold, row.vies_check, row.class_by_lu_rate),
    )


def _by_key(session: Session, store_id: int, key: str) -> Order | None:
    return session.exec(_BY_KEY, params={"store": store_id, "key": key}).first()


def _replay(session: Session, order: Order, fingerprint: str) -> OrderRecord:
    if order.cart_fingerprint != fingerprint:
        raise IdempotencyKeyReused()
    return order_record(order, unseal(order.status_token_sealed), latest_payment(session, order))


def _reserve(session: Session, store_id: int, priced: pricing.Priced, key: str) -> None:
    lines = [(line.product_id, line.variant_id, line.quantity) for line in priced.lines if line.stock_limited]
    if not lines:
        return
    try:
        reserve_lines(session, store_id, lines, reason=f"order {key}"[:200])
    except InsufficientStock as short:
        line = next(line for line in priced.lines if line.variant_id == short.variant_id)
        raise LineOutOfStock(
            line.title, line.sku, max(0, int(short.params["available"])), line.variant_id
        ) from None


def _write(
    session: Session,
    placement: Placement,
    priced: pricing.Priced,
    key: str,
    fingerprint: str,
    language: str,
    store_code: str,
    over_limit: bool,
) -> tuple[Order, str, list[SimpleNamespace]]:
    """The order, its lines and its first timeline entry (written), its status token, and
    the lines as written (for the confirmation mail, so it does not read them back)."""
    now = utcnow()
    token, hashed, sealed = new_token()
    order = Order(
        store_id=placement.store_id,
        platform_id=placement.platform_id,
        number=next_number(session, placement.store_id, store_code, now.year),
        customer_id=placement.customer_id,
        email=placement.email.strip().lower(),
        customer_name=placement.billing.name.strip()[:120],
        language=language,
        status=PENDING_PAYMENT,
        currency=priced.currency,
        subtotal_cents=priced.subtotal_cents,
        shipping_cents=priced.shipping.gross_cents,
        shipping_vat_rate=priced.shipping_vat_rate,
        vat_cents=priced.vat_cents,
        total_cents=priced.total_cents,
        vat_treatment=priced.treatment.kind,
        vat_mention=priced.treatment.mention_key,
        vat_country=priced.treatment.country,
        payment_method=placement.payment_method,
        shipping_method=placement.shipping_method[:60],
        shipping_label=placement.shipping_label[:200],
        billing_address=_address(placement.billing),
        shipping_address=_address(placement.shipping) if placement.shipping else None,
        idempotency_key=key,
        cart_fingerprint=fingerprint,
        cart_id=placement.cart_id,
        status_token_hash=hashed,
        status_token_sealed=sealed,
        over_plan_limit=over_limit,
        created_at=now,
        expires_at=now + _payment_window(session, placement),
    )
    session.add(order)
    session.flush()  # the id, and the idempotency key's unique check
    rows = [
        {
            "order_id": order.id,
            "store_id": order.store_id,
            "position": position,
            "product_id": line.product_id,
            "variant_id": line.variant_id,
            "sku": line.sku,
            "title": line.title[:300],
            "options": line.options[:300],
            "quantity": line.quantity,
            "stock_reserved": line.stock_limited,
            "unit_price_cents": line.unit_price_cents,
            "vat_rate": line.vat_rate,
            "net_cents": line.split.net_cents,
            "vat_cents": line.split.vat_cents,
            "total_cents": line.split.gross_cents,
        }
        for position, line in enumerate(priced.lines)
    ]
    # Rows nobody reads back in this transaction go in past the ORM: one INSERT for every
    # line (an order of 50 lines is one statement, not 50 objects; into the table, not the
    # entity, so no ORM bookkeeping per row either), one for the timeline.
    session.execute(insert(OrderLine.__table__), rows)
    session.execute(
        insert(OrderEvent),
        {
            "order_id": order.id,
            "store_id": order.store_id,
            "kind": "status",
            "from_status": "",
            "to_status": PENDING_PAYMENT,
            "actor": order.customer_name or order.email,
            "source": "checkout",
            "note": "",
            "amount_cents": None,
            "dedupe_key": None,
            "at": now,
        },
    )
    return order, token, [SimpleNamespace(**row) for row in rows]


def _payment_window(session: Session, placement: Placement) -> timedelta:
    config = module_config("orders", placement.platform_id, session)
    if placement.payment_method == "bank_transfer":
        return timedelta(days=config.bank_transfer_days)
    return timedelta(minutes=config.card_payment_minutes)


def _address(address) -> dict:
    return {name: (str(value or "").strip())[:200] for name, value in address.__dict__.items()}


def _warn_over_limit(session: Session, order: Order) -> None:
    month_start = order.created_at.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    earlier = session.exec(
        select(func.count(Order.id)).where(
            Order.store_id == order.store_id,
            Order.created_at >= month_start,
            Order.over_plan_limit.is_(True),
            Order.id != order.id,
        )
    ).one()
    if not earlier:
        notify(
            session,
            kind=OVER_PLAN_LIMIT,
            store_id=order.store_id,
            params={"number": order.number},
            link="orders",
        )
