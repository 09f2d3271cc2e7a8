"""Tenancy: platforms, merchants, stores, domains, users, roles and module enablement."""

from orion_app.registry import (
    Frontend,
    MenuItem,
    ModuleDefinition,
    Page,
    Permission,
    ScheduledJob,
    StoreRole,
    Tier,
)

A, S = Frontend.ADMIN, Frontend.STORE
ADMIN_PAGES = "modules.tenancy.pages.admin"
STATE = "modules.tenancy.state"
SIGN_IN_LOAD = "modules.tenancy.state.signin:SignInState.load"

MODULE = ModuleDefinition(
    code="tenancy",
    name="Tenancy",
    description="Platforms, merchants, stores, domains, users, roles and module enablement.",
    version="1.0.0",
    tier=Tier.CORE,
    permissions=(
        Permission("tenancy.platforms.manage", "tenancy.perm.platforms", A),
        Permission("tenancy.merchants.manage", "tenancy.perm.merchants", A),
        Permission("tenancy.users.manage", "tenancy.perm.users", A),
        Permission("tenancy.team.view", "tenancy.perm.team_view", S, (StoreRole.MANAGER, StoreRole.STAFF)),
        Permission("tenancy.team.manage", "tenancy.perm.team_manage", S),
    ),
    pages=(
        *(
            Page(
                frontend=frontend,
                path="account",
                component="modules.tenancy.pages.account:account_page",
                title_key="tenancy.account.title",
                on_load=(f"{STATE}.account:AccountState.load",),
            )
            for frontend in (A, S)
        ),
        Page(
            frontend=A,
            path="login",
            component="modules.tenancy.pages.signin:admin_signin_page",
            title_key="tenancy.signin.title",
            public=True,
            on_load=(SIGN_IN_LOAD,),
        ),
        Page(
            frontend=A,
            path="platforms",
            component=f"{ADMIN_PAGES}:platforms_page",
            title_key="tenancy.platforms.title",
            permission="tenancy.platforms.manage",
            on_load=(f"{STATE}.platforms:PlatformsState.load",),
        ),
        Page(
            frontend=A,
            path="platforms/[platform]",
            component=f"{ADMIN_PAGES}:platform_edit_page",
            title_key="tenancy.platform.edit_title",
            permission="tenancy.platforms.manage",
            on_load=(f"{STATE}.platforms:PlatformEditState.load",),
        ),
        Page(
            frontend=A,
            path="platforms/[platform]/modules",
            component=f"{ADMIN_PAGES}:platform_modules_page",
            title_key="tenancy.modules.title",
            permission="tenancy.platforms.manage",
            on_load=(f"{STATE}.modules:PlatformModulesState.load",),
        ),
        Page(
            frontend=A,
            path="merchants",
            component=f"{ADMIN_PAGES}:merchants_page",
            title_key="tenancy.merchants.title",
            permission="tenancy.merchants.manage",
            on_load=(f"{STATE}.directory:MerchantsState.load",),
        ),
        Page(
            frontend=A,
            path="stores",
            component=f"{ADMIN_PAGES}:stores_page",
            title_key="tenancy.stores.title",
            permission="tenancy.merchants.manage",
            on_load=(f"{STATE}.directory:StoresState.load",),
        ),
        Page(
            frontend=A,
            path="users",
            component=f"{ADMIN_PAGES}:users_page",
            title_key="tenancy.users.title",
            permission="tenancy.users.manage",
            on_load=(f"{STATE}.directory:UsersState.load",),
        ),
        Page(
            frontend=S,
            path="login",
            component="modules.tenancy.pages.signin:store_signin_page",
            title_key="tenancy.signin.title",
            public=True,
            on_load=(SIGN_IN_LOAD,),
        ),
        Page(
            frontend=S,
            path="team",
            component="modules.tenancy.pages.team:team_page",
            title_key="tenancy.team.title",
            permission="tenancy.team.view",
            on_load=(f"{STATE}.team:TeamState.load",),
        ),
    ),
    menus=(
        MenuItem(A, "tenancy.menu.platforms", "platforms", "layers", "tenancy.platforms.manage", 20),
        MenuItem(A, "tenancy.menu.merchants", "merchants", "briefcase", "tenancy.merchants.manage", 30),
        MenuItem(A, "tenancy.menu.stores", "stores", "store", "tenancy.merchants.manage", 40),
        MenuItem(A, "tenancy.menu.users", "users", "users", "tenancy.users.manage", 50),
        MenuItem(S, "tenancy.menu.team", "team", "users", "tenancy.team.view", 80),
        MenuItem(A, "tenancy.menu.account", "account", "user", None, 90),
        MenuItem(S, "tenancy.menu.account", "account", "user", None, 90),
    ),
    scheduled_jobs=(
        ScheduledJob("purge_expired_sessions", "modules.tenancy.jobs:purge_expired_sessions", "30 3 * * *"),
    ),
    provides={
        "tenant_directory": "modules.tenancy.services.ports:SqlTenantDirectory",
        "module_state": "modules.tenancy.services.ports:SqlModuleStateStore",
        "authenticator": "modules.tenancy.services.ports:SqlAuthenticator",
    },
    seed_demo="modules.tenancy.demo:seed",
    metrics_provider="modules.tenancy.providers:store_metrics",
    context_providers={Frontend.PLATFORM: "modules.tenancy.providers:platform_context"},
)
