"""The storefront's and the platform site's header and footer as memos: compiled once, not
with each public page (orion_app/ui/layout.py builds them). Their own module, so public pages
load none of the dashboards' frames."""

import reflex as rx


@rx.memo
def public_header() -> rx.Component:
    from orion_app.ui.layout import public_header_view  # layout imports this module

    return public_header_view()


@rx.memo
def public_footer() -> rx.Component:
    from orion_app.ui.layout import public_footer_view  # layout imports this module

    return public_footer_view()
