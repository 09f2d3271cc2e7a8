"""What catalog contributes to other pages: storefront home sections, metrics, labels."""

from sqlalchemy import Integer, cast, func
from sqlmodel import select

from modules.catalog.models import Product
from modules.catalog.services.media import variant_path
from modules.catalog.services.products import translations
from modules.catalog.services.storefront import ProductCard, cards, language_order
from orion_app.cards import Card, CardSection
from orion_app.db import session_scope
from orion_app.i18n import translate
from orion_app.registry import Frontend
from orion_app.routes import frontend_base
from orion_app.ui.format import money


def shop_card(card: ProductCard, base: str, lang: str) -> Card:
    """A storefront card: gross price, the sale price struck through when there is one."""
    on_sale = card.sale_price_cents is not None and card.sale_price_cents < card.price_cents
    return Card(
        title=card.title,
        href=f"{base}products/{card.slug}",
        image=variant_path(card.image_key, "md") if card.image_key else "",
        subtitle=card.brand,
        price=money(card.sale_price_cents if on_sale else card.price_cents, card.currency, lang),
        old_price=money(card.price_cents, card.currency, lang) if on_sale else "",
        badge=translate(f"catalog.availability.{card.availability}", lang),
    )


def storefront_home(request) -> dict:
    """Featured and newest products for the storefront home page."""
    base = _base(request)
    langs = language_order(request.lang, request.store)
    with session_scope() as session:
        found = {
            "catalog.shop.featured": cards(session, request.store.id, langs, featured=True, per_page=8)[0],
            "catalog.shop.new": cards(session, request.store.id, langs, per_page=8)[0],
        }
    sections = [
        CardSection(
            translate(heading, request.lang),
            [shop_card(c, base, request.lang) for c in listed],
            f"{base}products",
        )
        for heading, listed in found.items()
        if listed
    ]
    return {"sections": sections}


def _base(request) -> str:
    return getattr(request, "base", "") or frontend_base(
        Frontend.STOREFRONT, platform=request.platform.code, store=request.store.code
    )


def store_metrics(store_id: int) -> list[dict]:
    with session_scope() as session:
        total, active = session.exec(
            select(func.count(Product.id), func.sum(cast(Product.is_active, Integer))).where(
                Product.store_id == store_id
            )
        ).one()
    return [
        {"key": "catalog.metric.products", "value": int(total or 0)},
        {"key": "catalog.metric.active_products", "value": int(active or 0)},
    ]


class ProductLabels:
    """The `product_labels` port: SKU and title of products, for modules that show stock."""

    def labels(self, store_id: int, product_ids: list[int], lang: str) -> dict[int, tuple[str, str, str]]:
        """product id -> (SKU, title in `lang`, dashboard path relative to the store's base)."""
        with session_scope() as session:
            skus = dict(
                session.exec(
                    select(Product.id, Product.sku).where(
                        Product.store_id == store_id, Product.id.in_(product_ids)
                    )
                ).all()
            )
            texts = translations(session, list(skus))
        result = {}
        for pid, sku in skus.items():
            text = texts[pid].get(lang) or next(iter(texts[pid].values()), None)
            result[pid] = (sku, text.title if text else sku, f"products/{pid}")
        return result
