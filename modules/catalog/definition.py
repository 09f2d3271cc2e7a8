"""Catalog: products, translations, media, storefront browsing and search."""

from orion_app.registry import (
    Feature,
    Frontend,
    MenuItem,
    ModuleDefinition,
    Page,
    Permission,
    StoreRole,
    Tier,
)

S, SF = Frontend.STORE, Frontend.STOREFRONT
STATE = "modules.catalog.state"

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
            S,
            (StoreRole.MANAGER, StoreRole.STAFF, StoreRole.VIEWER),
        ),
        Permission("catalog.products.edit", "catalog.perm.edit", S, (StoreRole.MANAGER, StoreRole.STAFF)),
    ),
    pages=(
        Page(
            frontend=S,
            path="products",
            component="modules.catalog.pages.dashboard:products_page",
            title_key="catalog.products.title",
            permission="catalog.products.view",
            on_load=(f"{STATE}.dashboard:ProductListState.load",),
        ),
        Page(
            frontend=S,
            path="products/new",
            component="modules.catalog.pages.editor:new_product_page",
            title_key="catalog.product.new_title",
            permission="catalog.products.edit",
            on_load=(f"{STATE}.editor:ProductEditorState.load",),
        ),
        Page(
            frontend=S,
            path="products/[product]",
            component="modules.catalog.pages.editor:edit_product_page",
            title_key="catalog.product.edit_title",
            permission="catalog.products.view",
            on_load=(f"{STATE}.editor:ProductEditorState.load",),
        ),
        Page(
            frontend=SF,
            path="products",
            component="modules.catalog.pages.shop:listing_page",
            title_key="catalog.shop.products",
            on_load=(f"{STATE}.shop:ShopListingState.load",),
            public=True,
        ),
        Page(
            frontend=SF,
            path="products/[slug]",
            component="modules.catalog.pages.shop:product_page",
            title_key="catalog.shop.product",
            on_load=(f"{STATE}.shop:ShopProductState.load",),
            public=True,
        ),
    ),
    menus=(
        MenuItem(S, "catalog.menu.products", "products", "package", "catalog.products.view", 20),
        MenuItem(SF, "catalog.menu.shop", "products", "shopping-bag", order=20),
    ),
    config="modules.catalog.config:CatalogConfig",
    context_providers={SF: "modules.catalog.providers:storefront_home"},
    metrics_provider="modules.catalog.providers:store_metrics",
    provides={"product_labels": "modules.catalog.providers:ProductLabels"},
    seed_demo="modules.catalog.demo:seed",
)
