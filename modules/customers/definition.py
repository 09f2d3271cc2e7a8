"""Customers: store-scoped shopper accounts, addresses, e-mail verification, password reset."""

from orion_app.registry import Frontend, Menu, ModuleDefinition, PageFactory, Permission, StoreRole, Tier

page = PageFactory(__name__)

MODULE = ModuleDefinition(
    code="customers",
    name="Customers",
    description="Store-scoped customer accounts, addresses, e-mail verification and password reset.",
    version="1.0.0",
    tier=Tier.CORE,
    planned=True,
    permissions=(
        Permission("customers.view", "customers.perm.view", roles=StoreRole.VIEWER.and_above()),
        Permission("customers.manage", "customers.perm.manage", roles=StoreRole.MANAGER.and_above()),
    ),
    pages=(
        page(
            frontend=Frontend.STORE,
            path="customers",
            view="merchant:customers_page",
            title_key="customers.admin.title",
            permission="customers.view",
            state="merchant:CustomerListState",
            menu=Menu(key="customers.admin.menu", icon="contact", order=35),
        ),
        page(
            frontend=Frontend.STORE,
            path="customers/[customer]",
            view="merchant_detail:customer_page",
            title_key="customers.admin.customer_title",
            permission="customers.view",
            state="merchant_detail:CustomerDetailState",
        ),
    ),
    api_routes="modules.customers.downloads:routes",
)
