"""Catalog: products, translations, media, storefront browsing and search."""

from orion_app.registry import Feature, Frontend, ModuleDefinition, Permission, StoreRole, Tier

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
            Frontend.STORE,
            (StoreRole.MANAGER, StoreRole.STAFF, StoreRole.VIEWER),
        ),
        Permission(
            "catalog.products.edit", "catalog.perm.edit", Frontend.STORE, (StoreRole.MANAGER, StoreRole.STAFF)
        ),
    ),
)
