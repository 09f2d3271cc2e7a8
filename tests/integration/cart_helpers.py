"""Builders for the cart tests: products in stock, posts to the add endpoint, the cart a
cookie or a customer sees."""

from sqlalchemy import update
from starlette.testclient import TestClient

from modules.cart.public import CartSnapshot, current_cart
from modules.catalog.models import Product
from modules.catalog.services.products import create_product
from modules.catalog.services.variants import default_variants
from modules.inventory.public import adjust_stock
from orion_app.db import session_scope
from tests.integration.catalog_helpers import product_form, scope

PAGE = "http://localhost:3000"
CAFE = "/platforms/oms/storefront/cafe-lux/"
VELO = "/platforms/oms/storefront/velo-weber/"


def stocked(sku: str, price: str, units: int, store: str = "cafe-lux", **fields) -> tuple[int, int]:
    """(product id, default variant id) of a new active product with `units` in STRASSEN."""
    store_id, merchant_id, platform_id = scope(store)
    with session_scope() as session:
        form = product_form(sku=sku, price=price, sale_price="", gtin="", title_fr=f"Café {sku}") | fields
        product = create_product(session, store_id, merchant_id, platform_id, form, preferred_lang="fr")
        variant_id = default_variants(session, store_id, [product.id])[product.id]
        if units:
            adjust_stock(session, store_id, product.id, "STRASSEN", variant_id=variant_id, delta=units)
        return product.id, variant_id


def set_product(product_id: int, **values) -> None:
    """Change a product's columns behind the cart's back (a merchant's edit)."""
    with session_scope() as session:
        session.exec(update(Product).where(Product.id == product_id).values(**values))
        session.commit()


def add(
    client: TestClient, product_id: int, quantity="1", base: str = CAFE, origin: str | None = PAGE, **form
):
    headers = {"Origin": origin} if origin else {}
    data = {"base": base, "product": str(product_id), "quantity": str(quantity), "next": f"{base}products"}
    return client.post("/api/shop/cart/add", data=data | form, headers=headers, follow_redirects=False)


def outcome(response) -> str:
    """The `?cart=` the endpoint came back with."""
    assert response.status_code == 303, response.text
    return response.headers["location"].split("cart=", 1)[1].split("&")[0]


def cart_of(token: str = "", customer_id: int | None = None, store: str = "cafe-lux") -> CartSnapshot | None:
    with session_scope() as session:
        return current_cart(session, scope(store)[0], cart_token=token, customer_id=customer_id, lang="fr")


def quantities(cart: CartSnapshot | None) -> dict[int, int]:
    return {line.variant_id: line.quantity for line in cart.lines} if cart else {}
