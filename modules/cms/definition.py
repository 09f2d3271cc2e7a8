"""CMS: content pages (platform, store defaults, store overrides), media library, themes."""

from orion_app.registry import (
    STOREFRONT_LOOK,
    Frontend,
    Menu,
    ModuleDefinition,
    PageFactory,
    Permission,
    Tier,
)

page = PageFactory(__name__)

MODULE = ModuleDefinition(
    code="cms",
    name="Content",
    description="Platform marketing pages, store default pages and overrides, media library, store themes.",
    version="1.0.0",
    tier=Tier.CORE,
    permissions=(
        Permission("cms.pages.manage", "cms.perm.pages"),
        Permission("cms.media.manage", "cms.perm.media"),
        Permission("cms.theme.manage", "cms.perm.theme"),
        Permission("cms.platform.manage", "cms.perm.platform", Frontend.ADMIN),
    ),
    contributes={STOREFRONT_LOOK: "modules.cms.theme:storefront_look"},
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
        page(
            frontend=Frontend.STORE,
            path="media",
            view="media:store_media_page",
            title_key="cms.media.title",
            state="media:StoreMediaState",
            permission="cms.media.manage",
            menu=Menu(key="cms.menu.media", icon="images", order=75),
        ),
        page(
            frontend=Frontend.STORE,
            path="theme",
            view="themes:theme_page",
            title_key="cms.theme.title",
            state="themes:ThemeState",
            permission="cms.theme.manage",
            menu=Menu(key="cms.menu.theme", icon="palette", order=76),
        ),
        page(
            frontend=Frontend.ADMIN,
            path="media",
            view="media:platform_media_page",
            title_key="cms.media.platform_title",
            state="media:PlatformMediaState",
            permission="cms.platform.manage",
            menu=Menu(key="cms.menu.media", icon="images", order=75),
        ),
    ),
)
