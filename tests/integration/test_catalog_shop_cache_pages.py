"""The storefront's product page read (`storefront.product_page`): the page the dashboard's own
readers give, for every product of cafe-lux's and velo-weber's demo catalogs (seeded small)
in each of its store's languages, in four statements (five with options); on both databases."""

import pytest
from sqlmodel import select

from modules.catalog import demo as catalog_demo
from modules.catalog.models import Product, ProductMedia
from modules.catalog.public import update_variants
from modules.catalog.services import storefront
from modules.catalog.services.categories import shop_category_tree
from modules.catalog.services.media import add_photo, photos
from modules.catalog.services.products import translations
from modules.catalog.services.variants import options_of, variants_of
from modules.catalog.state.shop import _product_and_tree
from modules.inventory.public import adjust_stock, available_by_product, available_by_variant
from modules.tenancy.public import store_by_code
from orion_app import access_cache
from orion_app.db import session_scope
from orion_app.errors import NotFound
from tests.integration.catalog_helpers import png_bytes
from tests.integration.helpers import use_media_dir
from tests.integration.test_access_cache import statements_during
from tests.integration.test_variants import moka  # noqa: F401 (a fixture)

DEMO_PRODUCTS = 6  # a store's demo catalog: the first products of its data file, photographed


@pytest.fixture
def demo_catalog(demo, monkeypatch, tmp_path):
    """The demo catalog of each store (seeding skips a store that has products already)."""
    use_media_dir(monkeypatch, tmp_path / "media")
    monkeypatch.setenv("CATALOG_DEMO_PRODUCTS", str(DEMO_PRODUCTS))
    with session_scope() as session:
        catalog_demo.seed(session)


@pytest.fixture
def catalog(demo_catalog, moka):  # noqa: F811 (test_variants' fixture)
    """The demo catalogs, and test_variants' Café Moka (Weight × Grind) in cafe-lux with two
    photos, its own photos for two variants, one variant dearer, one inactive, one in stock.
    Returns Moka's slug."""
    store_id, product_id, _default, variants = moka
    with session_scope() as session:
        first = add_photo(session, store_id, product_id, png_bytes(color=(10, 20, 30)), "Moka").id
        second = add_photo(session, store_id, product_id, png_bytes(color=(90, 20, 30))).id
        update_variants(
            session,
            store_id,
            product_id,
            {
                variants[1].id: {"photos": [str(second), str(first)], "price": "24,50"},
                variants[2].id: {"photos": [str(second)], "is_active": "0"},
            },
        )
        adjust_stock(session, store_id, product_id, "main", variant_id=variants[3].id, delta=2)
        return session.get(Product, product_id).slug


def reference_page(session, store_id: int, slug: str, langs: tuple[str, ...]) -> storefront.ProductPage:
    """The page from the readers the dashboard uses, each in statements of its own."""
    product = session.exec(
        select(Product).where(Product.store_id == store_id, Product.slug == slug, Product.is_active.is_(True))
    ).first()
    if product is None:
        raise NotFound()
    texts = translations(session, [product.id])[product.id]
    text = storefront._text(texts, langs)
    gallery = photos(session, store_id, product.id)
    available = available_by_product(session, store_id, [product.id]).get(product.id, 0)
    card = storefront._card(product, texts, langs, gallery[0].key if gallery else "", available)
    variants = variants_of(session, store_id, [product.id])[product.id]
    stock = available_by_variant(session, store_id, [v.id for v in variants])
    return storefront.ProductPage(
        card=card,
        sku=product.sku,
        gtin=product.gtin,
        condition=product.condition,
        description=text.description if text else "",
        meta_title=(text.meta_title or text.title) if text else product.sku,
        meta_description=(text.meta_description or text.description[:160]) if text else "",
        photo_keys=[m.key for m in gallery],
        photo_alts=[m.alt or card.title for m in gallery],
        category_id=product.category_id,
        options=options_of(session, store_id, product.id),
        variants=variants,
        variant_availability={
            v.id: storefront.shown_availability(product, stock.get(v.id, 0)) for v in variants
        },
    )


def test_every_demo_product_page_is_the_page_the_dashboards_readers_give(catalog):
    seen = 0
    for code in ("cafe-lux", "velo-weber"):
        with session_scope() as session:
            store = store_by_code(session, code)
            slugs = session.exec(select(Product.slug).where(Product.store_id == store.id)).all()
            assert len(slugs) >= DEMO_PRODUCTS
            for lang in store.languages:
                langs = storefront.language_order(lang, store)
                for slug in slugs:
                    page = storefront.product_page(session, store.id, slug, langs)
                    assert page == reference_page(session, store.id, slug, langs), (code, slug, lang)
                    seen += 1
    assert seen >= DEMO_PRODUCTS * 6  # cafe-lux in four languages, velo-weber in two


def test_moka_shows_its_options_variant_photos_prices_and_stock(catalog):
    with session_scope() as session:
        store = store_by_code(session, "cafe-lux")
        page = storefront.product_page(session, store.id, catalog, ("en", "fr"))
    assert [o.names["en"] for o in page.options] == ["Weight", "Grind"]
    assert [v.labels["fr"] for v in page.options[1].values] == ["Grains", "Moulu"]
    assert len(page.photo_keys) == 2 and page.photo_alts[0] == "Moka"
    assert page.variants[1].photos == tuple(reversed(page.photo_keys))
    assert page.variants[1].price_cents == 2450 and not page.variants[2].is_active
    assert [page.variant_availability[v.id] for v in page.variants[:4]] == [
        "out_of_stock",
        "out_of_stock",
        "out_of_stock",
        "in_stock",
    ]
    assert page.card.title == "Organic Café Crème" and page.card.available == 2


def test_a_product_page_costs_four_statements_and_five_with_options(catalog):
    with session_scope() as session:
        store = store_by_code(session, "cafe-lux")
        plain = session.exec(
            select(Product.slug).where(
                Product.store_id == store.id,
                Product.slug != catalog,
                Product.id.in_(select(ProductMedia.product_id)),
            )
        ).first()
        langs = storefront.language_order("de", store)

        def page(slug):
            return lambda: storefront.product_page(session, store.id, slug, langs)

        assert statements_during(page(plain)) == 4
        assert statements_during(page(catalog)) == 5
        with pytest.raises(NotFound):
            storefront.product_page(session, store.id, "no-such-product", langs)
    access_cache.refresh()
    _product_and_tree(store, plain, langs, "de")  # the category tree is now warm
    assert statements_during(lambda: _product_and_tree(store, plain, langs, "de")) == 4
    assert statements_during(lambda: _product_and_tree(store, catalog, langs, "de")) == 5
    with session_scope() as session:
        assert len(shop_category_tree(session, store.id, "de", store.default_language)) > 0
