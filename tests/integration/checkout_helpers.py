"""Builders for the checkout tests: products in stock, a guest's cart, a signed-in shopper
with an address, and the shopper's choices."""

from modules.cart.public import config_for
from modules.cart.services.carts import add, new_guest_cart
from modules.catalog.services.products import create_product
from modules.catalog.services.variants import default_variants
from modules.checkout.services.placement import CheckoutChoice, Shopper
from modules.customers.public import signed_in_customer
from modules.customers.services.addresses import AddressInput, save_address
from modules.inventory.public import adjust_stock
from orion_app.db import session_scope
from tests.integration.catalog_helpers import product_form, scope
from tests.integration.customers_shop_helpers import signed_up, storefront

HOME = {"name": "Léa Weber", "line1": "12, rue de Hollerich", "postal_code": "1740", "city": "Luxembourg"}


def stocked(sku: str, price: str, units: int, store: str = "cafe-lux") -> int:
    """A new active product with `units` in STRASSEN; its default variant's id."""
    store_id, merchant_id, platform_id = scope(store)
    with session_scope() as session:
        form = product_form(sku=sku, price=price, sale_price="", gtin="", title_fr=f"Café {sku}")
        product = create_product(session, store_id, merchant_id, platform_id, form, preferred_lang="fr")
        variant_id = default_variants(session, store_id, [product.id])[product.id]
        adjust_stock(session, store_id, product.id, "STRASSEN", variant_id=variant_id, delta=units)
    return variant_id


def guest_cart(lines: list[tuple[int, int]], store: str = "cafe-lux") -> str:
    """A guest cart holding (variant id, quantity) lines; its cookie token."""
    store_id = scope(store)[0]
    with session_scope() as session:
        config = config_for(session, store_id)
        cart, token = new_guest_cart(session, store_id, config)
        for variant_id, quantity in lines:
            add(session, store_id, cart, variant_id, quantity, config)
    return token


def shopper(store: str = "cafe-lux", customer_token: str = "", language: str = "fr") -> Shopper:
    store_id, _merchant, platform_id = scope(store)
    with session_scope() as session:
        customer = signed_in_customer(session, store_id, customer_token) if customer_token else None
    return Shopper(store_id, platform_id, "fr", language, customer)


def customer_with_address(email: str, store: str = "cafe-lux") -> tuple[str, int]:
    """(shopper session token, address id) of a new customer with one Luxembourg address."""
    customer_id, token = signed_up(storefront(store), email)
    with session_scope() as session:
        address = save_address(session, scope(store)[0], customer_id, AddressInput(**HOME))
        address_id = address.id
    return token, address_id


def choice(**changes) -> CheckoutChoice:
    values = {
        "email": "guest@example.lu",
        "address": dict(HOME, country="LU"),
        "shipping_code": "lu-post",
        "payment_method": "bank_transfer",
        "terms_accepted": True,
    }
    return CheckoutChoice(**(values | changes))
