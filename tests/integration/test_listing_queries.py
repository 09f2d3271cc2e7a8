"""The storefront's card query (`listings.listing_cards`) and its search index, on both databases."""

import pytest
from sqlalchemy import event
from sqlmodel import select

from modules.catalog.models import Category, Product
from modules.catalog.services import listings, products, storefront
from modules.catalog.services.bulk import Item, upsert_products
from modules.catalog.services.media import first_photos
from modules.catalog.services.products import translations
from modules.catalog.services.values import fold
from modules.inventory.public import available_by_product
from orion_app.db import get_engine, session_scope
from tests.integration.catalog_helpers import product_form, scope

LANGS = ("fr", "en")


@pytest.fixture
def shop(demo):
    """cafe-lux's (store, merchant, platform) ids; these tests add products without photos."""
    return scope()


def create(shop: tuple[int, int, int], **overrides) -> Product:
    with session_scope() as session:
        return products.create_product(session, *shop, product_form(**overrides))


def seed(shop, n: int = 30) -> None:
    for i in range(n):
        title = f"Café Crème {i}" if i % 3 == 0 else f"Thé vert {i}"
        create(shop, sku=f"P-{i}", title_fr=title, title_en=title, gtin="", sale_price="")


def new_cards(store_id: int, **options):
    with session_scope() as session:
        return listings.listing_cards(session, store_id, LANGS, **options)


def old_cards(store_id: int, *, query="", category_ids=None, featured=None, page=1, per_page=24):
    """The reference: the storefront's first card query (page, then titles, photos and stock
    for the page's products in their own statements), kept here to compare against."""
    with session_scope() as session:
        statement = select(Product).where(Product.store_id == store_id, Product.is_active.is_(True))
        for word in fold(query).split():
            statement = statement.where(Product.search_text.contains(word))
        if category_ids:
            statement = statement.where(Product.category_id.in_(category_ids))
        if featured is not None:
            statement = statement.where(Product.is_featured.is_(featured))
        matching = session.exec(statement.order_by(Product.created_at.desc(), Product.id.desc())).all()
        chosen = list(matching[(page - 1) * per_page : page * per_page])
        ids = [product.id for product in chosen]
        texts = translations(session, ids)
        images = first_photos(session, store_id, ids)
        stock = available_by_product(session, store_id, ids)
        cards = [
            storefront._card(
                product,
                texts[product.id],
                LANGS,
                images[product.id].key if product.id in images else "",
                stock.get(product.id, 0),
            )
            for product in chosen
        ]
        return cards, len(matching)


def test_listing_pages_are_the_cards_the_storefront_showed_before(shop):
    seed(shop)
    store_id = shop[0]
    with session_scope() as session:
        category = session.exec(select(Category.id).where(Category.store_id == store_id)).first()
    assert new_cards(store_id, per_page=1000)[1] > 24  # the demo's catalog and ours: several pages
    for page in (1, 2, 3, 99):
        assert new_cards(store_id, page=page) == old_cards(store_id, page=page)
    if category is not None:
        assert new_cards(store_id, category_ids=[category]) == old_cards(store_id, category_ids=[category])
    assert new_cards(store_id, featured=True) == old_cards(store_id, featured=True)


def test_search_finds_the_same_products_as_before_with_or_without_accents(shop):
    seed(shop)
    store_id = shop[0]
    for query in ("cafe", "Café crème", "thé", "p-1", "cafe 1"):
        found, total = new_cards(store_id, query=query, per_page=1000)
        before, before_total = old_cards(store_id, query=query, per_page=1000)
        assert total == before_total == len(found)
        assert {c.id for c in found} == {c.id for c in before}
    assert new_cards(store_id, query="cafe")[1] == new_cards(store_id, query="CAFÉ")[1] >= 10
    assert new_cards(store_id, query="100% cafe")[1] == 0  # % is a character, not a wildcard


def test_search_puts_the_best_match_first(shop):
    seed(shop, 3)
    create(
        shop, sku="EXACT", title_fr="Moulin", title_en="Grinder", brand="Zassenhaus", gtin="", sale_price=""
    )
    create(
        shop,
        sku="LONG",
        title_fr="Moulin à poivre en bois de hêtre avec mécanisme céramique réglable",
        title_en="Beech pepper mill with an adjustable ceramic grinder and a long name",
        brand="Peugeot",
        gtin="",
        sale_price="",
    )
    found, _ = new_cards(shop[0], query="moulin")
    assert found[0].title == "Moulin"
    newest, _ = new_cards(shop[0], query="moulin", sort="newest")
    assert newest[0].title.startswith("Moulin à poivre")


def test_a_product_edit_and_a_bulk_upsert_are_found_by_search_at_once(shop):
    store_id, merchant_id, platform_id = shop
    product = create(shop, sku="EDIT-1", title_fr="Chocolat noir", title_en="Dark chocolate", gtin="")
    assert new_cards(store_id, query="pralin")[1] == 0
    with session_scope() as session:
        products.update_product(
            session,
            store_id,
            product.id,
            product_form(sku="EDIT-1", title_fr="Praliné", title_en="Praline", gtin=""),
        )
    assert [c.id for c in new_cards(store_id, query="praline")[0]] == [product.id]
    assert new_cards(store_id, query="chocolat")[1] == 0
    with session_scope() as session:
        upsert_products(
            session,
            store_id,
            merchant_id,
            platform_id,
            "fr",
            [Item("BULK-1", {"price_cents": 990}, {"title": "Nougat de Montélimar"})],
            source="test",
            warehouse="main",
        )
    assert [c.title for c in new_cards(store_id, query="montelimar")[0]] == ["Nougat de Montélimar"]


def test_a_title_missing_in_the_shoppers_languages_falls_back_to_another(shop):
    product = create(shop, sku="FR-ONLY", title_fr="Kachkéis", title_en="", description_fr="", gtin="")
    with session_scope() as session:
        found, _ = listings.listing_cards(session, shop[0], ("de", "lb"), query="kachkeis")
    assert [(c.id, c.title) for c in found] == [(product.id, "Kachkéis")]


def test_a_page_costs_two_statements_whatever_its_size(shop):
    seed(shop, 100)
    statements: list[str] = []

    def counted(_conn, _cursor, statement, *_args):
        statements.append(statement)

    engine = get_engine()
    event.listen(engine, "before_cursor_execute", counted)
    try:
        sizes = {}
        for options in ({}, {"query": "cafe"}, {"query": "the vert", "sort": "name"}, {"sort": "price_asc"}):
            for per_page in (12, 24, 96):
                statements.clear()
                found, total = new_cards(shop[0], per_page=per_page, **options)
                assert len(found) == min(per_page, total)
                sizes[(str(options), per_page)] = len(statements)
    finally:
        event.remove(engine, "before_cursor_execute", counted)
    assert set(sizes.values()) == {2}


def test_sorts_order_by_price_paid_and_by_shown_name(shop):
    create(shop, sku="A", title_fr="Zeste", title_en="Zest", price="9,00", sale_price="", gtin="")
    create(shop, sku="B", title_fr="Amande", title_en="Almond", price="12,00", sale_price="3,00", gtin="")
    create(shop, sku="C", title_fr="miel", title_en="Honey", price="5,00", sale_price="", gtin="")
    everything = {"per_page": 1000}
    paid = [
        c.sale_price_cents or c.price_cents for c in new_cards(shop[0], sort="price_asc", **everything)[0]
    ]
    assert paid == sorted(paid) and paid[0] == 300
    down = [
        c.sale_price_cents or c.price_cents for c in new_cards(shop[0], sort="price_desc", **everything)[0]
    ]
    assert down == sorted(paid, reverse=True)
    names = [c.title.lower() for c in new_cards(shop[0], sort="name", **everything)[0]]
    assert names.index("amande") < names.index("miel") < names.index("zeste")
