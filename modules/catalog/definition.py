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
            S,
            "products",
            "modules.catalog.pages.dashboard:products_page",
            "catalog.products.title",
            "catalog.products.view",
            (f"{STATE}.dashboard:ProductListState.load",),
        ),
        Page(
            S,
            "products/new",
            "modules.catalog.pages.editor:new_product_page",
            "catalog.product.new_title",
            "catalog.products.edit",
            (f"{STATE}.editor:ProductEditorState.load",),
        ),
        Page(
            S,
            "products/[product]",
            "modules.catalog.pages.editor:edit_product_page",
            "catalog.product.edit_title",
            "catalog.products.view",
            (f"{STATE}.editor:ProductEditorState.load",),
        ),
        Page(
            SF,
            "products",
            "modules.catalog.pages.shop:listing_page",
            "catalog.shop.products",
            on_load=(f"{STATE}.shop:ShopListingState.load",),
            public=True,
        ),
        Page(
            SF,
            "products/[slug]",
            "modules.catalog.pages.shop:product_page",
            "catalog.shop.product",
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
