"""The product rules every way in shares: the editor, the bulk upsert and the feed reader.

Field limits are read from the tables (`Field(max_length=…)`), so a limit changes in one
place; the cross-field rules are the checks no single field can make on its own.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from annotated_types import MaxLen
from sqlmodel import SQLModel

from modules.catalog.models import Product, ProductTranslation


@dataclass(frozen=True)
class ProductRules:
    limits: Mapping[str, int]  # product field or text name -> most characters it holds

    def too_long(self, name: str, value: str) -> bool:
        return len(value) > self.limits[name]

    @staticmethod
    def sale_above_price(price_cents: int | None, sale_price_cents: int | None) -> bool:
        """True when both prices are known and the sale price is the higher one."""
        return price_cents is not None and sale_price_cents is not None and sale_price_cents > price_cents


def _max_lengths(model: type[SQLModel]) -> dict[str, int]:
    return {
        name: meta.max_length
        for name, info in model.model_fields.items()
        for meta in info.metadata
        if isinstance(meta, MaxLen)
    }


@cache
def product_rules() -> ProductRules:
    """The limits of a product's fields and texts (as the tables declare them) and its cross-field rules."""
    return ProductRules(limits=MappingProxyType(_max_lengths(Product) | _max_lengths(ProductTranslation)))
