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
                frontend,
                "account",
                "modules.tenancy.pages.account:account_page",
                "tenancy.account.title",
                on_load=(f"{STATE}.account:AccountState.load",),
            )
            for frontend in (A, S)
        ),
        Page(
            A,
            "login",
            "modules.tenancy.pages.signin:admin_signin_page",
            "tenancy.signin.title",
            public=True,
            on_load=(SIGN_IN_LOAD,),
        ),
        Page(
            A,
            "platforms",
            f"{ADMIN_PAGES}:platforms_page",
            "tenancy.platforms.title",
            "tenancy.platforms.manage",
            (f"{STATE}.platforms:PlatformsState.load",),
        ),
        Page(
            A,
            "platforms/[platform]",
            f"{ADMIN_PAGES}:platform_edit_page",
            "tenancy.platform.edit_title",
            "tenancy.platforms.manage",
            (f"{STATE}.platforms:PlatformEditState.load",),
        ),
        Page(
            A,
            "platforms/[platform]/modules",
            f"{ADMIN_PAGES}:platform_modules_page",
            "tenancy.modules.title",
            "tenancy.platforms.manage",
            (f"{STATE}.modules:PlatformModulesState.load",),
        ),
        Page(
            A,
            "merchants",
            f"{ADMIN_PAGES}:merchants_page",
            "tenancy.merchants.title",
            "tenancy.merchants.manage",
            (f"{STATE}.directory:MerchantsState.load",),
        ),
        Page(
            A,
            "stores",
            f"{ADMIN_PAGES}:stores_page",
            "tenancy.stores.title",
            "tenancy.merchants.manage",
            (f"{STATE}.directory:StoresState.load",),
        ),
        Page(
            A,
            "users",
            f"{ADMIN_PAGES}:users_page",
            "tenancy.users.title",
            "tenancy.users.manage",
            (f"{STATE}.directory:UsersState.load",),
        ),
        Page(
            S,
            "login",
            "modules.tenancy.pages.signin:store_signin_page",
            "tenancy.signin.title",
            public=True,
            on_load=(SIGN_IN_LOAD,),
        ),
        Page(
            S,
            "team",
            "modules.tenancy.pages.team:team_page",
            "tenancy.team.title",
            "tenancy.team.view",
            (f"{STATE}.team:TeamState.load",),
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
