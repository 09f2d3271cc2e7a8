"""Dev tools: component gallery, architecture validator, read-only SQL console."""

from orion_app.registry import Frontend, Menu, ModuleDefinition, PageFactory, Permission, Tier

page = PageFactory(__name__)

MODULE = ModuleDefinition(
    code="dev_tools",
    name="Developer tools",
    description="Architecture validator, component gallery and a read-only SQL console.",
    version="1.0.0",
    tier=Tier.INTERNAL,
    permissions=(Permission("dev_tools.use", "dev_tools.perm.use", Frontend.ADMIN),),
    pages=(
        page(
            frontend=Frontend.ADMIN,
            path="dev-tools",
            view="validator_page",
            title_key="dev_tools.validator.title",
            permission="dev_tools.use",
            state="ValidatorState",
            menu=Menu(key="dev_tools.menu.validator", icon="wrench", order=90),
        ),
    ),
    default_enabled=False,
)
