"""The public sites' header links (`SHELL_HEADER` contribution): the pages placed in the
header; its loader also fills the footer's links (`ShellState.legal_pages`)."""

from orion_app.registry import Frontend, ShellItem

ITEMS = (
    ShellItem(
        frontends=(Frontend.STOREFRONT, Frontend.PLATFORM),
        component="modules.cms.pages.site:header_links",
        on_load="modules.cms.state.site:NavigationState.load",
    ),
)
