"""Storefront pages: product listing (categories, search, pages) and the product page."""

import reflex as rx

from modules.catalog.pages.actions import card_action, product_actions
from modules.catalog.state.shop import ShopListingState, ShopProductState
from orion_app.ui.cards import VISUALLY_HIDDEN, card_grid, media_url, photo_attrs, price_tag, square_photo
from orion_app.ui.components import data_item, options_of, search_input, select
from orion_app.ui.i18n import t
from orion_app.ui.layout import WIDE, left_drawer
from orion_app.ui.pager import link_pager
from orion_app.ui.verdicts import not_found_view

L = ShopListingState
P = ShopProductState


def breadcrumbs(crumbs: rx.Var, as_json: rx.Var) -> rx.Component:
    """Home › Category › Sub-category › this page, and the same for search engines."""
    return rx.el.nav(
        rx.el.script(as_json, type="application/ld+json"),
        rx.el.ol(
            rx.foreach(crumbs, _crumb),
            style={
                "display": "flex",
                "flex_wrap": "wrap",
                "gap": "0.25em",
                "list_style": "none",
                "padding": "0",
            },
        ),
        aria_label=t("catalog.shop.breadcrumb"),
        font_size="0.85em",
        min_width="0",
    )


def _crumb(crumb: rx.Var, index: rx.Var) -> rx.Component:
    return rx.el.li(
        rx.cond(
            index > 0,
            rx.text("›", as_="span", color_scheme="gray", aria_hidden="true", margin_right="0.25em"),
        ),
        rx.cond(
            crumb["href"] != "",
            rx.link(crumb["name"], href=crumb["href"]),
            rx.text(crumb["name"], as_="span", aria_current="page", color_scheme="gray"),
        ),
        overflow_wrap="anywhere",
    )


def _search_form() -> rx.Component:
    return rx.form(
        rx.hstack(
            rx.el.input(type="hidden", name="category", value=L.category_slug),
            search_input(
                L.search, "catalog.shop.search_placeholder", "catalog.shop.search", width="100%", key=L.search
            ),
            rx.button(t("catalog.shop.search"), type="submit"),
            width="100%",
        ),
        on_submit=L.submit_search,
        role="search",
        width="100%",
    )


def _category_links(link=lambda c: c) -> rx.Component:
    return rx.vstack(
        link(rx.link(t("catalog.shop.all_products"), href=L.all_href, size="2")),
        rx.foreach(
            L.categories,
            lambda c: link(
                rx.link(
                    c["name"],
                    href=c["href"],
                    size="2",
                    padding_left=rx.cond(c["depth"] == "0", "0", "1em"),
                    weight=rx.cond(c["active"] != "", "bold", "regular"),
                    aria_current=rx.cond(c["active"] != "", "page", "false"),
                )
            ),
        ),
        spacing="1",
        align="start",
    )


def _categories() -> rx.Component:
    """The category list beside the results on a wide screen."""
    return rx.el.nav(
        rx.text(t("catalog.shop.categories"), weight="bold", size="2"),
        _category_links(),
        aria_label=t("catalog.shop.categories"),
        display=rx.breakpoints(initial="none", **{WIDE: "block"}),
        min_width="12em",
    )


def _categories_drawer() -> rx.Component:
    """The same list in a drawer on a phone, behind a "Categories" button."""
    return left_drawer(
        rx.button(rx.icon("list", size=16), t("catalog.shop.categories"), variant="soft", size="2"),
        rx.el.nav(
            rx.drawer.title(t("catalog.shop.categories"), size="4"),
            rx.drawer.description(t("catalog.shop.categories_hint"), size="1", color_scheme="gray"),
            _category_links(rx.drawer.close),
            aria_label=t("catalog.shop.categories"),
        ),
    )


def _filter(label: rx.Component, clear_href: rx.Var, clear_key: str) -> rx.Component:
    """A filter in force, with a link that drops it and keeps the others."""
    return rx.badge(
        label,
        rx.link(rx.icon("x", size=12), href=clear_href, aria_label=t(clear_key), color="inherit"),
        size="2",
        variant="soft",
        radius="full",
        max_width="100%",
        style={"white_space": "normal", "overflow_wrap": "anywhere"},
    )


def _toolbar() -> rx.Component:
    return rx.flex(
        rx.text(t("catalog.shop.count", count=L.total), size="2", color_scheme="gray"),
        rx.cond(
            L.search != "",
            _filter(rx.text("“", L.search, "”"), L.clear_search_href, "catalog.shop.clear_search"),
        ),
        rx.cond(
            L.category_name != "",
            _filter(L.category_name, L.clear_category_href, "catalog.shop.clear_category"),
        ),
        rx.spacer(),
        rx.box(_categories_drawer(), display=rx.breakpoints(initial="block", **{WIDE: "none"})),
        rx.el.label(
            t("catalog.shop.sort_by"),
            select(
                options_of(L.sorts),
                value=L.sort,
                on_change=L.choose_sort,
                name="sort",
            ),
            style={"display": "flex", "align_items": "center", "gap": "0.5em", "font_size": "0.9em"},
        ),
        wrap="wrap",
        align="center",
        gap="2",
        width="100%",
    )


def _no_results() -> rx.Component:
    """Nothing found: the ways out, widening the search rather than a dead end."""
    return rx.vstack(
        rx.text(t("catalog.shop.no_results")),
        rx.cond(
            L.category_name != "", rx.link(t("catalog.shop.search_everywhere"), href=L.clear_category_href)
        ),
        rx.cond(L.search != "", rx.link(t("catalog.shop.clear_search"), href=L.clear_search_href)),
        padding="2em 0",
        spacing="2",
    )


def _results() -> rx.Component:
    return rx.vstack(
        rx.heading(L.heading, size="6", as_="h1"),
        _toolbar(),
        rx.cond(L.total > 0, card_grid(L.items, card_action()), _no_results()),
        link_pager(L.page_number, L.page_count, L.prev_href, L.next_href),
        width="100%",
        min_width="0",
        spacing="4",
    )


def listing_page() -> rx.Component:
    return rx.vstack(
        breadcrumbs(L.crumbs, L.crumbs_json),
        _search_form(),
        rx.hstack(_categories(), _results(), align="start", spacing="6", width="100%"),
        width="100%",
        spacing="4",
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
            **photo_attrs(True, True, 800),  # the page's largest paint
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
                        **photo_attrs(False, False, 64),
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


_CHIP = {
    "display": "inline-flex",
    "align_items": "center",
    "min_height": "2.5em",  # a finger-sized target on a phone
    "padding": "0.25em 0.9em",
    "border_radius": "var(--radius-3)",
    "border": "1px solid var(--gray-7)",
    "font_size": "0.9em",
    "text_decoration": "none",
    "color": "var(--gray-12)",
}


def _picker_value(value: rx.Var) -> rx.Component:
    """A value of an option: a link to its variant (the chosen one marked, a sold-out one
    dashed), or, when no active variant has it with the other values chosen, shown disabled."""
    return rx.cond(
        value.href != "",
        rx.link(
            value.label,
            rx.cond(value.sold_out, rx.el.span(" – ", t("catalog.shop.sold_out"), style=VISUALLY_HIDDEN)),
            href=value.href,
            aria_current=rx.cond(value.chosen, "true", "false"),
            style=_CHIP
            | {
                "border": rx.cond(
                    value.chosen,
                    "2px solid var(--accent-9)",
                    rx.cond(value.sold_out, "1px dashed var(--gray-8)", _CHIP["border"]),
                ),
                "color": rx.cond(value.sold_out, "var(--gray-11)", "var(--gray-12)"),
                "font_weight": rx.cond(value.chosen, "bold", "normal"),
            },
        ),
        rx.el.span(
            value.label,
            rx.el.span(" – ", t("catalog.shop.unavailable"), style=VISUALLY_HIDDEN),
            aria_disabled="true",
            style=_CHIP | {"opacity": "0.45", "text_decoration": "line-through", "cursor": "not-allowed"},
        ),
    )


def _pickers() -> rx.Component:
    """One group per option (Weight, Grind), named by its legend."""
    return rx.foreach(
        P.pickers,
        lambda group: rx.el.fieldset(
            rx.el.legend(group.name, style={"font_weight": "bold", "font_size": "0.9em", "padding": "0"}),
            rx.flex(
                rx.foreach(group["values"], _picker_value),
                wrap="wrap",
                style={"gap": "0.5em", "margin_top": "0.4em"},
            ),
            style={"border": "none", "padding": "0", "margin": "0", "min_width": "0", "max_width": "100%"},
        ),
    )


def _details() -> rx.Component:
    return rx.vstack(
        rx.text(P.brand, color_scheme="gray", size="2"),
        rx.heading(P.title, size="7", as_="h1"),
        rx.cond(P.variant_name != "", rx.text(P.variant_name, size="3", color_scheme="gray")),
        _pickers(),
        price_tag(P.price, P.old_price, "6"),
        rx.text(P.vat_note, size="1", color_scheme="gray"),
        rx.badge(P.availability, color_scheme=rx.cond(P.in_stock, "green", "orange"), size="2"),
        product_actions(P.product_id, P.sku, False, "", False),
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
        rx.vstack(
            breadcrumbs(P.crumbs, P.crumbs_json),
            rx.flex(
                _gallery(), _details(), direction=rx.breakpoints(initial="column", md="row"), spacing="6"
            ),
            spacing="4",
            width="100%",
        ),
    )
    return rx.cond(P.found, product, not_found_view())
