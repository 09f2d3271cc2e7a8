"""Where product grid blocks get their products and categories: contribution points, since
cms is core and may not import the module that sells products (catalog).

- `product_grid`: `cards(session, store_id, *, skus, limit, languages, category=None)
  -> list[dict]` (path under the storefront base, title, price_cents, currency, photo URL):
  the category's products (a slug of the store) when `category` is given, else the
  hand-picked SKUs in their order, else the store's first products.
- `product_grid_categories`: `categories(session, store_id, lang, fallback) ->
  [{"value": slug, "label": name}]`: the store's categories a grid may show, named in `lang`.
"""

from sqlmodel import Session

from orion_app.registry import get_registry

PRODUCT_GRID = "product_grid"
PRODUCT_GRID_CATEGORIES = "product_grid_categories"


def grid_sources(enabled: frozenset[str] | None) -> list:
    """The product-grid providers of the enabled modules (every contributor for None); none:
    grids cannot be used."""
    return [cards for code, cards in get_registry().contributions(PRODUCT_GRID) if _on(code, enabled)]


def grid_categories(
    session: Session, store_id: int, lang: str, fallback: str = "en", enabled: frozenset[str] | None = None
) -> list[dict[str, str]]:
    """The store's categories a grid may show (slug and name in `lang`), from the enabled
    modules (every contributor for None)."""
    found: list[dict[str, str]] = []
    for code, categories in get_registry().contributions(PRODUCT_GRID_CATEGORIES):
        if _on(code, enabled):
            found.extend(categories(session, store_id, lang, fallback))
    return found


def _on(code: str, enabled: frozenset[str] | None) -> bool:
    return enabled is None or code in enabled
