"""The storefront header's mini-cart (`SHELL_HEADER` contribution)."""

from orion_app.registry import Frontend, ShellItem

ITEMS = (
    ShellItem(
        frontends=(Frontend.STOREFRONT,),
        component="modules.cart.pages:mini_cart",
        on_load="modules.cart.state:MiniCartState.load",
    ),
)
