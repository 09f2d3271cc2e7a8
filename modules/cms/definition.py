"""CMS: content pages (platform, store defaults, store overrides), media library, themes."""

from orion_app.registry import Frontend, MenuItem, ModuleDefinition, Page, Permission, Tier

MODULE = ModuleDefinition(
    code="cms",
    name="Content",
    description="Platform marketing pages, store default pages and overrides, media library, store themes.",
    version="1.0.0",
    tier=Tier.CORE,
    permissions=(Permission("cms.pages.manage", "cms.perm.pages", Frontend.STORE),),
    pages=(
        Page(
            frontend=Frontend.STOREFRONT,
            path="",
            component="modules.cms.pages:storefront_home_page",
            title_key="cms.storefront.home",
            on_load=("modules.cms.state:StorefrontHomeState.load",),
            public=True,
        ),
        Page(
            frontend=Frontend.PLATFORM,
            path="",
            component="modules.cms.pages:platform_home_page",
            title_key="cms.platform.home",
            on_load=("modules.cms.state:PlatformHomeState.load",),
            public=True,
        ),
    ),
    menus=(
        MenuItem(Frontend.STOREFRONT, "cms.menu.home", "", "house", order=10),
        MenuItem(Frontend.PLATFORM, "cms.menu.home", "", "house", order=10),
    ),
)
