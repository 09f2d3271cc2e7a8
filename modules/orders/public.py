"""Orders' public face: place an order, move it through its statuses, read it.

Records are frozen dataclasses (`modules/orders/records.py`), never `Order` rows. Every
function takes the caller's session and the store id and reads or changes only that
store's orders (another store's id or number reads as not found). `place_order` commits;
`change_status` and `add_note` leave the commit to the caller. See docs/orders.md.

- checkout: `place_order(session, Placement) -> OrderRecord` (prices from catalog, stock
  reserved all or none, number gap-free, payment started; idempotent per key);
- the merchant: `order_view`, `change_status`, `allowed_next`, `add_note`, `STATUSES`;
- the shopper: `orders_of_customer` (My orders), `order_for_status_link` (guest link,
  `status_page_path` builds it), `order_view_by_number`;
- the directory: `order_count_by_customer`;
- checkout's review: `vat_preview` (what placement would charge, VAT
  per rate, the treatment and its mention; services/vat_rules.py), `vat_number_valid`.
"""

from modules.orders.records import (
    OrderAddress,
    OrderEventRecord,
    OrderLineRecord,
    OrderRecord,
    OrderSummary,
    OrderView,
    Placement,
    PlacementLine,
    VatLine,
)
from modules.orders.services.placement import IdempotencyKeyReused, LineOutOfStock, place_order
from modules.orders.services.reads import (
    order_count_by_customer,
    order_for_status_link,
    order_view,
    order_view_by_number,
    orders_of_customer,
)
from modules.orders.services.status import add_note, change_status, status_page_path
from modules.orders.services.transitions import STATUSES, TRANSITIONS, TransitionRefused, allowed_next
from modules.orders.services.vat_preview import PreviewLine, VatPreview, vat_preview
from modules.orders.services.vat_rules import vat_number_valid

__all__ = [
    "STATUSES",
    "TRANSITIONS",
    "IdempotencyKeyReused",
    "LineOutOfStock",
    "OrderAddress",
    "OrderEventRecord",
    "OrderLineRecord",
    "OrderRecord",
    "OrderSummary",
    "OrderView",
    "Placement",
    "PlacementLine",
    "PreviewLine",
    "TransitionRefused",
    "VatLine",
    "VatPreview",
    "add_note",
    "allowed_next",
    "change_status",
    "order_count_by_customer",
    "order_for_status_link",
    "order_view",
    "order_view_by_number",
    "orders_of_customer",
    "place_order",
    "status_page_path",
    "vat_number_valid",
    "vat_preview",
]
