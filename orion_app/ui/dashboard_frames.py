"""The admin's and a store's dashboard frame (sidebar, top bar and drawer around a page) as
memos: compiled once, not with each dashboard page (orion_app/ui/layout.py builds them). Their
own module, so the storefront's code never loads them."""

import reflex as rx

from orion_app.registry import Frontend
from orion_app.ui.i18n import t
from orion_app.ui.shell import ShellState


@rx.memo
def admin_frame(children: rx.Var[rx.Component]) -> rx.Component:
    from orion_app.ui.layout import dashboard_frame  # layout imports this module

    return dashboard_frame(children, "Orion", t("orion.admin.subtitle"), frontend=Frontend.ADMIN)


@rx.memo
def store_frame(children: rx.Var[rx.Component]) -> rx.Component:
    from orion_app.ui.layout import dashboard_frame, store_switcher  # layout imports this module

    return dashboard_frame(
        children,
        ShellState.tenant_store_name,
        ShellState.tenant_platform_name,
        store_switcher,
        frontend=Frontend.STORE,
    )
