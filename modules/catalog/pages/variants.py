"""The product editor's Variants section: options, the variant grid (stock per bin), bulk prices."""

import reflex as rx

from modules.catalog.services.variant_edits import MAX_OPTIONS
from modules.catalog.services.variant_prices import MODES
from modules.catalog.state.variants import VariantEditorState
from orion_app.ui.components import LABEL_STYLE, field_error, section, select
from orion_app.ui.i18n import label, t

S = VariantEditorState
CELL_INPUT = {"size": "1"}


def _text(label_text: rx.Var, name: rx.Var | str, *, multiline: bool = False) -> rx.Component:
    control = (
        rx.text_area(name=name, default_value=S.option_values[name], rows="3", margin_top="0.25em")
        if multiline
        else rx.input(name=name, default_value=S.option_values[name], margin_top="0.25em")
    )
    return rx.el.label(label_text, control, **LABEL_STYLE, width="100%", min_width="0")


def _option_texts(i: int, lang: rx.Var, suffix: rx.Var | str) -> rx.Component:
    return rx.grid(
        _text(t("catalog.variants.option_name", n=i + 1, lang=suffix), f"o{i}.name." + lang),
        _text(
            t("catalog.variants.option_values", n=i + 1, lang=suffix), f"o{i}.values." + lang, multiline=True
        ),
        columns=rx.breakpoints(initial="1", sm="2"),
        spacing="3",
        width="100%",
    )


def _option(i: int) -> rx.Component:
    return rx.box(
        rx.vstack(
            _option_texts(i, S.langs[0], ""),
            field_error(S.option_errors, f"o{i}.name"),
            field_error(S.option_errors, f"o{i}.values"),
            rx.el.details(
                rx.el.summary(t("catalog.variants.translations"), font_size="0.85em"),
                rx.foreach(
                    S.langs[1:],
                    lambda lang: _option_texts(i, lang, " (" + lang.upper() + ")"),
                ),
                width="100%",
            ),
            spacing="2",
            width="100%",
        ),
        border_top=f"{'0' if i == 0 else '1px'} solid var(--gray-5)",
        padding_top="0.75em",
        width="100%",
    )


def _options() -> rx.Component:
    return rx.form(
        rx.vstack(
            rx.text(t("catalog.variants.options_hint"), size="2", color_scheme="gray"),
            *[_option(i) for i in range(MAX_OPTIONS)],
            field_error(S.option_errors, "options"),
            rx.cond(
                S.can_edit,
                rx.hstack(
                    rx.button(t("catalog.variants.save_options"), type="submit", variant="soft"),
                    rx.button(
                        t("catalog.variants.generate"),
                        type="button",
                        on_click=S.generate,
                        disabled=S.option_count == 0,
                    ),
                    wrap="wrap",
                    spacing="3",
                ),
            ),
            spacing="3",
            width="100%",
        ),
        on_submit=S.save_options,
        key=S.form_key,
        width="100%",
    )


def _cell(row: rx.Var, name: str, min_width: str = "6em", **props) -> rx.Component:
    key = row["id"] + f".{name}"
    return rx.table.cell(
        rx.input(
            name=key,
            default_value=row[name],
            aria_label=t(f"catalog.variants.cell.{name}", variant=row["label"]),
            read_only=~S.can_edit,
            min_width=min_width,
            **CELL_INPUT,
            **props,
        ),
        field_error(S.grid_errors, key),
    )


def _stock_cell(row: rx.Var, location: rx.Var, k: rx.Var) -> rx.Component:
    key = row["id"] + ".stock." + S.location_keys[k]
    return rx.table.cell(
        rx.input(
            name=key,
            default_value=S.stock[key],
            type="number",
            min="0",
            step="1",
            aria_label=t("catalog.variants.cell.stock", location=location, variant=row["label"]),
            read_only=~S.can_stock,
            size="1",
            min_width="5em",
        ),
        field_error(S.grid_errors, key),
    )


def _row(row: rx.Var) -> rx.Component:
    return rx.table.row(
        rx.table.cell(
            rx.checkbox(
                checked=S.selected.contains(row["id"]),
                on_change=lambda on: S.toggle(row["id"], on),
                aria_label=t("catalog.variants.cell.select", variant=row["label"]),
            )
        ),
        rx.table.cell(rx.text(row["label"], weight="medium"), white_space="nowrap"),
        _cell(row, "sku", min_width="12em"),
        _cell(row, "gtin", min_width="9em"),
        _cell(row, "price", placeholder=S.price_placeholder),
        _cell(row, "sale_price", placeholder=S.sale_placeholder),
        rx.foreach(S.locations, lambda location, k: _stock_cell(row, location, k)),
        rx.table.cell(
            rx.el.input(
                type="checkbox",
                name=row["id"] + ".is_active",
                value="1",
                default_checked=row["active"] == "1",
                disabled=~S.can_edit,
                aria_label=t("catalog.variants.cell.active", variant=row["label"]),
            ),
            text_align="center",
        ),
    )


def _heading(text: rx.Var) -> rx.Component:
    return rx.table.column_header_cell(text, white_space="nowrap")


def _grid() -> rx.Component:
    table = rx.table.root(
        rx.table.header(
            rx.table.row(
                _heading(
                    rx.checkbox(
                        checked=(S.selected.length() == S.rows.length()) & (S.rows.length() > 0),
                        on_change=S.select_all,
                        aria_label=t("catalog.variants.select_all"),
                    )
                ),
                _heading(t("catalog.variants.variant")),
                _heading(t("catalog.product.sku")),
                _heading(t("catalog.product.gtin")),
                _heading(t("catalog.product.price")),
                _heading(t("catalog.product.sale_price")),
                rx.foreach(S.locations, lambda loc: _heading(t("catalog.variants.stock_in", location=loc))),
                _heading(t("catalog.variants.active")),
            )
        ),
        rx.table.body(rx.foreach(S.rows, _row)),
        size="1",
        width="100%",
    )
    return rx.form(
        rx.vstack(
            # The grid scrolls sideways inside its own box; the page never does.
            rx.box(table, overflow_x="auto", width="100%", max_width="100%", min_width="0"),
            rx.text(t("catalog.variants.inherit_hint"), size="1", color_scheme="gray"),
            rx.cond(
                S.can_edit,
                rx.hstack(
                    rx.spacer(), rx.button(t("catalog.variants.save_grid"), type="submit"), width="100%"
                ),
            ),
            width="100%",
            spacing="2",
        ),
        on_submit=S.save_grid,
        key=S.form_key,
        width="100%",
    )


def _add_location() -> rx.Component:
    return rx.form(
        rx.hstack(
            rx.el.label(
                t("inventory.stock.warehouse"),
                rx.input(name="warehouse", placeholder="STRASSEN", size="1"),
                **LABEL_STYLE,
            ),
            rx.el.label(
                t("inventory.stock.bin"),
                rx.input(name="bin", placeholder="SA-10-02", size="1"),
                **LABEL_STYLE,
            ),
            rx.button(t("catalog.variants.add_location"), type="submit", size="1", variant="soft"),
            align="end",
            wrap="wrap",
            spacing="3",
        ),
        rx.cond(
            S.location_error != "", rx.text(S.location_error, size="1", color_scheme="red", role="alert")
        ),
        on_submit=S.add_location,
        reset_on_submit=True,
        width="100%",
    )


def _bulk() -> rx.Component:
    preview = rx.vstack(
        rx.text(t("catalog.variants.bulk_preview"), size="2", weight="medium"),
        rx.box(
            rx.table.root(
                rx.table.body(
                    rx.foreach(
                        S.bulk_preview,
                        lambda p: rx.table.row(
                            rx.table.cell(p["label"]),
                            rx.table.cell(p["before"] + " → " + p["after"], white_space="nowrap"),
                            rx.table.cell(p["sale"], white_space="nowrap"),
                        ),
                    )
                ),
                size="1",
            ),
            overflow_x="auto",
            max_width="100%",
        ),
        rx.hstack(
            rx.button(t("catalog.variants.bulk_apply"), on_click=S.apply_prices, type="button"),
            rx.button(
                t("orion.cancel"),
                on_click=S.cancel_prices,
                type="button",
                variant="soft",
                color_scheme="gray",
            ),
            spacing="3",
        ),
        width="100%",
        role="region",
        aria_label=t("catalog.variants.bulk_preview"),
    )
    return rx.vstack(
        rx.heading(t("catalog.variants.bulk_title"), size="3", as_="h3"),
        rx.text(
            rx.cond(
                S.selected.length() > 0,
                t("catalog.variants.bulk_selected", count=S.selected.length()),
                t("catalog.variants.bulk_all"),
            ),
            size="2",
            color_scheme="gray",
        ),
        rx.form(
            rx.hstack(
                rx.el.label(
                    t("catalog.variants.bulk_mode"),
                    select(
                        *[rx.el.option(label(m, "catalog.variants.mode", MODES), value=m) for m in MODES],
                        name="mode",
                    ),
                    **LABEL_STYLE,
                ),
                rx.el.label(
                    t("catalog.variants.bulk_value"),
                    rx.input(name="value", placeholder="-10", size="2", width="8em"),
                    **LABEL_STYLE,
                ),
                rx.button(t("catalog.variants.bulk_show"), type="submit", variant="soft"),
                align="end",
                wrap="wrap",
                spacing="3",
            ),
            field_error(S.bulk_errors, "bulk.value"),
            field_error(S.bulk_errors, "bulk.mode"),
            field_error(S.bulk_errors, "bulk.variants"),
            on_submit=S.preview_prices,
            width="100%",
        ),
        rx.cond(S.bulk_preview.length() > 0, preview),
        width="100%",
        spacing="2",
    )


def variants_section() -> rx.Component:
    return section(
        "catalog.variants.title",
        _options(),
        rx.cond(
            S.rows.length() > 0,
            rx.vstack(
                rx.cond(S.can_stock, _add_location()),
                _grid(),
                rx.cond(S.can_edit, _bulk()),
                width="100%",
                spacing="3",
            ),
            rx.text(t("catalog.variants.none_yet"), size="2", color_scheme="gray"),
        ),
        hint_key="catalog.variants.hint",
        id="variants",
    )
