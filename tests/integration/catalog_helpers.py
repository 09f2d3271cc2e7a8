"""Small builders for catalog and inventory tests."""

import io

from PIL import Image

from orion_app.db import session_scope
from tests.integration.helpers import platform_id, store_id

VALID_GTIN = "4006381333931"  # a real EAN-13 with a correct check digit


def scope(code: str = "cafe-lux", platform: str = "oms"):
    from modules.tenancy.models import Store

    with session_scope() as session:
        store = session.get(Store, store_id(code))
        return store.id, store.merchant_id, platform_id(platform)


def product_form(**overrides) -> dict:
    form = {
        "sku": "CAFE-001",
        "title_fr": "Café Crème Bio",
        "title_en": "Organic Café Crème",
        "description_fr": "Un café doux.",
        "price": "19,99",
        "sale_price": "14.99",
        "gtin": VALID_GTIN,
        "brand": "Lëtzebuerger Röster",
        "vat_rate": "17",
        "is_active": "1",
    }
    form.update(overrides)
    return form


def png_bytes(size=(640, 480), color=(200, 120, 40)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "PNG")
    return buffer.getvalue()
