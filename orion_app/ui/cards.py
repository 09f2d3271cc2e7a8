"""Rendering `orion_app.cards` records: a responsive grid of cards with image and price."""

import reflex as rx

from orion_app.ui.i18n import t

# Read by screen readers, not shown.
VISUALLY_HIDDEN = {
    "position": "absolute",
    "width": "1px",
    "height": "1px",
    "overflow": "hidden",
    "clip": "rect(0 0 0 0)",
    "white_space": "nowrap",
}


# What a card's photo takes of the window: a quarter of the content (72em less the listing's
# category column) on a wide screen, a third from 768 px, half of a phone less the page's
# and the card's padding. A phone (412 px at 1.75x) then gets the 320 px file, not the 800 px one.
CARD_SIZES = "(min-width: 1024px) 14em, (min-width: 768px) 30vw, calc(50vw - 3em)"


def media_url(path: rx.Var) -> rx.Var:
    return rx.get_upload_url(path)


def card_srcset(md_path: rx.Var) -> rx.Var:
    """`srcset` of a card photo from the path of its md file (catalog/…/key_md.webp, see
    catalog's media.variant_path and SIZES): the sm (320 px) and md (800 px) files."""
    sm_path = md_path.to(str).replace("_md.webp", "_sm.webp")
    return media_url(sm_path) + " 320w, " + media_url(md_path) + " 800w"


def photo_attrs(eager: rx.Var | bool, high: rx.Var | bool, edge: int) -> dict:
    """The attributes that make a photo cheap on a phone: `loading` lazy below the fold,
    eager with `fetchpriority` high for the largest paint, and `width`/`height` so the page
    does not move when it arrives (CSS draws it square at its column's width)."""
    return {
        "loading": rx.cond(eager, "eager", "lazy")
        if isinstance(eager, rx.Var)
        else ("eager" if eager else "lazy"),
        "decoding": "async",
        # As an attribute: passed as `fetch_priority=` it lands in the CSS, where it does nothing.
        "custom_attrs": {
            "fetchPriority": rx.cond(high, "high", "auto")
            if isinstance(high, rx.Var)
            else ("high" if high else "auto"),
            "width": str(edge),
            "height": str(edge),
        },
    }


def square_photo(has_photo: rx.Var, radius: str, **image_props) -> rx.Component:
    """A photo cropped to a square as wide as its column, or a gray square where there is none."""
    return rx.cond(
        has_photo,
        rx.image(
            width="100%",
            height="auto",
            aspect_ratio="1",
            object_fit="cover",
            border_radius=radius,
            **image_props,
        ),
        rx.box(width="100%", aspect_ratio="1", background="var(--gray-3)", border_radius=radius),
    )


def price_tag(price: rx.Var, old_price: rx.Var, size: str) -> rx.Component:
    """The price to pay; during a sale, in red beside the old price struck through. Screen
    readers hear "Old price" before the struck one (a strike alone says nothing to them)."""
    return rx.flex(
        rx.text(price, size=size, weight="bold", color=rx.cond(old_price != "", "var(--red-11)", "inherit")),
        rx.cond(
            old_price != "",
            rx.el.del_(
                rx.el.span(t("orion.old_price"), " ", style=VISUALLY_HIDDEN),
                old_price,
                color="var(--gray-11)",
                font_size="0.85em",
                text_decoration="line-through",
            ),
        ),
        align="baseline",
        wrap="wrap",
        column_gap="0.5em",
    )


def card_view(card: rx.Var, index: rx.Var | int = 0, action=None) -> rx.Component:
    """A card linking to `card.href`; `action(card)` (e.g. "add to cart") goes under the link,
    inside the card, since a form cannot sit inside a link."""
    body = rx.vstack(
        square_photo(
            card.image != "",
            "6px",
            src=media_url(card.image),
            src_set=card_srcset(card.image),
            sizes=CARD_SIZES,
            alt=card.title,
            # The first row is usually the largest paint: load it at once, the rest lazily.
            **photo_attrs(index < 4, index < 2, 320),
        ),
        rx.text(card.subtitle, size="1", color_scheme="gray"),
        rx.text(card.title, weight="medium", size="2"),
        price_tag(card.price, card.old_price, "3"),
        rx.cond(card.badge != "", rx.text(card.badge, size="1", color_scheme="gray")),
        spacing="1",
        align="start",
        overflow_wrap="anywhere",
        min_width="0",
    )
    if action is None:
        return rx.link(rx.card(body, height="100%"), href=card.href, underline="none", color="inherit")
    return rx.card(
        rx.flex(
            rx.link(body, href=card.href, underline="none", color="inherit"),
            action(card),
            direction="column",
            justify="between",
            gap="2",
            height="100%",
        ),
        height="100%",
    )


def card_grid(cards: rx.Var, action=None) -> rx.Component:
    return rx.grid(
        rx.foreach(cards, lambda card, index: card_view(card, index, action)),
        columns=rx.breakpoints(initial="2", sm="3", md="4"),
        spacing="4",
        width="100%",
    )


def card_section(section: rx.Var) -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.heading(section.title, size="5", as_="h2"),
            rx.spacer(),
            rx.cond(section.more_href != "", rx.link(t("orion.see_all"), href=section.more_href)),
            width="100%",
            align="baseline",
        ),
        card_grid(section.cards),
        width="100%",
        spacing="3",
    )
