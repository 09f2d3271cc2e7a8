"""Messaging: e-mail templates in four languages, e-mail log, conversations, notifications."""

from orion_app.registry import (
    SHELL_HEADER,
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
    code="messaging",
    name="Messaging",
    description="E-mail templates (4 languages, store overrides), e-mail log, conversations, notifications.",
    version="1.0.0",
    tier=Tier.CORE,
    permissions=(
        Permission(
            "messaging.templates.manage", "messaging.perm.templates", roles=StoreRole.MANAGER.and_above()
        ),
        Permission(
            "messaging.conversations", "messaging.perm.conversations", roles=StoreRole.STAFF.and_above()
        ),
        Permission(
            "messaging.log.view",
            "messaging.perm.log",
            roles=StoreRole.STAFF.and_above(),
            open_when_read_only=True,
        ),
        Permission("messaging.platform.manage", "messaging.perm.platform", A),
    ),
    pages=(
        page(
            frontend=S,
            path="emails",
            view="store:store_email_log_page",
            title_key="messaging.ui.log.title",
            permission="messaging.log.view",
            state="log:StoreEmailLogState",
            menu=Menu(key="messaging.ui.menu.emails", icon="mail", order=70),
        ),
        page(
            frontend=S,
            path="emails/templates",
            view="store:store_templates_page",
            title_key="messaging.ui.templates.title",
            permission="messaging.templates.manage",
            state="store:StoreTemplatesState",
        ),
        page(
            frontend=S,
            path="emails/templates/[kind]",
            view="store:store_template_page",
            title_key="messaging.ui.editor.title",
            permission="messaging.templates.manage",
            state="store:StoreTemplateEditorState",
        ),
        page(
            frontend=A,
            path="messaging",
            view="admin:messaging_platforms_page",
            title_key="messaging.ui.admin.title",
            permission="messaging.platform.manage",
            state="admin:MessagingPlatformsState",
            menu=Menu(key="messaging.ui.menu.admin", icon="mail", order=60),
        ),
        page(
            frontend=A,
            path="messaging/[platform]",
            view="admin:platform_settings_page",
            title_key="messaging.ui.settings.title",
            permission="messaging.platform.manage",
            state="admin:PlatformSettingsState",
        ),
        page(
            frontend=A,
            path="messaging/[platform]/templates/[kind]",
            view="admin:platform_template_page",
            title_key="messaging.ui.editor.platform_title",
            permission="messaging.platform.manage",
            state="admin:PlatformTemplateEditorState",
        ),
        page(
            frontend=A,
            path="email-log",
            view="admin:admin_email_log_page",
            title_key="messaging.ui.log.all_title",
            permission="messaging.platform.manage",
            state="log:AdminEmailLogState",
            menu=Menu(key="messaging.ui.menu.log", icon="inbox", order=61),
        ),
        page(
            frontend=A,
            path="outbox",
            view="admin:outbox_page",
            title_key="messaging.ui.outbox.title",
            permission="messaging.platform.manage",
            state="outbox:OutboxState",
        ),
        # Every signed-in user's own notifications (the bell leads here); no menu entry.
        *(
            page(
                frontend=frontend,
                path="notifications",
                view="notifications:notifications_page",
                title_key="messaging.notifications.title",
                state="notifications:NotificationsState",
            )
            for frontend in (A, S)
        ),
    ),
    scheduled_jobs=(
        ScheduledJob("requeue_stuck_mail", "modules.messaging.jobs.requeue_stuck_mail", "*/5 * * * *"),
    ),
    contributes={SHELL_HEADER: "modules.messaging.shell:ITEMS"},
)
