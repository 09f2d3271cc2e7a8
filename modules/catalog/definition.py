"""Catalog: products, translations, media, storefront browsing and search."""

from orion_app.registry import (
    Feature,
    Frontend,
    Menu,
    ModuleDefinition,
    PageFactory,
    Permission,
    StoreRole,
    Tier,
)

S, SF = Frontend.STORE, Frontend.STOREFRONT

page = PageFactory(__name__)

MODULE = ModuleDefinition(
    code="catalog",
    name="Catalog",
    description="Products with translations and media; storefront browsing and search.",
    version="1.0.0",
    tier=Tier.OPTIONAL,
    requires=("inventory",),
    features=(Feature("products_limit", "catalog.feature.products_limit", "limit", 200),),
    permissions=(
        Permission(
            "catalog.products.view",
            "catalog.perm.view",
            roles=StoreRole.VIEWER.and_above(),
            open_when_read_only=True,
        ),
        Permission("catalog.products.edit", "catalog.perm.edit", roles=StoreRole.STAFF.and_above()),
    ),
    pages=(
        page(
            frontend=S,
            path="products",
            view="dashboard:products_page",
            title_key="catalog.products.title",
            permission="catalog.products.view",
            state="dashboard:ProductListState",
            menu=Menu(key="catalog.menu.products", icon="package", order=20),
        ),
        page(
            frontend=S,
            path="products/new",
            view="editor:new_product_page",
            title_key="catalog.product.new_title",
            permission="catalog.products.edit",
            state="editor:ProductEditorState",
        ),
        page(
            frontend=S,
            path="products/[product]",
            view="editor:edit_product_page",
            title_key="catalog.product.edit_title",
            permission="catalog.products.view",
            state="editor:ProductEditorState",
        ),
        page(
            frontend=SF,
            path="products",
            view="shop:listing_page",
            title_key="catalog.shop.products",
            state="shop:ShopListingState",
            public=True,
            menu=Menu(key="catalog.menu.shop", icon="shopping-bag", order=20),
        ),
        page(
            frontend=SF,
            path="products/[slug]",
            view="shop:product_page",
            title_key="catalog.shop.product",
            state="shop:ShopProductState",
            public=True,
        ),
    ),
    config="modules.catalog.config:CatalogConfig",
    api_routes="modules.catalog.api:routes",
    context_providers={SF: "modules.catalog.providers:storefront_home"},
    metrics_provider="modules.catalog.providers:store_metrics",
    widget_provider="modules.catalog.providers:overview_widgets",
    provides={"product_labels": "modules.catalog.providers:ProductLabels"},
    seed_demo="modules.catalog.demo:seed",
    contributes={
        "usage_counters": "modules.catalog.usage:COUNTERS",
        "product_grid": "modules.catalog.cms_grid:product_cards",
        "product_grid_categories": "modules.catalog.cms_grid:grid_categories",
    },
)
