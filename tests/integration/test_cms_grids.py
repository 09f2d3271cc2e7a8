"""Product grid blocks by category: the category's active products as the storefront's
category page lists them, another store's category refused, a deleted category showing
nothing (and the editor saying so); hand-picked SKUs in one statement."""

import pytest
from sqlalchemy import delete, update

from modules.catalog.cms_grid import product_cards
from modules.cms.services.pages import PageInput, save_page
from modules.cms.services.resolve import Visitor, find_page
from modules.cms.services.scope import Owner
from orion_app.errors import FieldErrors
from tests.integration.helpers import Browser, platform_id, store_id
from tests.integration.test_access_cache import statements_during
from tests.integration.test_cms_pages import ALL, JEAN, MARIE, editor, visitor

CATALOG = frozenset({"catalog"})


@pytest.fixture
def shelves(demo, session):
    """cafe-lux: "Chocolats" with a sub-category "Pralines", a "Thés" category, products in
    each (one inactive); velo-weber: a category "Pièces" of its own."""
    from modules.catalog.public import Item, set_categories, set_inactive, upsert_products
    from modules.catalog.services.categories import create_category
    from modules.tenancy.public import store_by_code

    cafe, velo = store_by_code(session, "cafe-lux"), store_by_code(session, "velo-weber")
    chocolate = create_category(session, cafe.id, {"fr": "Chocolats", "en": "Chocolate"}, slug="chocolats")
    create_category(session, cafe.id, {"fr": "Pralines", "en": "Pralines"}, chocolate.id, slug="pralines")
    create_category(session, cafe.id, {"fr": "Thés", "en": "Tea"}, slug="thes")
    create_category(session, velo.id, {"fr": "Pièces"}, slug="pieces")
    products = [
        ("CHOC-1", "Tablette noire", 450, "chocolats"),
        ("CHOC-2", "Tablette au lait", 420, "chocolats"),
        ("PRAL-1", "Pralines assorties", 1450, "pralines"),
        ("CHOC-OFF", "Tablette retirée", 500, "chocolats"),
        ("THE-1", "Thé vert", 890, "thes"),
    ]
    upsert_products(
        session,
        cafe.id,
        cafe.merchant_id,
        platform_id("oms"),
        "fr",
        [Item(sku, {"price_cents": price}, {"title": title}) for sku, title, price, _ in products],
        source="test",
        warehouse="main",
    )
    session.commit()
    ids = {c.slug: c.id for c in _categories(session, cafe.id)}
    set_categories(session, cafe.id, {sku: ids[slug] for sku, _, _, slug in products})
    set_inactive(session, cafe.id, ["CHOC-OFF"])
    session.commit()
    return cafe


def _categories(session, store):
    from sqlmodel import select

    from modules.catalog.models import Category

    return session.exec(select(Category).where(Category.store_id == store)).all()


def grid(category="", skus="", limit=8) -> dict:
    return {"kind": "products", "category": category, "skus": skus, "limit": limit}


def save_grid_page(session, store: str, block: dict, slug="vitrine"):
    return save_page(
        session,
        Owner.store(store_id(store)),
        None,
        PageInput(status="published", texts={"fr": {"slug": slug, "title": "Vitrine", "blocks": [block]}}),
        level="store_page",
        languages=ALL,
        catalog_enabled=True,
    )


def shown(session, store: str, slug="vitrine") -> str:
    seen = visitor(session, store, "fr")
    return find_page(session, Visitor(**{**seen.__dict__, "enabled": CATALOG}), slug=slug).html


def test_a_category_grid_shows_its_active_products_and_its_sub_categories_as_the_storefront_lists_them(
    shelves, session
):
    from modules.catalog.services.categories import category_by_slug, subtree_ids
    from modules.catalog.services.listings import listing_cards

    save_grid_page(session, "cafe-lux", grid(category="chocolats"))
    html = shown(session, "cafe-lux")
    for title in ("Tablette noire", "Tablette au lait", "Pralines assorties"):
        assert title in html
    assert "Tablette retirée" not in html  # inactive
    assert "Thé vert" not in html  # another category
    # The same products in the same order as the storefront's page of that category.
    chocolate = category_by_slug(session, shelves.id, "chocolats")
    listed, _total = listing_cards(
        session, shelves.id, ("fr",), category_ids=subtree_ids(session, shelves.id, chocolate.id)
    )
    cards = product_cards(session, shelves.id, skus=[], limit=8, languages=("fr",), category="chocolats")
    assert [c["title"] for c in cards] == [c.title for c in listed]
    assert len(cards) == 3
    two = product_cards(session, shelves.id, skus=[], limit=2, languages=("fr",), category="chocolats")
    assert [c["title"] for c in two] == [c.title for c in listed][:2]
    assert 'href="/platforms/oms/storefront/cafe-lux/products/' in html and "14,50" in html


def test_another_stores_category_or_an_unknown_one_is_refused_next_to_the_block(shelves, session):
    for slug in ("pieces", "nope"):  # velo-weber's category; none at all
        with pytest.raises(FieldErrors) as refused:
            save_grid_page(session, "cafe-lux", grid(category=slug))
        assert refused.value.errors == {"block.fr.0": "cms.error.grid_category"}
    with pytest.raises(FieldErrors) as refused:
        save_grid_page(session, "cafe-lux", grid(category="thes", skus="THE-1"))
    assert refused.value.errors == {"block.fr.0": "cms.error.grid_both"}
    # A category is always read in the visitor's store: velo-weber's slug finds nothing here.
    assert product_cards(session, shelves.id, skus=[], limit=8, languages=("fr",), category="pieces") == []


def test_a_deleted_category_leaves_the_grid_empty_without_error_and_the_editor_says_it_is_gone(
    shelves, session
):
    from modules.catalog.models import Category, CategoryTranslation, Product

    page = save_grid_page(session, "cafe-lux", grid(category="thes"))
    assert "Thé vert" in shown(session, "cafe-lux")
    tea = next(c.id for c in _categories(session, shelves.id) if c.slug == "thes")
    session.execute(update(Product).where(Product.category_id == tea).values(category_id=None))
    session.execute(delete(CategoryTranslation).where(CategoryTranslation.category_id == tea))
    session.execute(delete(Category).where(Category.id == tea))
    session.commit()
    html = shown(session, "cafe-lux")
    assert "cms-products" not in html and "Thé vert" not in html  # the page still shows, the grid does not

    tab = editor("/store/cafe-lux/pages", Browser().token(MARIE))
    tab.lang = "fr"
    tab.call("load")
    assert tab.grids and [c["value"] for c in tab.categories] == ["chocolats", "pralines"]
    assert [c["label"] for c in tab.categories] == ["Chocolats", "— Pralines"]  # the editor's language
    tab.call("open_page", page_id=page.id)
    assert tab.blocks[0]["category"] == "thes" and "thes" not in tab.category_slugs  # shown as gone
    tab.call("save")
    assert tab.errors == {"block.0": "Cette catégorie n'est pas une catégorie de la boutique "
                          "(elle a peut-être été supprimée) : choisissez-en une autre."}  # fmt: skip
    tab.call("set_block", index=0, name="category", value="pralines")
    tab.call("save")
    assert tab.errors == {} and "Pralines assorties" in shown(session, "cafe-lux")


def test_the_editor_offers_only_its_own_stores_categories(shelves, session):
    tab = editor("/store/velo-weber/pages", Browser().token(JEAN))
    tab.call("load")
    assert [c["value"] for c in tab.categories] == ["pieces"]


def test_hand_picked_skus_cost_one_statement_whatever_their_number(shelves, session):
    from modules.catalog.public import Item, upsert_products

    skus = [f"PICK-{n:02}" for n in range(20)]
    upsert_products(
        session,
        shelves.id,
        shelves.merchant_id,
        platform_id("oms"),
        "fr",
        [Item(sku, {"price_cents": 100 + n}, {"title": f"Article {n}"}) for n, sku in enumerate(skus)],
        source="test",
        warehouse="main",
    )
    session.commit()
    counts, found = {}, {}
    for size in (2, 20):
        picked = [*reversed(skus[:size]), "CHOC-OFF", "NOPE"]

        def cards(picked=picked, size=size):
            found[size] = product_cards(session, shelves.id, skus=picked, limit=24, languages=("fr",))

        cards()  # warm: the first statement of a connection may bring the server's own
        counts[size] = statements_during(cards)
    assert counts == {2: 1, 20: 1}
    # In the merchant's order; the inactive and the unknown SKU are skipped.
    assert [c["title"] for c in found[20]] == [f"Article {n}" for n in reversed(range(20))]
    assert [c["title"] for c in found[2]] == ["Article 1", "Article 0"]
