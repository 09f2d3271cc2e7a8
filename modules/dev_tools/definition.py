"""Dev tools: component gallery, architecture validator, read-only SQL console."""

from orion_app.registry import Frontend, MenuItem, ModuleDefinition, Page, Permission, Tier

MODULE = ModuleDefinition(
    code="dev_tools",
    name="Developer tools",
    description="Architecture validator, component gallery and a read-only SQL console.",
    version="1.0.0",
    tier=Tier.INTERNAL,
    permissions=(Permission("dev_tools.use", "dev_tools.perm.use", Frontend.ADMIN),),
    pages=(
        Page(
            Frontend.ADMIN,
            "dev-tools",
            "modules.dev_tools.pages:validator_page",
            "dev_tools.validator.title",
            "dev_tools.use",
            ("modules.dev_tools.state:ValidatorState.load",),
        ),
    ),
    menus=(MenuItem(Frontend.ADMIN, "dev_tools.menu.validator", "dev-tools", "wrench", "dev_tools.use", 90),),
    default_enabled=False,
)
