"""Catalog's public face: a read API for exports and listings, bulk upsert for importers.

Other modules read a store's products here as frozen records (`ListedProduct`), never as
`Product` rows, and write them only through `upsert_products`, which applies the same
field rules as the product editor. The value parsers let an importer report a bad cell
with the catalog's own message before it sends the row; `product_rules()` holds the field
limits every way in shares.
"""

from modules.catalog.services.bulk import Item, Outcome, upsert_products
from modules.catalog.services.listings import ListedProduct, ProductText, active_products
from modules.catalog.services.rules import ProductRules, product_rules
from modules.catalog.services.storefront import language_order
from modules.catalog.services.values import AVAILABILITY, CONDITIONS, ValueProblem, gtin_type, parse_price

__all__ = [
    "AVAILABILITY",
    "CONDITIONS",
    "Item",
    "ListedProduct",
    "Outcome",
    "ProductRules",
    "ProductText",
    "ValueProblem",
    "active_products",
    "gtin_type",
    "language_order",
    "parse_price",
    "product_rules",
    "upsert_products",
]
