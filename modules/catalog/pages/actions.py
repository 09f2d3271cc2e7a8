"""What other modules put on the storefront's product page and listing cards (an "add to
cart" button), without catalog knowing them.

Contribution point `storefront_product_actions`: each value is a callable
`(product_id: Var[int], sku: Var[str] | str, has_options: Var[bool] | bool, href: Var[str] | str,
compact: bool) -> rx.Component`. `sku` is the chosen variant's ("" on a card: the product's
default variant), `has_options` says the variant must be chosen on the product page (`href`)
first, `compact` is True on cards.
Each component hides itself where its module is not enabled.
"""

import reflex as rx

from orion_app.registry import get_registry

PRODUCT_ACTIONS = "storefront_product_actions"


def product_actions(
    product_id: rx.Var, sku: rx.Var | str, has_options: rx.Var | bool, href: rx.Var | str, compact: bool
) -> rx.Component:
    return rx.fragment(
        *(
            action(product_id, sku, has_options, href, compact)
            for _, action in get_registry().contributions(PRODUCT_ACTIONS)
        )
    )


def card_action():
    """The listing cards' actions, or None when no module contributes any (plain link cards)."""
    if not get_registry().contributions(PRODUCT_ACTIONS):
        return None
    return lambda card: product_actions(card.product_id, "", card.has_options, card.href, True)
