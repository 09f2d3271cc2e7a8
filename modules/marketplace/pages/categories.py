"""The import page's feed-category card: each google_product_category a feed brought, and
the store category it files products under (picked once, used by every later import)."""

import reflex as rx

from modules.marketplace.state.categories import CategoryMappingState
from orion_app.ui.components import field, options_of, section, select, select_field, stacked_form
from orion_app.ui.i18n import t
from orion_app.ui.tables import data_table, row

S = CategoryMappingState


def _choices() -> list[rx.Component]:
    """The "not mapped" choice, then the store's categories as a tree."""
    return [rx.el.option(t("marketplace.categories.unmapped"), value=""), options_of(S.category_choices)]


def _mapping_row(r: rx.Var) -> rx.Component:
    return row(
        rx.text(r["feed_category"], size="2"),
        select(
            *_choices(),
            value=r["category_id"],
            on_change=lambda value: S.choose(r["feed_category"], value),
            aria_label=r["feed_category"],
        ),
        align="center",
    )


def _add_form() -> rx.Component:
    """A value typed in before any feed brings it, with its category."""
    value = field(
        "marketplace.categories.feed_category", "feed_category", S.errors, placeholder="Home > Kitchen"
    )
    category = select_field("marketplace.categories.category", "category_id", S.errors, _choices())
    save = rx.button(t("marketplace.categories.add"), type="submit", variant="soft")
    return stacked_form(value, category, save, on_submit=S.add, reset_on_submit=True, key=S.form_key)


def categories_card() -> rx.Component:
    return section(
        "marketplace.categories.title",
        data_table(
            ["marketplace.categories.feed_category", "marketplace.categories.category"],
            S.mappings,
            _mapping_row,
            empty="marketplace.categories.none",
            size="1",
            scroll=True,
        ),
        rx.heading(t("marketplace.categories.add_title"), size="3", as_="h3"),
        _add_form(),
        rx.box(on_mount=S.load, display="none"),
        hint_key="marketplace.categories.hint",
    )
