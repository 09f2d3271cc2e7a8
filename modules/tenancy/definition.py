"""Tenancy: platforms, merchants, stores, domains, users, roles and module enablement."""

from orion_app.registry import (
    Feature,
    Frontend,
    Menu,
    ModuleDefinition,
    PageFactory,
    Permission,
    ScheduledJob,
    StoreRole,
    Tier,
)

A, S = Frontend.ADMIN, Frontend.STORE

page = PageFactory(__name__)

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
        Permission(
            "tenancy.team.view",
            "tenancy.perm.team_view",
            roles=StoreRole.STAFF.and_above(),
            open_when_read_only=True,
        ),
        Permission("tenancy.team.manage", "tenancy.perm.team_manage"),
        # Managers invite too, never above their own role (services/invitations.py).
        Permission("tenancy.team.invite", "tenancy.perm.team_invite", roles=StoreRole.MANAGER.and_above()),
    ),
    # Unlimited unless the merchant's plan (billing) or the platform's setting says otherwise.
    features=(
        Feature("team_members", "tenancy.feature.team_members", "limit", None),
        Feature("stores_limit", "tenancy.feature.stores_limit", "limit", None),
    ),
    pages=(
        *(
            page(
                frontend=frontend,
                path="account",
                view="account:account_page",
                title_key="tenancy.account.title",
                state="account:AccountState",
                menu=Menu(key="tenancy.menu.account", icon="user", order=90),
            )
            for frontend in (A, S)
        ),
        *(
            page(
                frontend=frontend,
                path=path,
                view=f"password_reset:{view}",
                title_key="tenancy.reset.title",
                public=True,
                state=f"password_reset:{state}",
            )
            for frontend in (A, S)
            for path, view, state in (
                ("forgot-password", "forgot_password_page", "ForgotPasswordState"),
                ("reset-password", "reset_password_page", "ResetPasswordState"),
            )
        ),
        page(
            frontend=S,
            path="invitation",
            view="invitation:invitation_page",
            title_key="tenancy.invitation.title",
            public=True,
            state="invitation:InvitationState",
        ),
        page(
            frontend=A,
            path="login",
            view="signin:admin_signin_page",
            title_key="tenancy.signin.title",
            public=True,
            state="signin:SignInState",
        ),
        page(
            frontend=A,
            path="platforms",
            view="admin:platforms_page",
            title_key="tenancy.platforms.title",
            permission="tenancy.platforms.manage",
            state="platforms:PlatformsState",
            menu=Menu(key="tenancy.menu.platforms", icon="layers", order=20),
        ),
        page(
            frontend=A,
            path="platforms/[platform]",
            view="admin:platform_edit_page",
            title_key="tenancy.platform.edit_title",
            permission="tenancy.platforms.manage",
            state="platforms:PlatformEditState",
        ),
        page(
            frontend=A,
            path="platforms/[platform]/modules",
            view="admin:platform_modules_page",
            title_key="tenancy.modules.title",
            permission="tenancy.platforms.manage",
            state="modules:PlatformModulesState",
        ),
        page(
            frontend=A,
            path="merchants",
            view="admin:merchants_page",
            title_key="tenancy.merchants.title",
            permission="tenancy.merchants.manage",
            state="directory:MerchantsState",
            menu=Menu(key="tenancy.menu.merchants", icon="briefcase", order=30),
        ),
        page(
            frontend=A,
            path="stores",
            view="admin:stores_page",
            title_key="tenancy.stores.title",
            permission="tenancy.merchants.manage",
            state="directory:StoresState",
            menu=Menu(key="tenancy.menu.stores", icon="store", order=40),
        ),
        page(
            frontend=A,
            path="users",
            view="admin:users_page",
            title_key="tenancy.users.title",
            permission="tenancy.users.manage",
            state="directory:UsersState",
            menu=Menu(key="tenancy.menu.users", icon="users", order=50),
        ),
        page(
            frontend=A,
            path="merchants/[merchant]",
            view="details:merchant_page",
            title_key="tenancy.merchant.page_title",
            permission="tenancy.merchants.manage",
            state="details:MerchantDetailState",
        ),
        page(
            frontend=A,
            path="stores/[store]",
            view="details:store_page",
            title_key="tenancy.store.page_title",
            permission="tenancy.merchants.manage",
            state="details:StoreDetailState",
        ),
        page(
            frontend=A,
            path="users/[user]",
            view="details:user_page",
            title_key="tenancy.user.page_title",
            permission="tenancy.users.manage",
            state="details:UserDetailState",
        ),
        page(
            frontend=S,
            path="login",
            view="signin:store_signin_page",
            title_key="tenancy.signin.title",
            public=True,
            state="signin:SignInState",
        ),
        page(
            frontend=S,
            path="team",
            view="team:team_page",
            title_key="tenancy.team.title",
            permission="tenancy.team.view",
            state="team:TeamState",
            menu=Menu(key="tenancy.menu.team", icon="users", order=80),
        ),
    ),
    scheduled_jobs=(
        ScheduledJob("purge_expired_sessions", "modules.tenancy.jobs:purge_expired_sessions", "30 3 * * *"),
    ),
    provides={
        "tenant_directory": "modules.tenancy.services.ports:SqlTenantDirectory",
        "module_state": "modules.tenancy.services.ports:SqlModuleStateStore",
        "authenticator": "modules.tenancy.services.ports:SqlAuthenticator",
    },
    contributes={
        "message_kinds": "modules.tenancy.messages:KINDS",
        "usage_counters": "modules.tenancy.usage:COUNTERS",
    },
    seed_demo="modules.tenancy.demo:seed",
    metrics_provider="modules.tenancy.providers:store_metrics",
    context_providers={Frontend.PLATFORM: "modules.tenancy.providers:platform_context"},
)
