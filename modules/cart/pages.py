"""The cart page, the header's mini-cart and the "add to cart" forms catalog shows."""

import reflex as rx

from modules.cart.api import ADD_PATH
from modules.cart.state import CartPageState, LineView, MiniCartState
from orion_app.ui.backend import post_form
from orion_app.ui.cards import media_url, square_photo
from orion_app.ui.i18n import t
from orion_app.ui.shell import ShellState

C = CartPageState


def mini_cart() -> rx.Component:
    """The header's cart link with the number of units in it."""
    return rx.link(
        rx.flex(
            rx.icon("shopping_cart", size=18, aria_hidden="true"),
            rx.text(t("cart.title"), size="2", display=rx.breakpoints(initial="none", sm="inline")),
            rx.badge(
                MiniCartState.count,
                radius="full",
                variant="solid",
                custom_attrs={"data-testid": "cart-count"},
            ),
            align="center",
            gap="1",
        ),
        href=ShellState.base + "cart",
        aria_label=t("cart.title"),
        underline="none",
    )


def add_to_cart(product_id: rx.Var, sku, has_options, href, compact: bool) -> rx.Component:
    """Catalog's product action: a form posted to the add endpoint (api.py), which sets the
    guest cookie and comes back to this page; on a card of a product with options, a link to
    its page, where the variant is chosen."""
    form = post_form(
        rx.flex(
            rx.el.input(type="hidden", name="base", value=ShellState.base),
            rx.el.input(type="hidden", name="product", value=product_id.to_string()),
            rx.el.input(type="hidden", name="sku", value=sku),
            rx.el.input(type="hidden", name="next", value=MiniCartState.here),
            rx.cond(
                compact,
                rx.el.input(type="hidden", name="quantity", value="1"),
                rx.input(
                    name="quantity",
                    type="number",
                    default_value="1",
                    min=1,
                    max=999,
                    width="5em",
                    aria_label=t("cart.quantity"),
                ),
            ),
            rx.button(
                rx.icon("shopping_cart", size=16, aria_hidden="true"),
                t("cart.add"),
                type="submit",
                size="2" if compact else "3",
                width="100%" if compact else "auto",
            ),
            gap="2",
            align="center",
            width="100%",
        ),
        path=ADD_PATH,
        width="100%",
    )
    choose = rx.link(rx.button(t("cart.choose_options"), variant="soft", size="2", width="100%"), href=href)
    action = rx.cond(has_options, choose, form) if compact else form
    return rx.cond(ShellState.header_modules.contains("cart"), action)


def _stepper(line: LineView) -> rx.Component:
    return rx.flex(
        rx.icon_button(
            rx.icon("minus", size=14),
            on_click=C.change(line.variant_id, line.quantity - 1),
            disabled=line.quantity <= 1,
            variant="soft",
            size="1",
            aria_label=t("cart.less"),
        ),
        rx.text(
            line.quantity,
            size="3",
            weight="medium",
            min_width="2em",
            text_align="center",
            aria_live="polite",
            custom_attrs={"data-testid": "line-quantity"},
        ),
        rx.icon_button(
            rx.icon("plus", size=14),
            on_click=C.change(line.variant_id, line.quantity + 1),
            disabled=line.quantity >= line.max_quantity,
            variant="soft",
            size="1",
            aria_label=t("cart.more"),
        ),
        align="center",
        gap="1",
    )


def _line(line: LineView) -> rx.Component:
    return rx.card(
        rx.flex(
            rx.box(
                square_photo(line.photo != "", "6px", src=media_url(line.photo), alt=line.title),
                width="72px",
                flex_shrink="0",
            ),
            rx.vstack(
                rx.text(line.title, weight="medium", size="3"),
                rx.cond(line.options != "", rx.text(line.options, size="2", color_scheme="gray")),
                rx.text(line.unit_price, size="2", color_scheme="gray"),
                rx.cond(
                    line.notice != "",
                    rx.callout(
                        line.notice,
                        icon="info",
                        color_scheme=rx.cond(line.buyable, "amber", "red"),
                        size="1",
                        role="status",
                    ),
                ),
                rx.flex(
                    rx.cond(line.buyable, _stepper(line)),
                    rx.button(
                        rx.icon("trash_2", size=14),
                        t("cart.remove"),
                        on_click=C.remove(line.variant_id),
                        variant="ghost",
                        color_scheme="red",
                        size="1",
                    ),
                    rx.spacer(),
                    rx.cond(line.buyable, rx.text(line.total, weight="bold", size="3")),
                    align="center",
                    gap="3",
                    wrap="wrap",
                    width="100%",
                ),
                spacing="1",
                width="100%",
                min_width="0",
            ),
            gap="3",
            width="100%",
        ),
        width="100%",
        custom_attrs={"data-testid": "cart-line"},
    )


def _summary() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.flex(
                rx.text(t("cart.subtotal"), size="3"),
                rx.spacer(),
                rx.text(C.subtotal, size="4", weight="bold", custom_attrs={"data-testid": "cart-subtotal"}),
                width="100%",
            ),
            rx.text(t("cart.vat_included"), size="1", color_scheme="gray"),
            rx.link(
                rx.button(t("cart.checkout"), size="3", width="100%"),
                href=ShellState.base + "checkout",
                width="100%",
            ),
            spacing="2",
            width="100%",
        ),
        width="100%",
        max_width=rx.breakpoints(initial="100%", md="22em"),
    )


def _empty() -> rx.Component:
    return rx.vstack(
        rx.text(t("cart.empty"), size="3"),
        rx.link(t("cart.continue"), href=ShellState.base + "products"),
        padding_y="2em",
        spacing="2",
    )


def cart_page() -> rx.Component:
    return rx.vstack(
        rx.heading(t("cart.title"), size="7", as_="h1"),
        rx.cond(
            ~C.loaded,
            rx.spinner(),
            rx.cond(
                C.lines.length() > 0,
                rx.flex(
                    rx.vstack(rx.foreach(C.lines, _line), spacing="3", width="100%", min_width="0"),
                    _summary(),
                    direction=rx.breakpoints(initial="column", md="row"),
                    gap="4",
                    align="start",
                    width="100%",
                ),
                _empty(),
            ),
        ),
        spacing="4",
        width="100%",
    )
