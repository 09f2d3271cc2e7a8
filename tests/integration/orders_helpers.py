"""Builders for the orders tests: stocked products, placements and their stock."""

import uuid

from sqlmodel import select

from modules.catalog.services.products import create_product
from modules.catalog.services.variants import default_variants
from modules.inventory.public import adjust_stock, available_by_variant
from modules.orders.models import Order, OrderEvent, OrderLine
from modules.orders.public import OrderAddress, Placement, PlacementLine
from orion_app.db import session_scope
from tests.integration.catalog_helpers import product_form, scope

HOME = OrderAddress(
    name="Léa Weber",
    company="",
    vat_number="",
    line1="12, rue de Hollerich",
    line2="",
    postal_code="1740",
    city="Luxembourg",
    country="LU",
    phone="",
)


def stocked(
    sku: str, price: str, units: int, store: str = "cafe-lux", vat_rate: str = "17"
) -> tuple[int, int]:
    """A new active product with `units` in stock; (product id, its default variant id)."""
    store_id, merchant_id, platform_id = scope(store)
    with session_scope() as session:
        form = product_form(
            sku=sku, price=price, sale_price="", gtin="", vat_rate=vat_rate, title_fr=f"Café {sku}"
        )
        product = create_product(session, store_id, merchant_id, platform_id, form, preferred_lang="fr")
        variant_id = default_variants(session, store_id, [product.id])[product.id]
        if units:
            adjust_stock(session, store_id, product.id, "STRASSEN", variant_id=variant_id, delta=units)
    return product.id, variant_id


def placement(
    lines: list[tuple[int, int]],
    *,
    store: str = "cafe-lux",
    key: str | None = None,
    method: str = "bank_transfer",
    shipping_cents: int = 490,
    **changes,
) -> Placement:
    store_id, _merchant, platform_id = scope(store)
    values = dict(
        store_id=store_id,
        platform_id=platform_id,
        idempotency_key=key or uuid.uuid4().hex,
        customer_id=None,
        email="lea@example.lu",
        language="fr",
        lines=tuple(PlacementLine(variant_id, quantity) for variant_id, quantity in lines),
        billing=HOME,
        shipping=HOME,
        shipping_method="flat_lu",
        shipping_label="Livraison Luxembourg",
        shipping_cents=shipping_cents,
        shipping_vat_rate=17,
        payment_method=method,
        cart_id=None,
        terms_accepted=True,
    )
    values.update(changes)
    return Placement(**values)


def available(variant_id: int, store: str = "cafe-lux") -> int:
    with session_scope() as session:
        return available_by_variant(session, scope(store)[0], [variant_id]).get(variant_id, 0)


def order_rows(store: str = "cafe-lux") -> list[Order]:
    with session_scope() as session:
        return list(session.exec(select(Order).where(Order.store_id == scope(store)[0]).order_by(Order.id)))


def line_rows(order_id: int) -> list[OrderLine]:
    with session_scope() as session:
        return list(
            session.exec(select(OrderLine).where(OrderLine.order_id == order_id).order_by(OrderLine.position))
        )


def timeline(order_id: int) -> list[OrderEvent]:
    with session_scope() as session:
        return list(
            session.exec(select(OrderEvent).where(OrderEvent.order_id == order_id).order_by(OrderEvent.id))
        )


def tampered(token: str) -> str:
    """The token with its last character changed (to another one, whatever it was)."""
    return token[:-1] + ("y" if token.endswith("x") else "x")
