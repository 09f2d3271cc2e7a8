"""Storefront pages: product listing (categories, search, pages) and the product page."""

import reflex as rx

from modules.catalog.state.shop import ShopListingState, ShopProductState
from orion_app.ui.cards import card_grid, media_url, square_photo
from orion_app.ui.components import data_item, search_input
from orion_app.ui.i18n import t
from orion_app.ui.layout import not_found_view
from orion_app.ui.pager import link_pager

P = ShopProductState


def _search_form() -> rx.Component:
    return rx.form(
        rx.hstack(
            search_input(
                ShopListingState.search,
                "catalog.shop.search_placeholder",
                "catalog.shop.search",
                width="100%",
                key=ShopListingState.search,
            ),
            rx.button(t("catalog.shop.search"), type="submit"),
            width="100%",
        ),
        on_submit=ShopListingState.submit_search,
        role="search",
        width="100%",
    )


def _categories() -> rx.Component:
    return rx.el.nav(
        rx.vstack(
            rx.text(t("catalog.shop.categories"), weight="bold", size="2"),
            rx.link(t("catalog.shop.all_products"), href=ShopListingState.all_href, size="2"),
            rx.foreach(
                ShopListingState.categories,
                lambda c: rx.link(
                    c["name"],
                    href=c["href"],
                    size="2",
                    padding_left=rx.cond(c["depth"] == "0", "0", "1em"),
                    weight=rx.cond(c["active"] != "", "bold", "regular"),
                ),
            ),
            spacing="1",
            align="start",
        ),
        aria_label=t("catalog.shop.categories"),
        min_width="12em",
    )


def _results() -> rx.Component:
    return rx.vstack(
        rx.heading(ShopListingState.heading, size="6"),
        rx.text(t("catalog.shop.count", count=ShopListingState.total), size="2", color_scheme="gray"),
        rx.cond(
            ShopListingState.total > 0,
            card_grid(ShopListingState.items),
            rx.text(t("catalog.shop.no_results"), padding="2em 0"),
        ),
        link_pager(
            ShopListingState.page_number,
            ShopListingState.page_count,
            ShopListingState.prev_href,
            ShopListingState.next_href,
        ),
        width="100%",
        spacing="4",
    )


def listing_page() -> rx.Component:
    return rx.vstack(
        _search_form(),
        rx.hstack(_categories(), _results(), align="start", spacing="6", width="100%"),
        width="100%",
        spacing="5",
    )


def _gallery() -> rx.Component:
    return rx.vstack(
        square_photo(
            P.photos.length() > 0,
            "8px",
            src=media_url(P.photos[P.selected_photo]),
            src_set=P.photo_sets[P.selected_photo],
            sizes="(max-width: 768px) 100vw, 32em",
            alt=P.title,
            fetch_priority="high",
        ),
        rx.hstack(
            rx.foreach(
                P.thumbs,
                lambda thumb, i: rx.button(
                    rx.image(
                        src=media_url(thumb),
                        alt=P.title,
                        width="64px",
                        height="64px",
                        object_fit="cover",
                        loading="lazy",
                    ),
                    on_click=P.show_photo(i),
                    variant=rx.cond(P.selected_photo == i, "surface", "ghost"),
                    padding="2px",
                    height="auto",
                    aria_label=t("catalog.shop.photo"),
                ),
            ),
            wrap="wrap",
        ),
        width="100%",
        max_width="32em",
    )


def _details() -> rx.Component:
    return rx.vstack(
        rx.text(P.brand, color_scheme="gray", size="2"),
        rx.heading(P.title, size="7", as_="h1"),
        rx.hstack(
            rx.text(
                P.price, size="6", weight="bold", color=rx.cond(P.old_price != "", "var(--red-11)", "inherit")
            ),
            rx.cond(
                P.old_price != "", rx.text(P.old_price, as_="s", color_scheme="gray", aria_label="old price")
            ),
            align="baseline",
            spacing="3",
        ),
        rx.text(P.vat_note, size="1", color_scheme="gray"),
        rx.badge(P.availability, color_scheme=rx.cond(P.in_stock, "green", "orange"), size="2"),
        rx.text(P.description, white_space="pre-line"),
        rx.data_list.root(
            data_item(t("catalog.product.sku"), P.sku),
            rx.cond(P.gtin != "", data_item("GTIN", P.gtin)),
            size="1",
        ),
        align="start",
        spacing="3",
        width="100%",
    )


def product_page() -> rx.Component:
    product = rx.box(
        rx.el.meta(name="description", content=P.meta_description),
        rx.el.script(P.json_ld, type="application/ld+json"),
        rx.flex(_gallery(), _details(), direction=rx.breakpoints(initial="column", md="row"), spacing="6"),
    )
    return rx.cond(P.found, product, not_found_view())
