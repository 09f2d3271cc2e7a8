"""CMS: content pages (platform, store defaults, store overrides), media library, themes."""

from orion_app.registry import Frontend, Menu, ModuleDefinition, PageFactory, Permission, Tier

page = PageFactory(__name__)

MODULE = ModuleDefinition(
    code="cms",
    name="Content",
    description="Platform marketing pages, store default pages and overrides, media library, store themes.",
    version="1.0.0",
    tier=Tier.CORE,
    permissions=(Permission("cms.pages.manage", "cms.perm.pages"),),
    pages=(
        page(
            frontend=Frontend.STOREFRONT,
            path="",
            view="storefront_home_page",
            title_key="cms.storefront.home",
            state="StorefrontHomeState",
            public=True,
            menu=Menu(key="cms.menu.home", icon="house", order=10),
        ),
        page(
            frontend=Frontend.PLATFORM,
            path="",
            view="platform_home_page",
            title_key="cms.platform.home",
            state="PlatformHomeState",
            public=True,
            menu=Menu(key="cms.menu.home", icon="house", order=10),
        ),
    ),
)
