"""What catalog contributes to other pages: storefront home sections, metrics, overview widgets,
labels."""

from contextlib import nullcontext

from sqlalchemy import Integer, cast, func
from sqlmodel import Session, select

from modules.catalog.models import Product
from modules.catalog.services.listings import listing_cards
from modules.catalog.services.media import variant_path
from modules.catalog.services.products import translations
from modules.catalog.services.storefront import ProductCard, language_order
from modules.contracts.protocols import Widget, WidgetRequest, widget
from modules.inventory.public import available_by_product
from orion_app.cards import Card, CardSection
from orion_app.db import session_scope
from orion_app.i18n import translate
from orion_app.registry import Frontend
from orion_app.routes import frontend_base
from orion_app.ui.format import money, number


def shop_card(card: ProductCard, base: str, lang: str, has_options: bool = False) -> Card:
    """A storefront card: gross price, the sale price struck through when there is one; "from
    <lowest price>" (nothing struck through) when the product's active variants differ in price."""
    on_sale = card.sale_price_cents is not None and card.sale_price_cents < card.price_cents
    price = money(card.sale_price_cents if on_sale else card.price_cents, card.currency, lang)
    old_price = money(card.price_cents, card.currency, lang) if on_sale else ""
    if card.from_price_cents is not None:
        lowest = money(card.from_price_cents, card.currency, lang)
        price, old_price = translate("catalog.shop.from_price", lang, price=lowest), ""
    return Card(
        title=card.title,
        href=f"{base}products/{card.slug}",
        image=variant_path(card.image_key, "md") if card.image_key else "",
        subtitle=card.brand,
        price=price,
        old_price=old_price,
        badge=translate(f"catalog.availability.{card.availability}", lang),
        product_id=card.id,
        has_options=has_options,
    )


def storefront_home(request) -> dict:
    """Featured and newest products for the storefront home page."""
    base = _base(request)
    langs = language_order(request.lang, request.store)
    with session_scope() as session:
        found = {
            "catalog.shop.featured": listing_cards(
                session, request.store.id, langs, featured=True, per_page=8
            )[0],
            "catalog.shop.new": listing_cards(session, request.store.id, langs, per_page=8)[0],
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


def _product_counts(session: Session, store_id: int) -> tuple[int, int]:
    """(all products, active products) of the store."""
    total, active = session.exec(
        select(func.count(Product.id), func.sum(cast(Product.is_active, Integer))).where(
            Product.store_id == store_id
        )
    ).one()
    return int(total or 0), int(active or 0)


def store_metrics(store_id: int) -> list[dict]:
    with session_scope() as session:
        total, active = _product_counts(session, store_id)
    return [
        {"key": "catalog.metric.products", "value": total},
        {"key": "catalog.metric.active_products", "value": active},
    ]


def stock_value(session: Session, store_id: int) -> dict[str, int]:
    """currency -> cents: available units (inventory) times the price a shopper pays now (the sale
    price when lower). Products have no cost price, so this is the stock's value at price."""
    prices = session.exec(
        select(Product.id, Product.price_cents, Product.sale_price_cents, Product.currency).where(
            Product.store_id == store_id
        )
    ).all()
    units = available_by_product(session, store_id, [pid for pid, *_ in prices])
    value: dict[str, int] = {}
    for pid, price, sale, currency in prices:
        paid = sale if sale is not None and sale < price else price
        value[currency] = value.get(currency, 0) + units.get(pid, 0) * paid
    return value


def overview_widgets(session: Session, request: WidgetRequest) -> list[Widget]:
    """Products (active and drafts) and the stock's value at price, for the store overview."""
    if not request.may("catalog.products.view"):
        return []
    lang = request.lang
    total, active = _product_counts(session, request.store_id)
    values = stock_value(session, request.store_id) or {"EUR": 0}
    return [
        widget(
            "stat",
            "catalog.products",
            10,
            translate("catalog.overview.products", lang),
            value=number(total, lang),
            detail=translate(
                "catalog.overview.products_detail",
                lang,
                active=number(active, lang),
                drafts=number(total - active, lang),
            ),
        ),
        widget(
            "stat",
            "catalog.stock_value",
            20,
            translate("catalog.overview.stock_value", lang),
            value=" + ".join(money(cents, currency, lang) for currency, cents in sorted(values.items())),
            detail=translate("catalog.overview.stock_value_detail", lang),
        ),
    ]


class ProductLabels:
    """The `product_labels` port: SKU and title of products, for modules that show stock."""

    def labels(
        self, store_id: int, product_ids: list[int], lang: str, session: Session | None = None
    ) -> dict[int, tuple[str, str, str]]:
        """product id -> (SKU, title in `lang`, dashboard path relative to the store's base);
        read in the caller's `session` when given (a writer mid-transaction, whose second
        connection could wait for a pool slot it holds itself)."""
        with nullcontext(session) if session is not None else session_scope() as session:
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
