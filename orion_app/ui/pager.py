"""Page-by-page navigation under a list: buttons calling an event, or links for the storefront."""

import reflex as rx

from orion_app.ui.i18n import t


def _pager(previous: rx.Component, page: rx.Var, pages: rx.Var, following: rx.Component) -> rx.Component:
    return rx.cond(
        pages > 1,
        rx.hstack(
            previous,
            rx.text(t("orion.pager.page_of", page=page, pages=pages), size="2"),
            following,
            role="navigation",
            aria_label=t("orion.pager.label"),
            spacing="4",
            justify="center",
            align="center",
            width="100%",
        ),
    )


def pager(page: rx.Var, pages: rx.Var, go_to) -> rx.Component:
    """Previous / "Page 2 of 5" / next buttons calling `go_to(page)`; nothing for a single page."""
    return _pager(
        rx.button(
            t("orion.pager.previous"), size="1", variant="soft", disabled=page <= 1, on_click=go_to(page - 1)
        ),
        page,
        pages,
        rx.button(
            t("orion.pager.next"), size="1", variant="soft", disabled=page >= pages, on_click=go_to(page + 1)
        ),
    )


def link_pager(page: rx.Var, pages: rx.Var, previous_href: rx.Var, next_href: rx.Var) -> rx.Component:
    """The same with links (crawlable pages); an empty href hides its link."""
    return _pager(
        rx.cond(previous_href != "", rx.link(t("orion.pager.previous"), href=previous_href)),
        page,
        pages,
        rx.cond(next_href != "", rx.link(t("orion.pager.next"), href=next_href)),
    )
