"""Rendering `orion_app.cards` records: a responsive grid of cards with image and price."""

import reflex as rx

from orion_app.ui.i18n import t


def media_url(path: rx.Var) -> rx.Var:
    return rx.get_upload_url(path)


def square_photo(has_photo: rx.Var, radius: str, **image_props) -> rx.Component:
    """A photo cropped to a square as wide as its column, or a gray square where there is none."""
    return rx.cond(
        has_photo,
        rx.image(width="100%", aspect_ratio="1", object_fit="cover", border_radius=radius, **image_props),
        rx.box(width="100%", aspect_ratio="1", background="var(--gray-3)", border_radius=radius),
    )


def card_view(card: rx.Var, index: rx.Var | int = 0) -> rx.Component:
    return rx.link(
        rx.card(
            rx.vstack(
                square_photo(
                    card.image != "",
                    "6px",
                    src=media_url(card.image),
                    alt=card.title,
                    # The first row is usually the largest paint: load it at once, the rest lazily.
                    loading=rx.cond(index < 4, "eager", "lazy"),
                    fetch_priority=rx.cond(index < 2, "high", "auto"),
                    decoding="async",
                ),
                rx.text(card.subtitle, size="1", color_scheme="gray"),
                rx.text(card.title, weight="medium", size="2"),
                rx.hstack(
                    rx.text(
                        card.price,
                        weight="bold",
                        color=rx.cond(card.old_price != "", "var(--red-11)", "inherit"),
                    ),
                    rx.cond(
                        card.old_price != "",
                        rx.text(
                            card.old_price, as_="s", size="1", color_scheme="gray", aria_label="old price"
                        ),
                    ),
                    align="baseline",
                    spacing="2",
                ),
                rx.cond(card.badge != "", rx.text(card.badge, size="1", color_scheme="gray")),
                spacing="1",
                align="start",
            ),
            height="100%",
        ),
        href=card.href,
        underline="none",
        color="inherit",
    )


def card_grid(cards: rx.Var) -> rx.Component:
    return rx.grid(
        rx.foreach(cards, lambda card, index: card_view(card, index)),
        columns=rx.breakpoints(initial="2", sm="3", md="4"),
        spacing="4",
        width="100%",
    )


def card_section(section: rx.Var) -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.heading(section.title, size="5"),
            rx.spacer(),
            rx.cond(section.more_href != "", rx.link(t("orion.see_all"), href=section.more_href)),
            width="100%",
            align="baseline",
        ),
        card_grid(section.cards),
        width="100%",
        spacing="3",
    )
